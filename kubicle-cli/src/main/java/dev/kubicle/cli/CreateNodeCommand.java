package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterNode;
import dev.kubicle.cluster.NodeOptions;
import dev.kubicle.cluster.NodeRole;
import dev.kubicle.config.NodeResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "node", description = "Add a node to a running cluster: it gets the next name and the next free "
        + "address, joins with kubeadm, and the command waits for it to be Ready. A cluster made with one control "
        + "plane cannot gain control planes.")
final class CreateNodeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Option(names = "--role", paramLabel = "ROLE", converter = NodeRoleConverter.class,
            completionCandidates = NodeRoleConverter.Candidates.class,
            description = "worker or control-plane (default: worker).")
    NodeRole role = NodeRole.WORKER;

    @Option(names = "--ip", paramLabel = "ADDRESS",
            description = "The node's address, a free one of the cluster network (default: the lowest free one).")
    String ip;

    @Option(names = "--image", description = "The node image (default: that of the cluster's nodes of the role).")
    String image;

    @Option(names = "--labels", split = ",", paramLabel = "KEY=VALUE",
            description = "Kubernetes labels the node registers with, comma-separated.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--cpus", paramLabel = "CPUS",
            description = "The node's CPU limit and capacity: a decimal number (1.5) or millicores (1500m).")
    String cpus;

    @Option(names = "--memory", paramLabel = "QUANTITY",
            description = "The node's memory limit and capacity: bytes, or with Ki, Mi, Gi (2Gi).")
    String memory;

    @Mixin
    WaitOption wait;

    @Option(names = "--retain", description = "Keep the node of a failed add, to look into it.")
    boolean retain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        NodeOptions nodeOptions = NodeOptions.of(role).withIp(ip).withImage(image).withLabels(labels)
                .withWaitReady(wait.duration).withRetain(retain)
                .withResources(cpus == null && memory == null ? null : new NodeResources(cpus, memory));
        try (Session session = Root.of(spec).session(options)) {
            ClusterNode node = session.clusters().createNode(cluster.name, nodeOptions);
            session.progress().note("Node \"" + node.name() + "\" (" + node.role().label() + ", " + node.ip()
                    + ") joined cluster \"" + cluster.name + "\".");
        }
        return 0;
    }
}
