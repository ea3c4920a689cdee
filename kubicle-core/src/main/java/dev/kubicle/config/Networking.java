package dev.kubicle.config;

import java.util.List;

/**
 * The cluster's networking. {@code subnet} is kubicle's own: the IPv4 subnet of the Docker network the nodes join,
 * so that node IPs can be fixed and survive restarts.
 */
public record Networking(
        String ipFamily,
        String apiServerAddress,
        Integer apiServerPort,
        String podSubnet,
        String serviceSubnet,
        Boolean disableDefaultCNI,
        String kubeProxyMode,
        List<String> dnsSearch,
        String subnet) {
}
