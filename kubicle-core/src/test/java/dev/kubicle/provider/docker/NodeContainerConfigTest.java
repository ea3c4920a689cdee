package dev.kubicle.provider.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.MountSpec;
import dev.kubicle.provider.NodePrivileges;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.PortSpec;
import dev.kubicle.provider.PrivilegeMode;
import dev.kubicle.provider.ResourceLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class NodeContainerConfigTest {
    private static final HostFacts BARE_HOST = new HostFacts(false, List.of(), List.of());
    private static final HostFacts FULL_HOST = new HostFacts(true, List.of("/dev/kmsg", "/dev/fuse"), List.of());
    /** Our test machines: the host cannot grant CAP_SYS_RESOURCE. */
    private static final NodePrivileges TESTBED_EMULATED = NodePrivileges.emulated(List.of("CAP_SYS_RESOURCE"));

    private static NodeSpec spec(List<PortSpec> ports, List<MountSpec> mounts) {
        return new NodeSpec("demo-control-plane", "kubicle/node:v1.31.0",
                Map.of("dev.kubicle.cluster", "demo", "dev.kubicle.role", "control-plane"),
                "kubicle-demo", Optional.of("172.30.0.2"), "demo-control-plane-var", ports, mounts,
                Map.of("KUBECONFIG", "/etc/kubernetes/admin.conf"));
    }

    private static NodeSpec plainSpec() {
        return spec(List.of(), List.of());
    }

    private static CreateContainerCmd create(NodeSpec spec, PrivilegeMode mode, HostFacts host) {
        return create(spec, mode == PrivilegeMode.PRIVILEGED ? NodePrivileges.PRIVILEGED : TESTBED_EMULATED, host);
    }

    private static CreateContainerCmd create(NodeSpec spec, NodePrivileges privileges, HostFacts host) {
        // A command that is only built, never sent: its executor refuses.
        CreateContainerCmd unsent = new CreateContainerCmdImpl(command -> {
            throw new UnsupportedOperationException("no engine in unit tests");
        }, null, "image-from-caller");
        return new NodeContainerConfig(spec, privileges, host).applyTo(unsent);
    }

    @Test
    void everyNodeIsShapedLikeKindsWhateverItsPrivileges() {
        for (PrivilegeMode mode : PrivilegeMode.values()) {
            CreateContainerCmd create = create(plainSpec(), mode, BARE_HOST);
            HostConfig host = create.getHostConfig();

            assertThat(create.getName()).isEqualTo("demo-control-plane");
            assertThat(create.getHostName()).isEqualTo("demo-control-plane");
            assertThat(create.getImage()).isEqualTo("kubicle/node:v1.31.0");
            assertThat(create.getLabels()).containsEntry("dev.kubicle.cluster", "demo")
                    .containsEntry("dev.kubicle.role", "control-plane");
            assertThat(create.isTty()).isTrue();
            assertThat(create.getStopSignal()).isEqualTo("SIGRTMIN+3");
            assertThat(create.getEnv()).containsExactly("container=docker", "KUBECONFIG=/etc/kubernetes/admin.conf");
            assertThat(create.getIpv4Address()).isEqualTo("172.30.0.2");
            assertThat(host.getNetworkMode()).isEqualTo("kubicle-demo");
            assertThat(host.getRestartPolicy().toString()).isEqualTo("unless-stopped");
            assertThat(host.getInit()).isFalse();
            assertThat(host.getPidsLimit()).as("no process limit, whatever the engine's default").isEqualTo(-1L);
            assertThat(host.getTmpFs()).containsOnlyKeys("/run", "/tmp");
            assertThat(host.getSecurityOpts()).contains("seccomp=unconfined", "apparmor=unconfined");
            assertThat(bindStrings(host)).contains("demo-control-plane-var:/var:rw");
        }
    }

    @Test
    void privilegedNodesGetPrivilegedAndAPrivateCgroupNamespaceLikeKind() {
        HostConfig host = create(plainSpec(), PrivilegeMode.PRIVILEGED, FULL_HOST).getHostConfig();

        assertThat(host.getPrivileged()).isTrue();
        assertThat(host.getCgroupnsMode()).isEqualTo("private");
        assertThat(host.getSecurityOpts()).containsExactly("seccomp=unconfined", "apparmor=unconfined");
        assertThat(host.getRawValues()).isEmpty();
        assertThat(host.getCapAdd()).isNull();
        assertThat(host.getCapDrop()).isNull();
        assertThat(host.getDeviceCgroupRules()).isNull();
        assertThat(host.getDevices()).isNull();
        assertThat(bindStrings(host)).containsExactly("demo-control-plane-var:/var:rw", "/lib/modules:/lib/modules:ro");
    }

    @Test
    void emulatedNodesGetTheTestbedsVerifiedFlagsInsteadOfPrivileged() {
        HostConfig host = create(plainSpec(), PrivilegeMode.EMULATED, BARE_HOST).getHostConfig();

        assertThat(host.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(host.getCapAdd()).containsExactly(Capability.ALL);
        assertThat(host.getCapDrop()).containsExactly(Capability.SYS_RESOURCE);
        assertThat(host.getSecurityOpts()).containsExactly("seccomp=unconfined", "apparmor=unconfined");
        // systempaths=unconfined, as the engine understands it: nothing masked, nothing read-only.
        assertThat(host.getRawValues()).containsEntry("MaskedPaths", List.of())
                .containsEntry("ReadonlyPaths", List.of());
        assertThat(host.getDeviceCgroupRules()).containsExactly("a *:* rwm");
        assertThat(bindStrings(host)).containsExactly("demo-control-plane-var:/var:rw", "/sys/fs/cgroup:/sys/fs/cgroup:rw");
        assertThat(host.getCgroupnsMode()).isEqualTo("host");
        assertThat(host.getDevices()).isEmpty();
    }

    @Test
    void emulatedNodesGoWithoutExactlyTheCapabilitiesTheHostCannotGrant() {
        NodePrivileges privileges = NodePrivileges.emulated(List.of("CAP_SYS_ADMIN", "CAP_SYS_RESOURCE"));

        HostConfig host = create(plainSpec(), privileges, BARE_HOST).getHostConfig();

        assertThat(host.getCapAdd()).containsExactly(Capability.ALL);
        assertThat(host.getCapDrop()).containsExactly(Capability.SYS_ADMIN, Capability.SYS_RESOURCE);
    }

    @Test
    void emulatedNodesBorrowTheHostsKmsgAndFuseDevicesWhenItHasThem() {
        HostConfig host = create(plainSpec(), PrivilegeMode.EMULATED, FULL_HOST).getHostConfig();

        assertThat(host.getDevices()).extracting(Device::getPathOnHost, Device::getPathInContainer,
                        Device::getcGroupPermissions)
                .containsExactly(tuple("/dev/kmsg", "/dev/kmsg", "rwm"),
                        tuple("/dev/fuse", "/dev/fuse", "rwm"));
    }

    @Test
    void kernelModulesAreMountedReadOnlyOnlyWhenTheHostHasThem() {
        assertThat(bindStrings(create(plainSpec(), PrivilegeMode.PRIVILEGED, BARE_HOST).getHostConfig()))
                .noneMatch(bind -> bind.startsWith("/lib/modules"));
        assertThat(bindStrings(create(plainSpec(), PrivilegeMode.EMULATED, FULL_HOST).getHostConfig()))
                .contains("/lib/modules:/lib/modules:ro");
    }

    @Test
    void aNodeWithoutAStaticAddressLetsTheEngineChoose() {
        NodeSpec spec = plainSpec();
        NodeSpec dynamic = new NodeSpec(spec.name(), spec.image(), spec.labels(), spec.network(), Optional.empty(),
                spec.varVolume(), spec.ports(), spec.mounts(), Map.of());

        CreateContainerCmd create = create(dynamic, PrivilegeMode.PRIVILEGED, BARE_HOST);

        assertThat(create.getIpv4Address()).isNull();
        assertThat(create.getEnv()).containsExactly("container=docker");
    }

    @Test
    void anIpv6NodeGetsItsIpv6AddressAndIpv6TurnedOnAndForwardingLikeKind() {
        NodeSpec spec = plainSpec();
        NodeSpec ipv6 = new NodeSpec(spec.name(), spec.image(), spec.labels(), spec.network(), spec.ip(),
                Optional.of("fd00:1::2"), spec.varVolume(), spec.ports(), spec.mounts(), Map.of(), List.of(),
                Optional.empty(), ResourceLimits.NONE);

        CreateContainerCmd create = create(ipv6, PrivilegeMode.EMULATED, BARE_HOST);

        assertThat(create.getIpv6Address()).isEqualTo("fd00:1::2");
        assertThat(create.getHostConfig().getSysctls()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "net.ipv6.conf.all.disable_ipv6", "0", "net.ipv6.conf.all.forwarding", "1"));
        assertThat(create(spec, PrivilegeMode.EMULATED, BARE_HOST).getHostConfig().getSysctls()).isNull();
    }

    @Test
    void nodesBootThroughTheImagesEntrypointUnlessTheSpecGivesAnother() {
        NodeSpec spec = plainSpec();
        NodeSpec sleeping = new NodeSpec(spec.name(), spec.image(), Map.of(), "none", Optional.empty(), "",
                List.of(), List.of(), Map.of(), List.of("sleep", "infinity"));

        assertThat(create(spec, PrivilegeMode.PRIVILEGED, BARE_HOST).getEntrypoint()).isNull();
        assertThat(create(sleeping, PrivilegeMode.PRIVILEGED, BARE_HOST).getEntrypoint())
                .containsExactly("sleep", "infinity");
    }

    @Test
    void dnsSearchDomainsGoToTheEngineAndAnEmptyListMeansNoneAsKindDoes() {
        NodeSpec spec = plainSpec();

        assertThat(create(withDnsSearch(spec, Optional.of(List.of("corp.example", "lab.example"))),
                PrivilegeMode.PRIVILEGED, BARE_HOST).getHostConfig().getDnsSearch())
                .containsExactly("corp.example", "lab.example");
        // The engine's own spelling of "no search line"; an empty list would give the host's.
        assertThat(create(withDnsSearch(spec, Optional.of(List.of())), PrivilegeMode.EMULATED, BARE_HOST)
                .getHostConfig().getDnsSearch()).containsExactly(".");
        assertThat(create(spec, PrivilegeMode.PRIVILEGED, BARE_HOST).getHostConfig().getDnsSearch()).isNull();
    }

    private static NodeSpec withDnsSearch(NodeSpec spec, Optional<List<String>> dnsSearch) {
        return new NodeSpec(spec.name(), spec.image(), spec.labels(), spec.network(), spec.ip(), spec.ipv6(),
                spec.varVolume(), spec.ports(), spec.mounts(), spec.env(), spec.entrypoint(), dnsSearch,
                spec.resources());
    }

    @Test
    void resourceLimitsBecomeTheEnginesCpuAndMemoryLimitsWithoutSwapBeyondThem() {
        NodeSpec spec = plainSpec();
        NodeSpec limited = new NodeSpec(spec.name(), spec.image(), spec.labels(), spec.network(), spec.ip(),
                spec.ipv6(), spec.varVolume(), spec.ports(), spec.mounts(), spec.env(), spec.entrypoint(),
                spec.dnsSearch(), new ResourceLimits(1_500_000_000L, 2L << 30));

        HostConfig host = create(limited, PrivilegeMode.EMULATED, BARE_HOST).getHostConfig();

        assertThat(host.getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(host.getMemory()).isEqualTo(2L << 30);
        assertThat(host.getMemorySwap()).isEqualTo(2L << 30);
        HostConfig unlimited = create(spec, PrivilegeMode.PRIVILEGED, BARE_HOST).getHostConfig();
        assertThat(unlimited.getNanoCPUs()).isNull();
        assertThat(unlimited.getMemory()).isNull();
    }

    @Test
    void aNodeWithoutVarVolumeKeepsVarInItsOwnFileSystem() {
        NodeSpec spec = plainSpec();
        NodeSpec withoutVolume = new NodeSpec(spec.name(), spec.image(), spec.labels(), spec.network(), spec.ip(),
                "", spec.ports(), spec.mounts(), spec.env());

        for (PrivilegeMode mode : PrivilegeMode.values()) {
            assertThat(bindStrings(create(withoutVolume, mode, BARE_HOST).getHostConfig()))
                    .noneMatch(bind -> bind.contains(":/var:"));
        }
    }

    @ParameterizedTest(name = "{0} read-only={1} relabel={2} → {3}")
    @CsvSource({
            "none,            false, false, /src:/dst:rw",
            "'',              false, false, /src:/dst:rw",
            "hostToContainer, true,  false, '/src:/dst:ro,rslave'",
            "bidirectional,   false, true,  '/src:/dst:rw,Z,rshared'",
    })
    void extraMountsKeepKindsPropagationReadOnlyAndSelinuxMeaning(String propagation, boolean readOnly,
                                                                  boolean relabel, String expected) {
        NodeSpec spec = spec(List.of(), List.of(new MountSpec("/src", "/dst", readOnly, relabel, propagation)));

        assertThat(bindStrings(create(spec, PrivilegeMode.PRIVILEGED, BARE_HOST).getHostConfig()))
                .contains(expected);
    }

    @Test
    void anUnknownPropagationIsTheUsersMistake() {
        NodeSpec spec = spec(List.of(), List.of(new MountSpec("/src", "/dst", false, false, "sideways")));

        assertThatThrownBy(() -> create(spec, PrivilegeMode.PRIVILEGED, BARE_HOST))
                .isInstanceOfSatisfying(KubicleException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessageContaining("sideways").hasMessageContaining("hostToContainer");
    }

    @Test
    void portsArePublishedOnTheirAddressWithARandomHostPortForZero() {
        NodeSpec spec = spec(List.of(
                new PortSpec("127.0.0.1", 0, 6443, "tcp"),
                new PortSpec("", 8080, 80, "TCP"),
                new PortSpec("0.0.0.0", 5353, 53, "udp"),
                new PortSpec("127.0.0.1", 3868, 3868, "SCTP")), List.of());

        CreateContainerCmd create = create(spec, PrivilegeMode.EMULATED, BARE_HOST);
        Map<ExposedPort, Ports.Binding[]> bindings = create.getHostConfig().getPortBindings().getBindings();

        assertThat(create.getExposedPorts())
                .containsExactly(ExposedPort.tcp(6443), ExposedPort.tcp(80), ExposedPort.udp(53),
                        ExposedPort.sctp(3868));
        assertThat(bindings.get(ExposedPort.tcp(6443))).containsExactly(Ports.Binding.bindIp("127.0.0.1"));
        assertThat(bindings.get(ExposedPort.tcp(6443))[0].getHostPortSpec()).isNull();
        assertThat(bindings.get(ExposedPort.tcp(80))).containsExactly(Ports.Binding.bindPort(8080));
        assertThat(bindings.get(ExposedPort.udp(53))).containsExactly(Ports.Binding.bindIpAndPort("0.0.0.0", 5353));
        assertThat(bindings.get(ExposedPort.sctp(3868)))
                .containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", 3868));
    }

    @Test
    void anUnknownProtocolIsTheUsersMistake() {
        NodeSpec spec = spec(List.of(new PortSpec("", 1, 1, "quic")), List.of());

        assertThatThrownBy(() -> create(spec, PrivilegeMode.PRIVILEGED, BARE_HOST))
                .isInstanceOf(KubicleException.class).hasMessageContaining("quic");
    }

    @Test
    void theRequestCarriesTheEngineFieldNamesForBothModes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode privileged = json.valueToTree(create(plainSpec(), PrivilegeMode.PRIVILEGED, BARE_HOST));
        JsonNode emulated = json.valueToTree(create(plainSpec(), PrivilegeMode.EMULATED, FULL_HOST));

        assertThat(privileged.at("/HostConfig/Privileged").asBoolean()).isTrue();
        assertThat(privileged.at("/HostConfig/CgroupnsMode").asText()).isEqualTo("private");
        assertThat(privileged.at("/StopSignal").asText()).isEqualTo("SIGRTMIN+3");
        assertThat(privileged.at("/Tty").asBoolean()).isTrue();
        assertThat(emulated.at("/HostConfig/CapAdd/0").asText()).isEqualTo("ALL");
        assertThat(emulated.at("/HostConfig/CapDrop/0").asText()).isEqualTo("SYS_RESOURCE");
        assertThat(emulated.at("/HostConfig/DeviceCgroupRules/0").asText()).isEqualTo("a *:* rwm");
        assertThat(emulated.at("/HostConfig/CgroupnsMode").asText()).isEqualTo("host");
        assertThat(emulated.at("/HostConfig/Binds").toString()).contains("/sys/fs/cgroup:/sys/fs/cgroup:rw");
        assertThat(emulated.at("/HostConfig/Tmpfs").has("/run")).isTrue();
        assertThat(emulated.at("/HostConfig/MaskedPaths").isArray()).isTrue();
        assertThat(emulated.at("/HostConfig/MaskedPaths")).isEmpty();
        assertThat(emulated.at("/HostConfig/ReadonlyPaths").isArray()).isTrue();
        assertThat(emulated.at("/HostConfig/SecurityOpt").toString()).doesNotContain("systempaths");
        assertThat(privileged.at("/HostConfig/MaskedPaths").isMissingNode()).isTrue();
        assertThat(emulated.at("/HostConfig/RestartPolicy/Name").asText()).isEqualTo("unless-stopped");
    }

    private static List<String> bindStrings(HostConfig host) {
        return List.of(host.getBinds()).stream().map(Bind::toString).toList();
    }
}
