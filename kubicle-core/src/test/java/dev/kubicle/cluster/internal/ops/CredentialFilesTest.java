package dev.kubicle.cluster.internal.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/etc/kubernetes/pki/ca.key", "etc/kubernetes/pki/sa.key", "/etc/kubernetes/admin.conf",
            "super-admin.conf", "/etc/kubernetes/kubelet.conf", "/etc/kubernetes/bootstrap-kubelet.conf",
            "/etc/kubernetes/controller-manager.conf", "/etc/kubernetes/scheduler.conf", "kind/discovery.conf",
            "/var/lib/kubelet/pki/kubelet-client-current.pem"})
    void credentialsAreLeftOut(String path) {
        assertThat(CredentialFiles.isCredential(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kind/kubeadm.conf", "kind/kubeadm-init.log", "kind/version", "journal.log",
            "pods/kube-system_etcd-x_1/etcd/0.log", "kind/manifests/default-cni.yaml", "kind/haproxy.cfg"})
    void diagnosticsAreKept(String path) {
        assertThat(CredentialFiles.isCredential(path)).isFalse();
    }
}
