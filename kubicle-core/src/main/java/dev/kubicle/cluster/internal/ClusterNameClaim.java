package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.Labels;
import dev.kubicle.internal.KubicleCache;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.NetworkSpec;
import dev.kubicle.provider.Provider;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Makes a create the only owner of its cluster's name before it makes anything else, so that a create that loses
 * never cleans up what another one made. The claim is the cluster's network: a cluster that exists, even half-made
 * (a create killed early), already has one, or nodes or volumes. Creates on this host claim a name one at a time
 * ({@link ClusterNameLock}), so the second always finds the first one's network. Creates on other hosts sharing the
 * engine can still race past the engine's best-effort name check; then the one whose network was made first wins,
 * and the other deletes its own network and stops.
 */
public final class ClusterNameClaim {
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);
    private static final int SETTLE_TRIES = 60;
    private static final long SETTLE_PAUSE_MILLIS = 250;

    private ClusterNameClaim() {
    }

    public static void claim(Provider provider, ClusterPlan plan) throws InterruptedException {
        try (ClusterNameLock onThisHost = ClusterNameLock.acquire(KubicleCache.directory().resolve("claims"),
                plan.name(), LOCK_TIMEOUT)) {
            claimOnTheEngine(provider, plan);
        }
    }

    private static void claimOnTheEngine(Provider provider, ClusterPlan plan) throws InterruptedException {
        Map<String, String> labels = Labels.ofCluster(plan.name());
        if (!provider.listNodes(labels).isEmpty() || !provider.networks(labels).isEmpty()
                || !provider.volumes(labels).isEmpty() || provider.network(plan.network()).isPresent()) {
            throw taken(plan.name());
        }
        String own;
        try {
            own = provider.createNetwork(new NetworkSpec(plan.network(), plan.subnet(), plan.ipv6Subnet(), labels));
        } catch (KubicleException nameTaken) {
            if (provider.networks(labels).isEmpty()) {
                throw nameTaken;
            }
            throw taken(plan.name());
        }
        for (int attempt = 1; ; attempt++) {
            List<NetworkInfo> claims = provider.networks(labels).stream()
                    .filter(network -> network.name().equals(plan.network())).toList();
            NetworkInfo first = claims.stream().min(Comparator.comparing(NetworkInfo::created)
                    .thenComparing(NetworkInfo::id)).orElseThrow(() -> taken(plan.name()));
            if (!first.id().equals(own)) {
                provider.deleteNetwork(own);
                throw taken(plan.name());
            }
            // Won: the loser deletes its network at once; until then the name would be ambiguous to the engine.
            if (claims.size() == 1) {
                return;
            }
            if (attempt == SETTLE_TRIES) {
                throw new KubicleException(ExitCode.UNEXPECTED_STATE, "another network named " + plan.network()
                        + " appeared while cluster \"" + plan.name() + "\" was being created and was not removed; "
                        + "delete the cluster with 'kubicle delete cluster --name " + plan.name() + "' and retry");
            }
            Thread.sleep(SETTLE_PAUSE_MILLIS);
        }
    }

    private static KubicleException taken(String name) {
        return new KubicleException(ExitCode.INVALID_INPUT, "a cluster named \"" + name + "\" already exists or is "
                + "being created; delete it with 'kubicle delete cluster --name " + name + "' or choose another "
                + "--name");
    }
}
