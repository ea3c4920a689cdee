package dev.kubicle.cluster.internal.loadbalancer;

import java.util.List;

/**
 * The load balancer's haproxy config: TCP to every control plane's API server, each health-checked on /healthz so
 * that a stopped control plane stops getting connections within seconds. Names are resolved through the engine's
 * DNS at every check, so a control plane that comes back with a new address is found again.
 */
public final class HaproxyConfig {
    public static final String PATH = "/kind/haproxy.cfg";

    private HaproxyConfig() {
    }

    public static String render(List<String> controlPlanes, int apiServerPort) {
        StringBuilder config = new StringBuilder("""
                global
                  log stdout format raw local0 notice
                  # Each connection takes two descriptors; hosts may cap them at 20000 (hard ulimit -n).
  maxconn 4000

                resolvers engine
                  nameserver dns 127.0.0.11:53
                  hold valid 1s

                defaults
                  mode tcp
                  log global
                  option dontlognull
                  timeout connect 5s
                  # kubectl's watches and logs -f keep connections open for long.
                  timeout client 1h
                  timeout server 1h
                  default-server init-addr last,libc,none inter 1s fall 2 rise 1

                frontend control-plane
                  bind *:%1$d
                  default_backend kube-apiservers

                backend kube-apiservers
                  option httpchk GET /healthz
                  http-check expect status 200
                """.formatted(apiServerPort));
        for (String controlPlane : controlPlanes) {
            config.append("  server ").append(controlPlane).append(' ').append(controlPlane).append(':')
                    .append(apiServerPort).append(" check check-ssl verify none resolvers engine\n");
        }
        return config.toString();
    }

    /**
     * What the container runs: it waits for the config kubicle writes once the control planes exist, then hands
     * over to haproxy in master-worker mode, which reloads its config on SIGUSR2.
     */
    public static List<String> entrypoint() {
        return List.of("/bin/sh", "-c", "while [ ! -s " + PATH + " ]; do sleep 0.1; done; "
                + "exec haproxy -W -db -f " + PATH);
    }
}
