package dev.kubicle.provider.docker;

import com.github.dockerjava.api.model.Capability;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilitiesTest {

    @Test
    void ourTestMachinesBoundingSetLacksOnlySysResource() {
        assertThat(Capabilities.missingFrom("000001fffeffffff")).containsExactly(Capability.SYS_RESOURCE);
        assertThat(Capabilities.missingFrom("000001ffffffffff")).isEmpty();
    }

    @Test
    void aKernelOlderThanTheNewestCapabilitiesShowsThemMissingToo() {
        // Linux 5.4: CAP_AUDIT_READ (37) is the last; PERFMON, BPF and CHECKPOINT_RESTORE read as zero bits.
        assertThat(Capabilities.missingFrom("0000003fffffffff"))
                .containsExactly(Capability.PERFMON, Capability.BPF, Capability.CHECKPOINT_RESTORE);
    }

    @Test
    void everyCapabilityTheEngineKnowsHasItsNumberAndLinuxName() {
        assertThat(Capabilities.BY_NUMBER).containsExactlyInAnyOrderElementsOf(Arrays.stream(Capability.values())
                .filter(capability -> capability != Capability.ALL).toList());
        assertThat(Capabilities.BY_NUMBER.get(24)).isEqualTo(Capability.SYS_RESOURCE);
        assertThat(Capabilities.linuxName(Capability.SYS_RESOURCE)).isEqualTo("CAP_SYS_RESOURCE");
        assertThat(Capabilities.fromLinuxNames(List.of("CAP_SYS_RESOURCE", "CAP_BPF")))
                .containsExactly(Capability.SYS_RESOURCE, Capability.BPF);
    }
}
