package dev.kubicle.provider.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.DockerObjectAccessor;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PropagationMode;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.MountSpec;
import dev.kubicle.provider.NodePrivileges;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.PrivilegeMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container a node runs in, in kind's shape: what {@code docker run} flags kind gives its nodes, expressed as
 * an Engine API create request. Pure translation, so that it can be tested without an engine.
 */
record NodeContainerConfig(NodeSpec spec, NodePrivileges privileges, HostFacts host) {
    /** systemd's "halt" signal: {@code docker stop} then shuts the node down cleanly instead of being ignored. */
    static final String STOP_SIGNAL = "SIGRTMIN+3";
    /**
     * A cluster that was running when the engine stopped (a restart, a reboot) comes back by itself, and one that
     * kubicle or the user stopped stays stopped: the engine's "unless-stopped" restart policy says exactly that.
     */
    static final RestartPolicy RESTART_POLICY = RestartPolicy.unlessStoppedRestart();

    CreateContainerCmd applyTo(CreateContainerCmd create) {
        create.withName(spec.name())
                .withImage(spec.image())
                .withHostName(spec.name())
                .withLabels(spec.labels())
                .withEnv(env())
                // systemd as PID 1 exits silently without a terminal.
                .withTty(true)
                .withStopSignal(STOP_SIGNAL)
                .withExposedPorts(PublishedPorts.exposed(spec.ports()))
                .withHostConfig(hostConfig());
        // docker-java turns this into the endpoint config of the network named by the host config's network mode.
        spec.ip().ifPresent(create::withIpv4Address);
        spec.ipv6().ifPresent(create::withIpv6Address);
        if (!spec.entrypoint().isEmpty()) {
            create.withEntrypoint(spec.entrypoint());
        }
        return create;
    }

    HostConfig hostConfig() {
        HostConfig config = HostConfig.newHostConfig()
                .withNetworkMode(spec.network())
                .withRestartPolicy(RESTART_POLICY)
                // An engine may be set to inject tini; the node's init must be PID 1.
                .withInit(false)
                .withTmpFs(Map.of("/run", "", "/tmp", ""))
                // No limit, Docker's default: Podman's is 2048 processes, which a node's pods all share.
                .withPidsLimit(-1L)
                .withBinds(binds())
                .withPortBindings(PublishedPorts.bindings(spec.ports()));
        spec.dnsSearch().ifPresent(domains -> config.withDnsSearch(dnsSearch(domains)));
        limitResources(config);
        if (spec.ipv6().isPresent()) {
            // As kind: the engine turns IPv6 off in a container's namespace apart from its own interface, so the
            // veths of the node's pods would get no IPv6 address; and the node routes its pods' IPv6 traffic.
            config.withSysctls(Map.of("net.ipv6.conf.all.disable_ipv6", "0", "net.ipv6.conf.all.forwarding", "1"));
        }
        if (privileges.mode() == PrivilegeMode.PRIVILEGED) {
            // As kind: a private cgroup namespace, so the node's systemd sees its own cgroup as the root.
            config.withPrivileged(true).withCgroupnsMode("private");
        } else {
            // What --privileged would give, minus the capabilities the host cannot grant. The host's cgroup
            // hierarchy is mounted read-write because the engine mounts it read-only otherwise and systemd exits
            // ("Failed to allocate manager object"). With the host hierarchy mounted, the cgroup namespace must be
            // the host's too: in a private one (the engine default on cgroup v2, or by daemon setting) the node's
            // paths point outside its root, and its systemd was seen moving itself into the host's /init.scope.
            unconfineSystemPaths(config);
            config.withCapAdd(Capability.ALL)
                    .withCapDrop(Capabilities.fromLinuxNames(privileges.unavailableCapabilities()))
                    .withDeviceCgroupRules(List.of("a *:* rwm"))
                    .withDevices(host.devices().stream().map(path -> new Device("rwm", path, path)).toList())
                    .withCgroupnsMode("host");
        }
        return config.withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"));
    }

    /**
     * {@code docker run --cpus --memory}. The swap limit equals the memory limit, so the node cannot swap past it
     * (the kubelet assumes no swap); an engine whose kernel has no swap accounting ignores it with a warning.
     */
    private void limitResources(HostConfig config) {
        if (spec.resources().nanoCpus() > 0) {
            config.withNanoCPUs(spec.resources().nanoCpus());
        }
        if (spec.resources().memoryBytes() > 0) {
            config.withMemory(spec.resources().memoryBytes()).withMemorySwap(spec.resources().memoryBytes());
        }
    }

    /**
     * The engine writes these search domains into the resolv.conf it gives the container, which the node's
     * entrypoint keeps (it only changes the name server). No domains at all is the engine's "." (an empty list
     * would mean the host's), as {@code docker run --dns-search .}.
     */
    static List<String> dnsSearch(List<String> domains) {
        return domains.isEmpty() ? List.of(".") : domains;
    }

    /**
     * {@code --security-opt systempaths=unconfined} is the docker CLI's spelling; the engine itself wants empty
     * {@code MaskedPaths} and {@code ReadonlyPaths} (null means its defaults), which docker-java's HostConfig lacks,
     * so they go in as raw values. Without it /proc/sys stays read-only and the node cannot set sysctls.
     */
    private static void unconfineSystemPaths(HostConfig config) {
        DockerObjectAccessor.overrideRawValue(config, "MaskedPaths", List.of());
        DockerObjectAccessor.overrideRawValue(config, "ReadonlyPaths", List.of());
    }

    List<String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        // Tells systemd it runs in a container (no hardware, no kernel setup of its own).
        env.put("container", "docker");
        if (spec.env() != null) {
            env.putAll(spec.env());
        }
        return env.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
    }

    List<Bind> binds() {
        List<Bind> binds = new ArrayList<>();
        if (spec.hasVarVolume()) {
            // A named volume, so that delete finds it and a lost container can be made again from it.
            binds.add(new Bind(spec.varVolume(), new Volume("/var")));
        }
        if (host.kernelModules()) {
            binds.add(new Bind("/lib/modules", new Volume("/lib/modules"), AccessMode.ro));
        }
        if (privileges.mode() == PrivilegeMode.EMULATED) {
            binds.add(new Bind("/sys/fs/cgroup", new Volume("/sys/fs/cgroup"), AccessMode.rw));
        }
        for (MountSpec mount : spec.mounts()) {
            binds.add(new Bind(mount.hostPath(), new Volume(mount.containerPath()),
                    mount.readOnly() ? AccessMode.ro : AccessMode.rw,
                    mount.selinuxRelabel() ? SELContext.single : SELContext.none,
                    null, propagation(mount)));
        }
        return binds;
    }

    /**
     * kind's names for mount propagation, as the engine spells them. "none" leaves the engine's default, which is
     * rprivate, except for sources holding the engine's data root: those the engine makes rslave itself, and it
     * refuses an explicit rprivate for them.
     */
    static PropagationMode propagation(MountSpec mount) {
        String name = mount.propagation() == null ? "" : mount.propagation();
        return switch (name) {
            case "", "none", "None" -> PropagationMode.DEFAULT_MODE;
            case "hostToContainer", "HostToContainer" -> PropagationMode.RSLAVE;
            case "bidirectional", "Bidirectional" -> PropagationMode.RSHARED;
            default -> throw new KubicleException(ExitCode.INVALID_INPUT, "mount " + mount.hostPath() + " → "
                    + mount.containerPath() + " has propagation \"" + name
                    + "\"; use none, hostToContainer or bidirectional");
        };
    }
}
