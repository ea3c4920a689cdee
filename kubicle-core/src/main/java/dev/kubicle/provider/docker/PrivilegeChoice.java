package dev.kubicle.provider.docker;

import dev.kubicle.provider.NodePrivileges;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers, for one provider's lifetime, how node containers get their privileges. The first node decides: it is
 * started privileged like kind's, and only when the engine refuses that for want of a capability is it discarded,
 * the capabilities the host lacks are worked out, and it is started emulated without them. Nodes are started in
 * parallel; the ones that arrive while the first is deciding wait for its answer instead of each trying on their
 * own.
 */
final class PrivilegeChoice {

    /** Starts something (a node, a probe container) with the given privileges; throws when the engine refuses. */
    @FunctionalInterface
    interface Attempt {
        void run(NodePrivileges privileges);
    }

    private final Object decision = new Object();
    private final Supplier<List<String>> unavailableCapabilities;
    private volatile NodePrivileges chosen;

    /** @param unavailableCapabilities finds the capabilities the host cannot grant; asked once, after a refusal */
    PrivilegeChoice(Supplier<List<String>> unavailableCapabilities) {
        this.unavailableCapabilities = unavailableCapabilities;
    }

    Optional<NodePrivileges> chosen() {
        return Optional.ofNullable(chosen);
    }

    /**
     * Runs {@code attempt} with the remembered privileges, deciding them first when nobody has yet.
     *
     * @param discardRefused removes what a refused privileged attempt left behind (the created container)
     */
    void run(Attempt attempt, Runnable discardRefused) {
        NodePrivileges known = chosen;
        if (known == null) {
            synchronized (decision) {
                if (chosen == null) {
                    decide(attempt, discardRefused);
                    return;
                }
                known = chosen;
            }
        }
        attempt.run(known);
    }

    /** Decides with an attempt whose outcome only serves to learn the privileges (a probe); returns them. */
    NodePrivileges decideWith(Attempt probe, Runnable discardRefused) {
        synchronized (decision) {
            if (chosen == null) {
                decide(probe, discardRefused);
            }
            return chosen;
        }
    }

    private void decide(Attempt attempt, Runnable discardRefused) {
        try {
            attempt.run(NodePrivileges.PRIVILEGED);
            chosen = NodePrivileges.PRIVILEGED;
            return;
        } catch (RuntimeException refused) {
            if (!PrivilegeFallback.refusedPrivileges(refused)) {
                // Not about privileges at all (a missing image, say): decide nothing and let the caller see it.
                throw refused;
            }
            discardRefused.run();
        }
        // Settled even if the emulated attempt fails for its own reasons: --privileged will not work here.
        chosen = NodePrivileges.emulated(unavailableCapabilities.get());
        attempt.run(chosen);
    }
}
