package dev.kubicle.provider.docker;

import dev.kubicle.provider.MountSpec;
import dev.kubicle.provider.NodePrivileges;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.PortSpec;
import dev.kubicle.provider.ResourceLimits;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ComposeServiceConfigTest {
    private static final HostFacts HOST = new HostFacts(true, List.of("/dev/kmsg"), List.of());

    private static NodeSpec spec() {
        return spec(ResourceLimits.NONE);
    }

    private static NodeSpec spec(ResourceLimits resources) {
        return new NodeSpec("demo-worker", "kubicle/node:v1.37.2",
                Map.of("dev.kubicle.cluster", "demo", "dev.kubicle.role", "worker"), "kubicle-demo",
                Optional.of("172.29.20.3"), Optional.empty(), "demo-worker-var",
                List.of(new PortSpec("127.0.0.1", 8080, 80, "tcp"), new PortSpec("", 0, 53, "udp")),
                List.of(new MountSpec("./kubicle", "/kind/compose", true, false, "none"),
                        new MountSpec("/srv/data", "/data", false, false, "hostToContainer")),
                Map.of("KUBICLE_NODE_ROLE", "worker"), List.of("/kind/compose/entrypoint", "/sbin/init"),
                Optional.of(List.of()), resources);
    }

    @Test
    void aNodeServiceHasTheContainerSettingsKubicleGivesItsNodes() {
        Map<String, Object> service = ComposeServiceConfig.ofNode(spec(), NodePrivileges.PRIVILEGED, HOST)
                .service("kubicle");

        assertThat(service).containsEntry("image", "kubicle/node:v1.37.2")
                .containsEntry("container_name", "demo-worker")
                .containsEntry("hostname", "demo-worker")
                .containsEntry("tty", true)
                .containsEntry("stop_signal", "SIGRTMIN+3")
                .containsEntry("restart", "unless-stopped")
                .containsEntry("init", false)
                .containsEntry("entrypoint", List.of("/kind/compose/entrypoint", "/sbin/init"))
                .containsEntry("environment", Map.of("container", "docker", "KUBICLE_NODE_ROLE", "worker"))
                .containsEntry("labels", Map.of("dev.kubicle.cluster", "demo", "dev.kubicle.role", "worker"))
                .containsEntry("tmpfs", List.of("/run", "/tmp"))
                .containsEntry("ports", List.of("127.0.0.1:8080:80/tcp", "53/udp"))
                .containsEntry("dns_search", List.of("."))
                .containsEntry("networks", Map.of("kubicle", Map.of("ipv4_address", "172.29.20.3")));
        assertThat(service.get("volumes")).isEqualTo(List.of("demo-worker-var:/var:rw", "/lib/modules:/lib/modules:ro",
                "./kubicle:/kind/compose:ro", "/srv/data:/data:rw,rslave"));
    }

    @Test
    void aNodesCpuAndMemoryLimitsAreComposeResourceLimits() {
        NodeSpec limited = spec(new ResourceLimits(1_500_000_000L, 2L << 30));

        Map<String, Object> service = ComposeServiceConfig.ofNode(limited, NodePrivileges.PRIVILEGED, HOST)
                .service("kubicle");

        assertThat(service).containsEntry("cpus", "1.5")
                .containsEntry("mem_limit", 2147483648L)
                .containsEntry("memswap_limit", 2147483648L);
        assertThat(ComposeServiceConfig.ofNode(spec(), NodePrivileges.PRIVILEGED, HOST).service("kubicle"))
                .doesNotContainKeys("cpus", "mem_limit", "memswap_limit");
    }

    @Test
    void privilegedNodesArePrivilegedAndNothingMore() {
        Map<String, Object> service = ComposeServiceConfig.ofNode(spec(), NodePrivileges.PRIVILEGED, HOST)
                .service("kubicle");

        assertThat(service).containsEntry("privileged", true)
                .containsEntry("security_opt", List.of("seccomp=unconfined", "apparmor=unconfined"))
                .doesNotContainKeys("cap_add", "cap_drop", "device_cgroup_rules", "devices");
    }

    @Test
    void whereTheEngineRefusesPrivilegedNodesGetTheFallbackSetAndTheHostsCgroups() {
        NodePrivileges emulated = NodePrivileges.emulated(List.of("CAP_SYS_RESOURCE"));
        Map<String, Object> service = ComposeServiceConfig.ofNode(spec(), emulated, HOST).service("kubicle");

        assertThat(service).doesNotContainKey("privileged")
                .containsEntry("cap_add", List.of("ALL"))
                .containsEntry("cap_drop", List.of("SYS_RESOURCE"))
                .containsEntry("device_cgroup_rules", List.of("a *:* rwm"))
                .containsEntry("devices", List.of("/dev/kmsg:/dev/kmsg:rwm"))
                .containsEntry("security_opt", List.of("seccomp=unconfined", "apparmor=unconfined"));
        assertThat(service.get("volumes")).asList().contains("/sys/fs/cgroup:/sys/fs/cgroup:rw");
    }

    @Test
    void aLoadBalancerIsAPlainContainerWithNoneOfANodesPowers() {
        NodeSpec balancer = new NodeSpec("demo-external-load-balancer", "kubicle/base:latest",
                Map.of("dev.kubicle.cluster", "demo"), "kubicle-demo", Optional.of("172.29.20.9"), Optional.empty(),
                "demo-external-load-balancer-var", List.of(new PortSpec("127.0.0.1", 6443, 6443, "tcp")),
                List.of(), Map.of(),
                List.of("haproxy", "-f", "/kind/haproxy.cfg"), Optional.empty(), ResourceLimits.NONE);

        Map<String, Object> service = ComposeServiceConfig.ofPlainContainer(balancer).service("kubicle");

        assertThat(service).containsEntry("entrypoint", List.of("haproxy", "-f", "/kind/haproxy.cfg"))
                .containsEntry("restart", "unless-stopped")
                .containsEntry("ports", List.of("127.0.0.1:6443:6443/tcp"))
                .containsEntry("networks", Map.of("kubicle", Map.of("ipv4_address", "172.29.20.9")))
                .doesNotContainKeys("privileged", "cap_add", "tty", "tmpfs", "security_opt", "volumes");
    }
}
