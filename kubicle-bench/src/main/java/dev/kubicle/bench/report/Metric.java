package dev.kubicle.bench.report;

import dev.kubicle.bench.results.NodeUsage;
import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A number the report compares, how it is taken from a sample, and its target from issue 5. Idle metrics average
 * over a sample's nodes (both tools run the same three-node layout) and are reported per node.
 */
public enum Metric {
    CREATE_ONE("create 1 node, until Ready", "s", Scenario.CREATE_ONE, Target.ratioAtMost(0.6)),
    CREATE_THREE("create 1 control plane + 2 workers, until Ready", "s", Scenario.CREATE_THREE,
            Target.ratioAtMost(0.5)),
    DELETE_ONE("delete the 1-node cluster", "s", Scenario.DELETE_ONE, Target.ratioAtMost(0.5)),
    DELETE_THREE("delete the 3-node cluster", "s", Scenario.DELETE_THREE, Target.ratioAtMost(0.5)),
    IDLE_CPU("idle CPU per node", "CPU s/min", NodeFilter.ALL, Metric::cpuPerMinute, Target.ratioAtMost(1.0)),
    IDLE_MEMORY("memory per node, cgroup usage", "MiB", NodeFilter.ALL, Metric::memoryMiB, Target.ratioAtMost(1.0)),
    IDLE_RSS("RSS per node", "MiB", NodeFilter.ALL, Metric::rssMiB, Target.ratioAtMost(1.0)),
    VERSION("`version` wall time (CLI start-up)", "s", Scenario.VERSION, Target.kubicleAtMost(0.4)),
    IDLE_CPU_CONTROL_PLANE("idle CPU, control-plane node", "CPU s/min", NodeFilter.CONTROL_PLANE,
            Metric::cpuPerMinute, null),
    IDLE_CPU_WORKER("idle CPU, worker node", "CPU s/min", NodeFilter.WORKER, Metric::cpuPerMinute, null),
    IDLE_MEMORY_CONTROL_PLANE("memory, control-plane node", "MiB", NodeFilter.CONTROL_PLANE, Metric::memoryMiB, null),
    IDLE_MEMORY_WORKER("memory, worker node", "MiB", NodeFilter.WORKER, Metric::memoryMiB, null),
    IDLE_RSS_CONTROL_PLANE("RSS, control-plane node", "MiB", NodeFilter.CONTROL_PLANE, Metric::rssMiB, null),
    IDLE_RSS_WORKER("RSS, worker node", "MiB", NodeFilter.WORKER, Metric::rssMiB, null);

    private static final double MIB = 1024.0 * 1024.0;

    private final String label;
    private final String unit;
    private final Scenario scenario;
    private final NodeFilter nodes;
    private final NodeValue nodeValue;
    private final Target target;

    Metric(String label, String unit, Scenario scenario, Target target) {
        this(label, unit, scenario, null, null, target);
    }

    Metric(String label, String unit, NodeFilter nodes, NodeValue nodeValue, Target target) {
        this(label, unit, Scenario.IDLE_THREE, nodes, nodeValue, target);
    }

    Metric(String label, String unit, Scenario scenario, NodeFilter nodes, NodeValue nodeValue, Target target) {
        this.label = label;
        this.unit = unit;
        this.scenario = scenario;
        this.nodes = nodes;
        this.nodeValue = nodeValue;
        this.target = target;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The goal from issue 5; empty for the per-role details, which only explain the totals. */
    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    /** The metric's value in one sample that counts; empty when the sample has no node the metric looks at. */
    public Optional<Double> valueOf(Sample sample) {
        if (nodeValue == null) {
            return Optional.of(sample.seconds());
        }
        List<NodeUsage> selected = sample.nodes().stream().filter(nodes).toList();
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(selected.stream().mapToDouble(node -> nodeValue.of(node, sample)).average().orElseThrow());
    }

    // Normalised to a minute, so results stay comparable when the idle window is configured differently.
    private static double cpuPerMinute(NodeUsage node, Sample sample) {
        return node.cpuSeconds() * 60 / sample.seconds();
    }

    private static double memoryMiB(NodeUsage node, Sample sample) {
        return node.memoryBytes() / MIB;
    }

    private static double rssMiB(NodeUsage node, Sample sample) {
        return node.rssBytes() / MIB;
    }

    private interface NodeValue {
        double of(NodeUsage node, Sample sample);
    }

    private enum NodeFilter implements Predicate<NodeUsage> {
        ALL(node -> true),
        CONTROL_PLANE(node -> "control-plane".equals(node.role())),
        WORKER(node -> "worker".equals(node.role()));

        private final Predicate<NodeUsage> test;

        NodeFilter(Predicate<NodeUsage> test) {
            this.test = test;
        }

        @Override
        public boolean test(NodeUsage node) {
            return test.test(node);
        }
    }
}
