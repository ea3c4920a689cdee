package dev.kubicle.cluster.internal.services;

/**
 * One ready address and port behind a Service, as kube-proxy writes it into a node's NAT rules.
 *
 * @param address  the pod's IPv4 or IPv6 address
 * @param port     the port on the pod
 * @param protocol TCP, UDP or SCTP
 */
public record ServiceEndpoint(String address, int port, String protocol) {

    /** {@code 10.244.1.2:8080}, or {@code [fd00::2]:8080}: the form of iptables' and nftables' DNAT targets. */
    public String destination() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    @Override
    public String toString() {
        return destination() + "/" + protocol;
    }
}
