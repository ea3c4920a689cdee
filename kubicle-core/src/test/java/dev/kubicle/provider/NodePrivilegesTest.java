package dev.kubicle.provider;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodePrivilegesTest {

    @Test
    void verboseOutputNamesTheCapabilitiesNodesGoWithout() {
        assertThat(NodePrivileges.PRIVILEGED.describe()).isEqualTo("privileged");
        assertThat(NodePrivileges.emulated(List.of("CAP_SYS_RESOURCE", "CAP_BPF")).describe())
                .isEqualTo("emulated, without CAP_SYS_RESOURCE, CAP_BPF, which the engine's host lacks");
    }
}
