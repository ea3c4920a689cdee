package dev.kubicle.cluster.internal;

import dev.kubicle.config.Networking;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Says who can reach a cluster's API server when the config publishes it beyond this machine. kubicle, like kind,
 * publishes it on 127.0.0.1 by default; any other address is allowed, and worth a warning, because the API server
 * then answers whoever can reach that address.
 */
public final class ApiServerExposure {

    private ApiServerExposure() {
    }

    /** @return the warning for a non-loopback {@code networking.apiServerAddress}, empty for a loopback one */
    static Optional<String> warning(Networking networking) {
        String address = networking.apiServerAddress();
        InetAddress parsed = literal(address);
        if (parsed.isLoopbackAddress()) {
            return Optional.empty();
        }
        String where = parsed.isAnyLocalAddress()
                ? "every address of this machine, so anyone who can reach this machine"
                : address + ", so anyone who can reach that address";
        String port = networking.apiServerPort() == 0 ? "its port" : "port " + networking.apiServerPort();
        return Optional.of("networking.apiServerAddress is " + address + ": the API server is published on " + where
                + " on " + port + " can reach it. It answers anyone's requests for its version and health, and"
                + " gives full control to whoever holds the cluster's admin kubeconfig (its client certificate is"
                + " cluster-admin). Keep 127.0.0.1 unless other machines need the cluster.");
    }

    /** Where this machine reaches an API server published on {@code listenAddress}: any address on loopback, as kind. */
    public static String reachedAt(String listenAddress) {
        boolean anyAddress = listenAddress == null || listenAddress.isEmpty() || "0.0.0.0".equals(listenAddress)
                || "::".equals(listenAddress);
        return anyAddress ? "127.0.0.1" : listenAddress;
    }

    /** The config was validated: the address is an IP literal, which InetAddress reads without a lookup. */
    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("networking.apiServerAddress " + address + " is not an IP address", e);
        }
    }
}
