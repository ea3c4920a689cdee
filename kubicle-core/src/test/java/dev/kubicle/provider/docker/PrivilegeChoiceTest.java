package dev.kubicle.provider.docker;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.kubicle.provider.NodePrivileges;
import dev.kubicle.provider.PrivilegeMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivilegeChoiceTest {
    private static final String CAPS_REFUSAL = "{\"message\":\"failed to create shim task: OCI runtime create failed:"
            + " runc create failed: unable to start container process: unable to apply caps: operation not"
            + " permitted: unknown\"}";

    private static final NodePrivileges EMULATED = NodePrivileges.emulated(List.of("CAP_SYS_RESOURCE"));

    /** An engine that refuses --privileged, or not, and records every start and capability search. */
    private static final class FakeEngine {
        final boolean refusesPrivileged;
        final List<NodePrivileges> starts = new CopyOnWriteArrayList<>();
        final AtomicInteger discarded = new AtomicInteger();
        final AtomicInteger searches = new AtomicInteger();

        FakeEngine(boolean refusesPrivileged) {
            this.refusesPrivileged = refusesPrivileged;
        }

        /** Refuses what asks for CAP_SYS_RESOURCE where the host lacks it, as ours does. */
        void start(NodePrivileges privileges) {
            starts.add(privileges);
            if (refusesPrivileged && !privileges.unavailableCapabilities().contains("CAP_SYS_RESOURCE")) {
                throw new InternalServerErrorException(CAPS_REFUSAL);
            }
        }

        /** A choice without a guess of what the host lacks: the search finds it. */
        PrivilegeChoice choice() {
            return choice(List.of());
        }

        PrivilegeChoice choice(List<String> guess) {
            return new PrivilegeChoice(guess, () -> {
                searches.incrementAndGet();
                return List.of("CAP_SYS_RESOURCE");
            });
        }
    }

    @Test
    void nodesRunPrivilegedWhereTheEngineAllowsIt() {
        var engine = new FakeEngine(false);
        var choice = engine.choice();

        choice.run(engine::start, engine.discarded::incrementAndGet);
        choice.run(engine::start, engine.discarded::incrementAndGet);

        assertThat(choice.chosen()).contains(NodePrivileges.PRIVILEGED);
        assertThat(engine.starts).containsExactly(NodePrivileges.PRIVILEGED, NodePrivileges.PRIVILEGED);
        assertThat(engine.discarded).hasValue(0);
        assertThat(engine.searches).hasValue(0);
    }

    @Test
    void aRefusedPrivilegedNodeIsDiscardedAndStartedWithoutWhatTheHostLacksAndLaterNodesGoStraightThere() {
        var engine = new FakeEngine(true);
        var choice = engine.choice();

        choice.run(engine::start, engine.discarded::incrementAndGet);
        choice.run(engine::start, engine.discarded::incrementAndGet);

        assertThat(choice.chosen()).contains(EMULATED);
        assertThat(engine.starts).containsExactly(NodePrivileges.PRIVILEGED, EMULATED, EMULATED);
        assertThat(engine.discarded).hasValue(1);
        assertThat(engine.searches).hasValue(1);
    }

    @Test
    void aGuessOfOneMissingCapabilityThatTheEngineAcceptsNeedsNoSearch() {
        var engine = new FakeEngine(true);
        var choice = engine.choice(List.of("CAP_SYS_RESOURCE"));

        choice.run(engine::start, engine.discarded::incrementAndGet);

        assertThat(choice.chosen()).contains(EMULATED);
        assertThat(engine.starts).containsExactly(NodePrivileges.PRIVILEGED, EMULATED);
        assertThat(engine.searches).hasValue(0);
    }

    @Test
    void aWrongGuessIsDiscardedLikeTheRefusedPrivilegedStartAndTheSearchDecides() {
        var engine = new FakeEngine(true);
        var wrong = NodePrivileges.emulated(List.of("CAP_SYS_TIME"));
        var choice = engine.choice(wrong.unavailableCapabilities());

        choice.run(engine::start, engine.discarded::incrementAndGet);

        assertThat(choice.chosen()).contains(EMULATED);
        assertThat(engine.starts).containsExactly(NodePrivileges.PRIVILEGED, wrong, EMULATED);
        assertThat(engine.discarded).hasValue(2);
        assertThat(engine.searches).hasValue(1);
    }

    @Test
    void aFailureThatIsNotAboutPrivilegesDecidesNothingAndReachesTheCaller() {
        var choice = new FakeEngine(true).choice();
        var discarded = new AtomicInteger();

        assertThatThrownBy(() -> choice.run(mode -> {
            throw new NotFoundException("{\"message\":\"No such image: kubicle/node:v1\"}");
        }, discarded::incrementAndGet)).isInstanceOf(NotFoundException.class);

        assertThat(choice.chosen()).isEmpty();
        assertThat(discarded).hasValue(0);
    }

    @Test
    void theDecisionStandsEvenWhenTheEmulatedStartFailsForItsOwnReasons() {
        var choice = new FakeEngine(true).choice();

        assertThatThrownBy(() -> choice.run(privileges -> {
            throw new InternalServerErrorException(privileges.mode() == PrivilegeMode.PRIVILEGED ? CAPS_REFUSAL
                    : "{\"message\":\"bind source path does not exist: /nope\"}");
        }, () -> { })).hasMessageContaining("/nope");

        assertThat(choice.chosen()).contains(EMULATED);
    }

    @Test
    void nodesStartedTogetherWaitForTheFirstOneToDecideInsteadOfEachTryingPrivileged() throws Exception {
        var engine = new FakeEngine(true);
        var choice = engine.choice();
        int nodes = 8;
        var ready = new CountDownLatch(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<?>> started = new CopyOnWriteArrayList<>();
            for (int i = 0; i < nodes; i++) {
                started.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    choice.run(engine::start, engine.discarded::incrementAndGet);
                    return null;
                }));
            }
            for (Future<?> node : started) {
                node.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(engine.starts).filteredOn(NodePrivileges.PRIVILEGED::equals).hasSize(1);
        assertThat(engine.starts).filteredOn(EMULATED::equals).hasSize(nodes);
        assertThat(engine.discarded).hasValue(1);
        assertThat(engine.searches).hasValue(1);
    }

    @Test
    void aProbeDecidesOnceAndLaterProbesReuseTheAnswer() {
        var engine = new FakeEngine(true);
        var choice = engine.choice();

        assertThat(choice.decideWith(engine::start, () -> { })).isEqualTo(EMULATED);
        assertThat(choice.decideWith(engine::start, () -> { })).isEqualTo(EMULATED);

        assertThat(engine.starts).containsExactly(NodePrivileges.PRIVILEGED, EMULATED);
    }
}
