package dev.kubicle.provider.docker;

import com.github.dockerjava.api.model.Capability;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MissingCapabilitiesTest {

    /** An engine whose host lacks some capabilities: it refuses any container that asks for one of them. */
    private static final class Host implements MissingCapabilities.Trial {
        final Set<Capability> lacking;
        final List<List<Capability>> trials = new ArrayList<>();

        Host(Capability... lacking) {
            this.lacking = Set.of(lacking);
        }

        @Override
        public boolean starts(List<Capability> added) {
            trials.add(List.copyOf(added));
            return Collections.disjoint(added, lacking);
        }
    }

    @Test
    void theRightGuessCostsOneTry() {
        Host host = new Host(Capability.SYS_RESOURCE);

        assertThat(MissingCapabilities.find(host, List.of(Capability.SYS_RESOURCE)))
                .containsExactly(Capability.SYS_RESOURCE);
        assertThat(host.trials).hasSize(1);
        assertThat(host.trials.get(0)).hasSize(Capabilities.BY_NUMBER.size() - 1)
                .doesNotContain(Capability.SYS_RESOURCE);
    }

    @Test
    void withoutAGuessOneMissingCapabilityIsFoundInAFewTries() {
        Host host = new Host(Capability.SYS_RESOURCE);

        assertThat(MissingCapabilities.find(host, List.of())).containsExactly(Capability.SYS_RESOURCE);
        assertThat(host.trials).hasSizeLessThanOrEqualTo(12);
    }

    @Test
    void aGuessThatMissesSomeIsCorrectedByTheWholeSearch() {
        Host host = new Host(Capability.SYS_RESOURCE, Capability.NET_ADMIN, Capability.BPF);

        assertThat(MissingCapabilities.find(host, List.of(Capability.SYS_RESOURCE)))
                .containsExactly(Capability.NET_ADMIN, Capability.SYS_RESOURCE, Capability.BPF);
    }

    @Test
    void aGuessThatSaysTooMuchIsNarrowedToWhatTheHostReallyLacks() {
        Host host = new Host(Capability.SYS_RESOURCE);

        assertThat(MissingCapabilities.find(host, List.of(Capability.SYS_TIME, Capability.SYS_RESOURCE,
                Capability.PERFMON))).containsExactly(Capability.SYS_RESOURCE);
    }

    @Test
    void everyCapabilityCanBeFoundWhereverItIsNumbered() {
        for (Capability lacking : Capabilities.BY_NUMBER) {
            assertThat(MissingCapabilities.find(new Host(lacking), List.of())).containsExactly(lacking);
        }
    }
}
