package dev.kubicle.kubeadm;

import java.util.List;

/**
 * The parts of kubeadm's config API ({@code kubeadm.k8s.io} v1beta3 and v1beta4) that kubicle sets, as records whose
 * component names are the YAML field names. Null and empty fields are left out of the output, so kubeadm's own
 * defaults apply to them.
 */
final class KubeadmTypes {
    private KubeadmTypes() {
    }

    record ClusterConfiguration(String apiVersion, String kind, String kubernetesVersion, String clusterName,
                                String controlPlaneEndpoint, ApiServer apiServer,
                                ControlPlaneComponent controllerManager, ControlPlaneComponent scheduler, Etcd etcd,
                                ClusterNetworking networking, String encryptionAlgorithm) {
    }

    record ApiServer(List<String> certSANs, ExtraArgs extraArgs, List<EnvVar> extraEnvs) {
    }

    record ControlPlaneComponent(ExtraArgs extraArgs, List<EnvVar> extraEnvs) {
    }

    record Etcd(LocalEtcd local) {
    }

    record LocalEtcd(List<EnvVar> extraEnvs) {
    }

    /** An environment variable of a control-plane component's container (v1beta4's {@code extraEnvs}). */
    record EnvVar(String name, String value) {
    }

    record ClusterNetworking(String podSubnet, String serviceSubnet) {
    }

    record InitConfiguration(String apiVersion, String kind, List<BootstrapToken> bootstrapTokens,
                             ApiEndpoint localAPIEndpoint, NodeRegistration nodeRegistration, String certificateKey,
                             List<String> skipPhases) {
    }

    record BootstrapToken(String token) {
    }

    record ApiEndpoint(String advertiseAddress, int bindPort) {
    }

    record NodeRegistration(String name, String criSocket, ExtraArgs kubeletExtraArgs) {
    }

    record JoinConfiguration(String apiVersion, String kind, JoinControlPlane controlPlane,
                             NodeRegistration nodeRegistration, Discovery discovery, List<String> skipPhases) {
    }

    record JoinControlPlane(ApiEndpoint localAPIEndpoint, String certificateKey) {
    }

    record Discovery(FileDiscovery file, String tlsBootstrapToken) {
    }

    record FileDiscovery(String kubeConfigPath) {
    }
}
