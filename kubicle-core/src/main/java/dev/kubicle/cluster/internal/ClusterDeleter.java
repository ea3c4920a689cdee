package dev.kubicle.cluster.internal;

import dev.kubicle.cluster.Labels;
import dev.kubicle.provider.EngineLostException;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.NetworkInfo;
import dev.kubicle.provider.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Removes everything labelled as part of one cluster: every node at once (its volumes and network are looked up
 * meanwhile), then every volume and the network at once, as the engine refuses to remove a volume or network still
 * in use. Safe to run on a half-made cluster, and again on one already gone.
 */
public final class ClusterDeleter {
    private static final int SETTLE_PASSES = 10;
    private static final long SETTLE_PAUSE_MILLIS = 500;
    /** An engine restart stops every container first, each within its stop timeout (10 s), all at once. */
    private static final long ENGINE_RETURN_NANOS = TimeUnit.SECONDS.toNanos(90);

    private final Provider provider;
    private final Parallel parallel;

    public ClusterDeleter(Provider provider, Parallel parallel) {
        this.provider = provider;
        this.parallel = parallel;
    }

    /**
     * Deletes, then looks again until a pass finds nothing: after an interrupted create the engine may still be
     * finishing containers whose requests the client already gave up on. An engine that went away (restarted) is
     * waited for: it comes back with the nodes it ran (their restart policy), which would otherwise stay.
     */
    public void deleteSettled(String cluster) throws InterruptedException {
        long engineDeadline = System.nanoTime() + ENGINE_RETURN_NANOS;
        int passes = 0;
        while (true) {
            try {
                boolean found = delete(cluster);
                passes++;
                // A first pass that finds nothing proves little: the engine may still be making the network.
                if (!found && passes > 1) {
                    return;
                }
            } catch (EngineLostException away) {
                if (System.nanoTime() - engineDeadline > 0) {
                    throw away;
                }
            } catch (RuntimeException stillInUse) {
                // A volume or network in use by a container that appeared after the listing: the next pass gets it.
                if (++passes == SETTLE_PASSES) {
                    throw stillInUse;
                }
            }
            if (passes == SETTLE_PASSES) {
                return;
            }
            Thread.sleep(SETTLE_PAUSE_MILLIS);
        }
    }

    /** @return whether anything of the cluster was found */
    public boolean delete(String cluster) throws InterruptedException {
        Map<String, String> labels = Labels.ofCluster(cluster);
        // What else the cluster has is looked up while its nodes go.
        Future<List<String>> volumes = parallel.start(() -> provider.volumes(labels));
        Future<List<NetworkInfo>> networks = parallel.start(() -> provider.networks(labels));
        List<String> nodes = provider.nodeNames(labels);
        parallel.forEach(nodes, this::deleteNode);

        // Each /var volume holds the node's images and etcd: removing them one after another adds up.
        List<Runnable> leftovers = new ArrayList<>();
        parallel.await(volumes).forEach(volume -> leftovers.add(() -> provider.deleteVolume(volume)));
        // By id: two creates racing for one name may have left two networks of that name.
        parallel.await(networks).forEach(network -> leftovers.add(() -> provider.deleteNetwork(network.id())));
        parallel.forEach(leftovers, Runnable::run);
        return !nodes.isEmpty() || !leftovers.isEmpty();
    }

    /** Removes one node's container, thawing first what its kubelet may have left frozen. */
    public void deleteNode(String node) {
        thawFrozenCgroups(node);
        provider.deleteNode(node);
    }

    /**
     * runc in a node freezes a pod's cgroup for a moment while it changes it (the systemd driver on cgroup v1), and a
     * node killed in that moment keeps a frozen process that cannot die: the engine's kill then gives up after ten
     * seconds or more. A young cluster's kubelet is still starting pods, so the kubelet is stopped first (nothing
     * asks runc for changes any more), a runc caught mid-change is ended, and what it left frozen is thawed. Harmless
     * on any node that is going anyway; a node that is not running simply does not answer. The provider thaws from
     * the host as a last resort.
     */
    private void thawFrozenCgroups(String node) {
        try {
            provider.exec(node, ExecRequest.of("sh", "-c", "timeout 5 systemctl stop kubelet >/dev/null 2>&1; "
                    + "pkill -x runc; for f in $(find /sys/fs/cgroup/freezer -name freezer.state 2>/dev/null); do "
                    + "grep -q FROZEN \"$f\" && echo THAWED >\"$f\"; done; true"));
        } catch (RuntimeException notRunning) {
            // Removal goes on: there is nothing to thaw in a stopped node.
        }
    }
}
