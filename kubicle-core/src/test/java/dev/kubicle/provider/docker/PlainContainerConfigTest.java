package dev.kubicle.provider.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.PortSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlainContainerConfigTest {

    @Test
    void aLoadBalancerGetsItsEntrypointNetworkAndPortButNoneOfANodesPowers() {
        NodeSpec spec = new NodeSpec("ha-external-load-balancer", "kubicle/base:latest",
                Map.of("dev.kubicle.cluster", "ha"), "kubicle-ha", Optional.empty(), "",
                List.of(new PortSpec("127.0.0.1", 41234, 6443, "tcp")), List.of(), Map.of(),
                List.of("haproxy", "-W", "-db", "-f", "/etc/haproxy/haproxy.cfg"));
        CreateContainerCmd unsent = new CreateContainerCmdImpl(command -> {
            throw new UnsupportedOperationException("no engine in unit tests");
        }, null, "image-from-caller");

        CreateContainerCmd create = new PlainContainerConfig(spec).applyTo(unsent);
        HostConfig host = create.getHostConfig();

        assertThat(create.getName()).isEqualTo("ha-external-load-balancer");
        assertThat(create.getEntrypoint()).containsExactly("haproxy", "-W", "-db", "-f", "/etc/haproxy/haproxy.cfg");
        assertThat(create.getLabels()).containsEntry("dev.kubicle.cluster", "ha");
        assertThat(create.isTty()).isNull();
        assertThat(create.getStopSignal()).isNull();
        assertThat(host.getNetworkMode()).isEqualTo("kubicle-ha");
        assertThat(host.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(host.getCapAdd()).isNull();
        assertThat(host.getTmpFs()).isNull();
        assertThat(host.getBinds()).isNullOrEmpty();
        assertThat(host.getPortBindings().getBindings().values()).singleElement()
                .satisfies(bindings -> assertThat(bindings[0].getHostPortSpec()).isEqualTo("41234"));
    }
}
