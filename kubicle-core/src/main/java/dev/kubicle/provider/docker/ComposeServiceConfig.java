package dev.kubicle.provider.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.kubicle.provider.NodePrivileges;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.PortSpec;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container of kubicle's as a Compose service (file format 2.4, which Debian's docker-compose 1.29 and Compose v2
 * both read): the engine request {@link NodeContainerConfig} makes for a node, or {@link PlainContainerConfig} for a
 * load balancer, read back key by key, so that a container brought up by Compose gets exactly the settings kubicle's
 * own get. What Compose 1.29 cannot say is left to
 * the node's Compose entrypoint: the unmasked system paths ({@code systempaths=unconfined} is the docker CLI's,
 * not the engine's) and the cgroup namespace (the engine's default, the host's on cgroup v1).
 * The network and the {@code /var} volume are named by the caller, which declares them in the file.
 */
record ComposeServiceConfig(NodeSpec spec, CreateContainerCmd create) {

    static ComposeServiceConfig ofNode(NodeSpec spec, NodePrivileges privileges, HostFacts host) {
        return new ComposeServiceConfig(spec, new NodeContainerConfig(spec, privileges, host).applyTo(unsent(spec)));
    }

    static ComposeServiceConfig ofPlainContainer(NodeSpec spec) {
        return new ComposeServiceConfig(spec, new PlainContainerConfig(spec).applyTo(unsent(spec)));
    }

    private static CreateContainerCmd unsent(NodeSpec spec) {
        return new CreateContainerCmdImpl(command -> {
            throw new UnsupportedOperationException("a Compose service is written, never sent");
        }, null, spec.image());
    }

    Map<String, Object> service(String networkKey) {
        HostConfig config = create.getHostConfig();
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("image", spec.image());
        service.put("container_name", spec.name());
        service.put("hostname", create.getHostName());
        service.put("labels", new TreeMap<>(spec.labels()));
        putList(service, "entrypoint", create.getEntrypoint() == null ? null : List.of(create.getEntrypoint()));
        Map<String, String> environment = environment(create.getEnv());
        if (!environment.isEmpty()) {
            service.put("environment", environment);
        }
        if (Boolean.TRUE.equals(create.isTty())) {
            service.put("tty", true);
        }
        if (create.getStopSignal() != null) {
            service.put("stop_signal", create.getStopSignal());
        }
        service.put("restart", config.getRestartPolicy().getName());
        if (config.getInit() != null) {
            service.put("init", config.getInit());
        }
        if (Boolean.TRUE.equals(config.getPrivileged())) {
            service.put("privileged", true);
        }
        putList(service, "cap_add", names(config.getCapAdd()));
        putList(service, "cap_drop", names(config.getCapDrop()));
        putList(service, "security_opt", config.getSecurityOpts());
        putList(service, "device_cgroup_rules", config.getDeviceCgroupRules());
        putList(service, "devices", config.getDevices() == null ? null : Arrays.stream(config.getDevices())
                .map(ComposeServiceConfig::device).toList());
        putList(service, "tmpfs", config.getTmpFs() == null ? null : config.getTmpFs().keySet().stream().sorted()
                .toList());
        putList(service, "volumes", config.getBinds() == null ? null : Arrays.stream(config.getBinds())
                .map(ComposeServiceConfig::volume).toList());
        putList(service, "ports", spec.ports().stream().map(ComposeServiceConfig::port).toList());
        if (config.getSysctls() != null && !config.getSysctls().isEmpty()) {
            service.put("sysctls", new TreeMap<>(config.getSysctls()));
        }
        putResourceLimits(service, config);
        putList(service, "dns_search", config.getDnsSearch() == null ? null : List.of(config.getDnsSearch()));
        Map<String, Object> addresses = new LinkedHashMap<>();
        spec.ip().ifPresent(ip -> addresses.put("ipv4_address", ip));
        spec.ipv6().ifPresent(ip -> addresses.put("ipv6_address", ip));
        service.put("networks", Map.of(networkKey, addresses));
        return service;
    }

    /** Format 2.4's own keys for {@code docker run --cpus --memory --memory-swap}; what Fogify reads too. */
    private static void putResourceLimits(Map<String, Object> service, HostConfig config) {
        if (config.getNanoCPUs() != null && config.getNanoCPUs() > 0) {
            service.put("cpus", BigDecimal.valueOf(config.getNanoCPUs(), 9).stripTrailingZeros().toPlainString());
        }
        if (config.getMemory() != null && config.getMemory() > 0) {
            service.put("mem_limit", config.getMemory());
        }
        if (config.getMemorySwap() != null && config.getMemorySwap() > 0) {
            service.put("memswap_limit", config.getMemorySwap());
        }
    }

    private static Map<String, String> environment(String[] env) {
        Map<String, String> variables = new TreeMap<>();
        for (String variable : env) {
            int equals = variable.indexOf('=');
            variables.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return variables;
    }

    private static List<String> names(Capability[] capabilities) {
        return capabilities == null ? null : Arrays.stream(capabilities).map(Capability::name).toList();
    }

    private static String device(Device device) {
        return device.getPathOnHost() + ":" + device.getPathInContainer() + ":" + device.getcGroupPermissions();
    }

    /** Compose's short syntax, which is the engine's bind syntax: source, target, then the options. */
    private static String volume(Bind bind) {
        return bind.toString();
    }

    private static String port(PortSpec port) {
        String listen = port.listenAddress() == null || port.listenAddress().isEmpty() ? ""
                : port.listenAddress() + ":";
        String host = port.hostPort() == 0 ? "" : Integer.toString(port.hostPort());
        String protocol = port.protocol() == null || port.protocol().isEmpty() ? "tcp" : port.protocol();
        return listen + (listen.isEmpty() && host.isEmpty() ? "" : host + ":") + port.containerPort() + "/" + protocol;
    }

    private static void putList(Map<String, Object> service, String key, List<String> values) {
        if (values != null && !values.isEmpty()) {
            service.put(key, values);
        }
    }
}
