package dev.kubicle.kubeadm;

import java.util.Map;

/**
 * The kubelet's and kube-proxy's config documents, which kubeadm passes on to the components: the fields kubicle sets,
 * as records whose component names are the YAML field names. Null and empty fields are left out of the output.
 */
final class ComponentConfigTypes {
    static final String KUBELET_API_VERSION = "kubelet.config.k8s.io/v1beta1";
    static final String KUBE_PROXY_API_VERSION = "kubeproxy.config.k8s.io/v1alpha1";

    private ComponentConfigTypes() {
    }

    record KubeletConfiguration(String apiVersion, String kind, String cgroupDriver, String cgroupRoot,
                                boolean failSwapOn, Boolean failCgroupV1, String address, String healthzBindAddress,
                                int imageGCHighThresholdPercent, Map<String, String> evictionHard,
                                Map<String, Boolean> featureGates) {
    }

    record KubeProxyConfiguration(String apiVersion, String kind, String mode, Map<String, Boolean> featureGates,
                                  KubeProxyIptables iptables, KubeProxyConntrack conntrack) {
    }

    record KubeProxyIptables(String minSyncPeriod) {
    }

    record KubeProxyConntrack(int maxPerCore, Boolean tcpBeLiberal) {
    }
}
