package dev.kubicle.config;

import java.util.List;

/**
 * The cluster's networking, as kind's v1alpha4 {@code Networking}. {@code podSubnet} and {@code serviceSubnet} may
 * hold two comma-separated CIDRs for dual stack; {@code apiServerPort} 0 picks a free port; {@code dnsSearch} null
 * means the host's search domains and an empty list means none. {@code subnet} is kubicle's own: the IPv4 subnet of
 * the Docker network the nodes join, so that node IPs can be fixed and survive restarts.
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
