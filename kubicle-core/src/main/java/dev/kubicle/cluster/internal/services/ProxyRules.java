package dev.kubicle.cluster.internal.services;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a node's kube-proxy has written into the kernel, as {@code iptables-save -t nat} and
 * {@code nft list table ... kube-proxy} print it, read for the one thing a caller waits on: whether traffic to a
 * Service already reaches a given endpoint from that node.
 */
public final class ProxyRules {
    /** iptables-save quotes a comment only when it must; a named port follows the Service's name after a colon. */
    private static final List<String> COMMENTS = List.of("--comment %s ", "--comment %s:", "--comment \"%s\"",
            "--comment \"%s:");

    private final String text;

    public ProxyRules(String text) {
        this.text = text;
    }

    /**
     * In iptables mode, a DNAT rule of the Service's own endpoint chain (its comment is {@code namespace/name}, with
     * {@code :port} for a named port); in nftables mode, a chain of the Service that translates to the address.
     * kube-proxy writes the Service's chains and their jumps in the same transaction as these rules, so once they
     * are there the Service answers through the endpoint.
     */
    public boolean route(String namespace, String service, ServiceEndpoint endpoint) {
        String owner = namespace + "/" + service;
        return text.lines().anyMatch(line -> iptablesRule(line, owner, endpoint)) || nftablesChain(owner, endpoint);
    }

    private static boolean iptablesRule(String line, String owner, ServiceEndpoint endpoint) {
        return line.startsWith("-A KUBE-SEP-")
                && COMMENTS.stream().anyMatch(comment -> line.contains(comment.formatted(owner)))
                && line.contains("-p " + endpoint.protocol().toLowerCase(Locale.ROOT))
                && line.endsWith("--to-destination " + endpoint.destination());
    }

    /**
     * nftables mode names a Service's chains {@code service-HASH-namespace/name/protocol/port} (and, in older
     * versions, its endpoints' chains {@code endpoint-HASH-namespace/name/protocol/port__address/port}); the chain
     * translates to one endpoint as {@code dnat to address:port}, to several through a map of
     * {@code address . port} entries.
     */
    private boolean nftablesChain(String owner, ServiceEndpoint endpoint) {
        Pattern chainOfService = Pattern.compile("chain (service|endpoint)-[A-Z0-9]+-" + Pattern.quote(owner + "/"
                + endpoint.protocol().toLowerCase(Locale.ROOT) + "/") + ".*");
        String mapEntry = ": " + endpoint.address() + " . " + endpoint.port();
        boolean inChain = false;
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.startsWith("chain ")) {
                inChain = chainOfService.matcher(line).matches();
            } else if (inChain && (line.endsWith("dnat to " + endpoint.destination())
                    || line.contains(mapEntry + ",") || line.contains(mapEntry + " }"))) {
                return true;
            }
        }
        return false;
    }
}
