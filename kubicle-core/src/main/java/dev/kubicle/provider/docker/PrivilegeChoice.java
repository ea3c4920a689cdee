package dev.kubicle.provider.docker;

import dev.kubicle.provider.PrivilegeMode;

import java.util.Optional;

/**
 * Remembers, for one provider's lifetime, how node containers get their privileges. The first node decides: it is
 * started {@link PrivilegeMode#PRIVILEGED} like kind's, and only when the engine refuses that for want of a
 * capability is it discarded and started {@link PrivilegeMode#EMULATED}. Nodes are started in parallel; the ones
 * that arrive while the first is deciding wait for its answer instead of each trying --privileged on their own.
 */
final class PrivilegeChoice {

    /** Starts something (a node, a probe container) with the given privileges; throws when the engine refuses. */
    @FunctionalInterface
    interface Attempt {
        void run(PrivilegeMode mode);
    }

    private final Object decision = new Object();
    private volatile PrivilegeMode chosen;

    Optional<PrivilegeMode> chosen() {
        return Optional.ofNullable(chosen);
    }

    /**
     * Runs {@code attempt} with the remembered mode, deciding the mode first when nobody has yet.
     *
     * @param discardRefused removes what a refused PRIVILEGED attempt left behind (the created container)
     */
    void run(Attempt attempt, Runnable discardRefused) {
        PrivilegeMode known = chosen;
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

    /** Decides with an attempt whose outcome only serves to learn the mode (a probe); returns that mode. */
    PrivilegeMode decideWith(Attempt probe, Runnable discardRefused) {
        synchronized (decision) {
            if (chosen == null) {
                decide(probe, discardRefused);
            }
            return chosen;
        }
    }

    private void decide(Attempt attempt, Runnable discardRefused) {
        try {
            attempt.run(PrivilegeMode.PRIVILEGED);
            chosen = PrivilegeMode.PRIVILEGED;
            return;
        } catch (RuntimeException refused) {
            if (!PrivilegeFallback.refusedPrivileges(refused)) {
                // Not about privileges at all (a missing image, say): decide nothing and let the caller see it.
                throw refused;
            }
            discardRefused.run();
        }
        // Settled even if the emulated attempt fails for its own reasons: --privileged will not work here.
        chosen = PrivilegeMode.EMULATED;
        attempt.run(PrivilegeMode.EMULATED);
    }
}
