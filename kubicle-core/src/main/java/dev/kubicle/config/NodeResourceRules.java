package dev.kubicle.config;

import java.util.List;
import java.util.OptionalLong;

/**
 * kubicle's {@code nodes[].resources}: amounts that parse, and none below what a node needs to run. A control plane's
 * static pods request 650m CPU (API server 250m, controller manager 200m, scheduler and etcd 100m each), and its
 * kubelet refuses to run one that does not fit: with 0.5 CPU the controller manager never starts and kubeadm init
 * times out (seen here), so a control plane needs 1 CPU. A worker's own pods request 10m; half a CPU runs it.
 * Memory follows what an idle node of kubicle's image uses (docs/benchmarks.md): a control plane about 430 MiB
 * resident and 890 MiB with its page cache, a worker about 70 and 150 MiB, with room left for pods.
 */
final class NodeResourceRules {
    static final long MIN_CONTROL_PLANE_NANO_CPUS = 1_000_000_000L;
    static final long MIN_WORKER_NANO_CPUS = 500_000_000L;
    static final long MIN_CONTROL_PLANE_BYTES = 1L << 30;
    static final long MIN_WORKER_BYTES = 512L << 20;

    /** Where a node's two amounts were written: fields of a config, or flags of a command. */
    record Paths(String cpus, String memory) {
        static Paths ofNode(int index) {
            String resources = YamlPath.field(YamlPath.index("nodes", index), "resources");
            return new Paths(YamlPath.field(resources, "cpus"), YamlPath.field(resources, "memory"));
        }
    }

    private NodeResourceRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        List<Node> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).resources() != null) {
                checkNode(nodes.get(i).resources(), NodeRules.CONTROL_PLANE.equals(nodes.get(i).role()),
                        Paths.ofNode(i), problems);
            }
        }
    }

    static void checkNode(NodeResources resources, boolean controlPlane, Paths paths, Problems problems) {
        String role = controlPlane ? "control-plane" : "worker";
        if (resources.cpus() != null) {
            OptionalLong nanos = ResourceQuantities.nanoCpus(resources.cpus());
            if (nanos.isEmpty()) {
                problems.add(paths.cpus(), "\"" + resources.cpus() + "\" is not a number of CPUs",
                        "write a decimal number such as 1.5, or millicores such as 1500m");
            } else if (nanos.getAsLong() < (controlPlane ? MIN_CONTROL_PLANE_NANO_CPUS : MIN_WORKER_NANO_CPUS)) {
                problems.add(paths.cpus(), resources.cpus() + " CPU is too little for a " + role + " node to run",
                        "give it at least " + (controlPlane ? "1" : "0.5") + ", or leave it out for no limit");
            }
        }
        if (resources.memory() != null) {
            OptionalLong bytes = ResourceQuantities.bytes(resources.memory());
            long floor = controlPlane ? MIN_CONTROL_PLANE_BYTES : MIN_WORKER_BYTES;
            if (bytes.isEmpty()) {
                problems.add(paths.memory(), "\"" + resources.memory() + "\" is not an amount of memory",
                        "write a Kubernetes quantity such as 2Gi, 512Mi or 2147483648 (bytes)");
            } else if (bytes.getAsLong() < floor) {
                problems.add(paths.memory(), resources.memory() + " is too little memory for a " + role
                        + " node to run", "give it at least " + ResourceQuantities.describeBytes(floor)
                        + ", or leave it out for no limit");
            }
        }
    }

    /** Limits beyond what the engine's host has: the engine would refuse the CPUs, and never grant the memory. */
    static void checkFits(Cluster cluster, int hostCpus, long hostBytes, Problems problems) {
        List<Node> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).resources() != null) {
                checkFit(nodes.get(i).resources(), Paths.ofNode(i), hostCpus, hostBytes, problems);
            }
        }
    }

    static void checkFit(NodeResources resources, Paths paths, int hostCpus, long hostBytes, Problems problems) {
        OptionalLong nanos = resources.cpus() == null ? OptionalLong.empty()
                : ResourceQuantities.nanoCpus(resources.cpus());
        if (nanos.isPresent() && nanos.getAsLong() > hostCpus * 1_000_000_000L) {
            problems.add(paths.cpus(), resources.cpus() + " CPUs are more than the engine's host has (" + hostCpus
                    + ")", "use at most " + hostCpus);
        }
        OptionalLong bytes = resources.memory() == null ? OptionalLong.empty()
                : ResourceQuantities.bytes(resources.memory());
        if (bytes.isPresent() && bytes.getAsLong() > hostBytes) {
            String most = ResourceQuantities.describeBytes(hostBytes);
            problems.add(paths.memory(), resources.memory() + " is more memory than the engine's host has (" + most
                    + ")", "use at most " + most);
        }
    }
}
