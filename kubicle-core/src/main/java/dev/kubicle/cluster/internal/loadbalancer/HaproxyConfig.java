package dev.kubicle.cluster.internal.loadbalancer;

import java.util.List;

/**
 * The load balancer's haproxy config: TCP to every control plane's API server, each health-checked on /healthz so
 * that a stopped control plane stops getting connections within seconds. Control planes are named, not addressed:
 * the engine's DNS, found through the container's resolv.conf whatever the engine, is asked again at every check,
 * so a control plane that comes back with a new address is found again.
 */
public final class HaproxyConfig {
    public static final String PATH = "/kind/haproxy.cfg";

    private HaproxyConfig() {
    }

    /**
     * @param controlPlanes container names; none yet makes a balancer that listens and refuses
     * @param ipv6          whether the balancer has an IPv6 address too (an IPv6 or dual-stack cluster), on which
     *                      it then listens as well: the engine forwards an IPv6 published port to it
     */
    public static String render(List<String> controlPlanes, int apiServerPort, boolean ipv6) {
        StringBuilder config = new StringBuilder("""
                # haproxy runs in the foreground (-db) and reports server state changes on standard error, which is
                # the container's log.
                global
                  # Each connection takes two descriptors; hosts may cap them at 20000 (hard ulimit -n).
                  maxconn 4000

                resolvers engine
                  parse-resolv-conf
                  hold valid 1s

                defaults
                  mode tcp
                  timeout connect 3s
                  # kubectl's watches and logs -f keep connections open for long.
                  timeout client 1h
                  timeout server 1h
                  # A connection to a control plane that just went away is tried again on another one.
                  retries 3
                  option redispatch
                  # Control planes that do not resolve yet (being made, or stopped) leave the balancer running.
                  default-server init-addr last,libc,none inter 1s fall 2 rise 1

                frontend control-plane
                  bind %2$s:%1$d%3$s
                  default_backend kube-apiservers

                backend kube-apiservers
                  option httpchk GET /healthz
                  http-check expect status 200
                """.formatted(apiServerPort, ipv6 ? "::" : "*", ipv6 ? " v4v6" : ""));
        for (String controlPlane : controlPlanes) {
            config.append("  server ").append(controlPlane).append(' ').append(controlPlane).append(':')
                    .append(apiServerPort).append(" check check-ssl verify none resolvers engine\n");
        }
        return config.toString();
    }
}
