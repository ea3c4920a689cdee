package dev.kubicle.config;

import java.util.List;
import java.util.OptionalLong;

/**
 * kubicle's {@code nodes[].resources}: amounts that parse, and none below what a node needs to run. The floors come
 * from what an idle node of kubicle's image uses (docs/benchmarks.md): a control plane about 430 MiB resident and
 * 890 MiB with its page cache, a worker about 70 and 150 MiB; the kubelet keeps 100 MiB free for eviction on top.
 * Half a CPU still boots a control plane within kubeadm's time limits; less makes create time out.
 */
final class NodeResourceRules {
    static final long MIN_NANO_CPUS = 500_000_000L;
    static final long MIN_CONTROL_PLANE_BYTES = 1L << 30;
    static final long MIN_WORKER_BYTES = 512L << 20;

    private NodeResourceRules() {
    }

    static void check(Cluster cluster, Problems problems) {
        List<Node> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            NodeResources resources = node.resources();
            if (resources == null) {
                continue;
            }
            String path = YamlPath.field(YamlPath.index("nodes", i), "resources");
            if (resources.cpus() != null) {
                checkCpus(resources.cpus(), YamlPath.field(path, "cpus"), problems);
            }
            if (resources.memory() != null) {
                checkMemory(resources.memory(), NodeRules.CONTROL_PLANE.equals(node.role()),
                        YamlPath.field(path, "memory"), problems);
            }
        }
    }

    private static void checkCpus(String text, String path, Problems problems) {
        OptionalLong nanos = ResourceQuantities.nanoCpus(text);
        if (nanos.isEmpty()) {
            problems.add(path, "\"" + text + "\" is not a number of CPUs",
                    "write a decimal number such as 1.5, or millicores such as 1500m");
        } else if (nanos.getAsLong() < MIN_NANO_CPUS) {
            problems.add(path, text + " CPU is too little for a node to run",
                    "give it at least 0.5, or leave resources.cpus out for no limit");
        }
    }

    private static void checkMemory(String text, boolean controlPlane, String path, Problems problems) {
        OptionalLong bytes = ResourceQuantities.bytes(text);
        long floor = controlPlane ? MIN_CONTROL_PLANE_BYTES : MIN_WORKER_BYTES;
        if (bytes.isEmpty()) {
            problems.add(path, "\"" + text + "\" is not an amount of memory",
                    "write a Kubernetes quantity such as 2Gi, 512Mi or 2147483648 (bytes)");
        } else if (bytes.getAsLong() < floor) {
            problems.add(path, text + " is too little memory for a " + (controlPlane ? "control-plane" : "worker")
                    + " node to run", "give it at least " + ResourceQuantities.describeBytes(floor)
                    + ", or leave resources.memory out for no limit");
        }
    }

    /** Limits beyond what the engine's host has: the engine would refuse the CPUs, and never grant the memory. */
    static void checkFits(Cluster cluster, int hostCpus, long hostBytes, Problems problems) {
        List<Node> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            NodeResources resources = nodes.get(i).resources();
            if (resources == null) {
                continue;
            }
            String path = YamlPath.field(YamlPath.index("nodes", i), "resources");
            OptionalLong nanos = resources.cpus() == null ? OptionalLong.empty()
                    : ResourceQuantities.nanoCpus(resources.cpus());
            if (nanos.isPresent() && nanos.getAsLong() > hostCpus * 1_000_000_000L) {
                problems.add(YamlPath.field(path, "cpus"), resources.cpus() + " CPUs are more than the engine's host "
                        + "has (" + hostCpus + ")", "use at most " + hostCpus);
            }
            OptionalLong bytes = resources.memory() == null ? OptionalLong.empty()
                    : ResourceQuantities.bytes(resources.memory());
            if (bytes.isPresent() && bytes.getAsLong() > hostBytes) {
                String most = ResourceQuantities.describeBytes(hostBytes);
                problems.add(YamlPath.field(path, "memory"), resources.memory() + " is more memory than the engine's "
                        + "host has (" + most + ")", "use at most " + most);
            }
        }
    }
}
