package dev.kubicle.kubeadm;

import dev.kubicle.kubeadm.KubeadmConfigInput.Role;

import java.util.Map;

/** Kubeadm inputs for tests: a bootstrap control plane of cluster "kubicle", changed one field at a time. */
final class Inputs {
    /** Fixed values where a create makes random ones (JoinSecrets), so that golden files stay the same. */
    static final String BOOTSTRAP_TOKEN = "abcdef.0123456789abcdef";
    static final String CERTIFICATE_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final JoinSecrets SECRETS = new JoinSecrets(BOOTSTRAP_TOKEN, CERTIFICATE_KEY);

    private String clusterName = "kubicle";
    private String kubernetesVersion = "v1.35.4";
    private String controlPlaneEndpoint = "kubicle-control-plane:6443";
    private String nodeName = "kubicle-control-plane";
    private String nodeIp = "172.18.0.2";
    private Role role = Role.CONTROL_PLANE;
    private boolean bootstrap = true;
    private String apiServerAddress = "127.0.0.1";
    private String podSubnet = "10.244.0.0/16";
    private String serviceSubnet = "10.96.0.0/16";
    private String ipFamily = "ipv4";
    private String kubeProxyMode = "iptables";
    private Map<String, Boolean> featureGates = Map.of();
    private Map<String, String> runtimeConfig = Map.of();
    private Map<String, String> nodeLabels = Map.of();
    private boolean hostCgroupV1 = true;
    // As for a default config; kubicle leaves IPv6 pod CIDRs to the controller manager.
    private boolean podRangesByKubicle = true;

    static Inputs bootstrapControlPlane() {
        return new Inputs();
    }

    static Inputs worker(String name, String ip) {
        Inputs inputs = new Inputs();
        inputs.nodeName = name;
        inputs.nodeIp = ip;
        inputs.role = Role.WORKER;
        inputs.bootstrap = false;
        return inputs;
    }

    static Inputs joiningControlPlane(String name, String ip) {
        Inputs inputs = worker(name, ip);
        inputs.role = Role.CONTROL_PLANE;
        return inputs;
    }

    Inputs version(String version) {
        kubernetesVersion = version;
        return this;
    }

    Inputs endpoint(String endpoint) {
        controlPlaneEndpoint = endpoint;
        return this;
    }

    Inputs kubeProxyMode(String mode) {
        kubeProxyMode = mode;
        return this;
    }

    Inputs featureGates(Map<String, Boolean> gates) {
        featureGates = gates;
        return this;
    }

    Inputs runtimeConfig(Map<String, String> config) {
        runtimeConfig = config;
        return this;
    }

    Inputs labels(Map<String, String> labels) {
        nodeLabels = labels;
        return this;
    }

    Inputs hostCgroupV1(boolean v1) {
        hostCgroupV1 = v1;
        return this;
    }

    Inputs apiServerAddress(String address) {
        apiServerAddress = address;
        return this;
    }

    Inputs ipv6(String ip) {
        ipFamily = "ipv6";
        nodeIp = ip;
        podSubnet = "fd00:10:244::/56";
        serviceSubnet = "fd00:10:96::/112";
        apiServerAddress = "::1";
        podRangesByKubicle = false;
        return this;
    }

    KubeadmConfigInput build() {
        return new KubeadmConfigInput(clusterName, kubernetesVersion, controlPlaneEndpoint, nodeName, nodeIp, role,
                bootstrap, apiServerAddress, podSubnet, serviceSubnet, ipFamily, kubeProxyMode, featureGates,
                runtimeConfig, nodeLabels, hostCgroupV1, KubeadmConfigInput.DEFAULT_CGROUP_DRIVER,
                BOOTSTRAP_TOKEN, CERTIFICATE_KEY, podRangesByKubicle);
    }
}
