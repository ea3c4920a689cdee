package dev.kubicle.provider.docker;

import dev.kubicle.provider.NodePrivileges;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers, for one provider's lifetime, how node containers get their privileges. The first node decides: it is
 * started privileged like kind's, and only when the engine refuses that for want of a capability is it discarded
 * and started emulated, without the capabilities the host lacks. Nodes are started in parallel; the ones that
 * arrive while the first is deciding wait for its answer instead of each trying on their own.
 */
final class PrivilegeChoice {

    /** Starts something (a node, a probe container) with the given privileges; throws when the engine refuses. */
    @FunctionalInterface
    interface Attempt {
        void run(NodePrivileges privileges);
    }

    private final Object decision = new Object();
    private final List<String> likelyUnavailable;
    private final Supplier<List<String>> unavailableCapabilities;
    private volatile NodePrivileges chosen;

    /**
     * @param likelyUnavailable       the capabilities the host most likely lacks (what this process lacks), if known
     * @param unavailableCapabilities finds the capabilities the host cannot grant, with probes; asked at most once
     */
    PrivilegeChoice(List<String> likelyUnavailable, Supplier<List<String>> unavailableCapabilities) {
        this.likelyUnavailable = List.copyOf(likelyUnavailable);
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
        if (granted(attempt, NodePrivileges.PRIVILEGED, discardRefused)) {
            chosen = NodePrivileges.PRIVILEGED;
            return;
        }
        // The refusal proves that at least one capability is missing. If the guess names exactly one, an attempt
        // without it that the engine accepts proves it is the only one, at no cost beyond the node's own start.
        // Settled even if an emulated attempt fails for its own reasons: --privileged will not work here.
        if (likelyUnavailable.size() == 1) {
            chosen = NodePrivileges.emulated(likelyUnavailable);
            if (granted(attempt, chosen, discardRefused)) {
                return;
            }
        }
        chosen = NodePrivileges.emulated(unavailableCapabilities.get());
        attempt.run(chosen);
    }

    /**
     * @return true when the engine granted the privileges; false when it refused them for want of a capability,
     *         after discarding what the attempt left
     * @throws RuntimeException any other failure (a missing image, say), for the caller to see
     */
    private static boolean granted(Attempt attempt, NodePrivileges privileges, Runnable discardRefused) {
        try {
            attempt.run(privileges);
            return true;
        } catch (RuntimeException failure) {
            if (!PrivilegeFallback.refusedPrivileges(failure)) {
                throw failure;
            }
            discardRefused.run();
            return false;
        }
    }
}
