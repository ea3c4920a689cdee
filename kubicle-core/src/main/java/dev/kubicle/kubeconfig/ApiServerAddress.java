package dev.kubicle.kubeconfig;

/** Where a kubeconfig sends kubectl to reach the API server, depending on where kubectl runs. */
public sealed interface ApiServerAddress {
    /** The port kubeadm's API server listens on inside the control plane node. */
    int KUBEADM_API_SERVER_PORT = 6443;

    /** The {@code server} URL to write, given the one kubeadm wrote into admin.conf. */
    String serverUrl(String kubeadmServerUrl);

    /** From the host, through the port the control plane's API server is published on at 127.0.0.1. */
    static ApiServerAddress external(int hostPort) {
        return new External("127.0.0.1", hostPort);
    }

    /** From the host, through {@code hostAddress:hostPort} (the cluster config's apiServerAddress). */
    static ApiServerAddress external(String hostAddress, int hostPort) {
        return new External(hostAddress, hostPort);
    }

    /** From another container on the cluster's network, which resolves node names ({@code --internal}). */
    static ApiServerAddress internal(String nodeName) {
        return new Internal(nodeName);
    }

    /**
     * Kubeadm's control plane endpoint, unchanged: also reachable from the cluster's network, and the better choice
     * when that endpoint is a load balancer in front of several control planes.
     */
    static ApiServerAddress asWrittenByKubeadm() {
        return new AsWrittenByKubeadm();
    }

    record External(String hostAddress, int hostPort) implements ApiServerAddress {
        public External {
            if (hostAddress == null || hostAddress.isBlank()) {
                throw new IllegalArgumentException("host address is empty");
            }
            if (hostPort < 1 || hostPort > 65535) {
                throw new IllegalArgumentException("host port " + hostPort + " is not in 1-65535");
            }
        }

        @Override
        public String serverUrl(String kubeadmServerUrl) {
            // An IPv6 literal needs brackets in a URL: https://[::1]:6443.
            boolean ipv6 = hostAddress.contains(":") && !hostAddress.startsWith("[");
            return "https://" + (ipv6 ? "[" + hostAddress + "]" : hostAddress) + ":" + hostPort;
        }
    }

    record Internal(String nodeName) implements ApiServerAddress {
        public Internal {
            if (nodeName == null || nodeName.isBlank()) {
                throw new IllegalArgumentException("node name is empty");
            }
        }

        @Override
        public String serverUrl(String kubeadmServerUrl) {
            return "https://" + nodeName + ":" + KUBEADM_API_SERVER_PORT;
        }
    }

    record AsWrittenByKubeadm() implements ApiServerAddress {
        @Override
        public String serverUrl(String kubeadmServerUrl) {
            return kubeadmServerUrl;
        }
    }
}
