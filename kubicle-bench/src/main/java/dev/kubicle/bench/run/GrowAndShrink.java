package dev.kubicle.bench.run;

import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Adds a worker to the running 3-node cluster and deletes it again, a sample each, for the tools that can: kind has
 * no command for either. A kubicle without these commands fails both samples with its own error, which the report
 * lists.
 */
final class GrowAndShrink {
    private final TimedCommands timed;
    private final NodeChecks checks;
    private final BenchPlan plan;

    GrowAndShrink(TimedCommands timed, NodeChecks checks, BenchPlan plan) {
        this.timed = timed;
        this.checks = checks;
        this.plan = plan;
    }

    /** @param record takes each sample as soon as it is taken */
    void addAndDelete(ClusterCycle cycle, Consumer<Sample> record) {
        ToolUnderTest tool = cycle.tool();
        if (!Scenario.CREATE_NODE.possibleWith(tool.tool())) {
            return;
        }
        Set<String> before;
        try {
            before = checks.nodes(cycle, Scenario.CREATE_THREE.nodes()).stream().map(NodeContainer::name)
                    .collect(Collectors.toSet());
        } catch (BenchFailure e) {
            record.accept(cycle.failed(Scenario.CREATE_NODE, e.getMessage()));
            record.accept(cycle.notMeasured(Scenario.DELETE_NODE, "no node was added"));
            return;
        }
        Sample added = timed.untilReady(cycle, Scenario.CREATE_NODE, tool.createNode(cycle.cluster()),
                plan.createTimeout());
        record.accept(added);
        String node;
        try {
            node = checks.added(cycle, before);
        } catch (BenchFailure e) {
            record.accept(cycle.notMeasured(Scenario.DELETE_NODE, e.getMessage()));
            return;
        }
        record.accept(timed.untilReturned(cycle, Scenario.DELETE_NODE, tool.deleteNode(cycle.cluster(), node),
                plan.deleteTimeout(), () -> added.ok()
                        ? checks.nothingLeft(cycle, "delete node", container -> container.name().equals(node),
                                "its container is left")
                        : "not measured: the create node failed, so this delete node only cleaned up"));
    }
}
