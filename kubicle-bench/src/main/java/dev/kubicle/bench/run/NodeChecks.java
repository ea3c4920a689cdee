package dev.kubicle.bench.run;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What the harness checks on the engine around a tool's commands, so that a command's exit code is not all. */
final class NodeChecks {
    private final NodeObserver observer;

    NodeChecks(NodeObserver observer) {
        this.observer = observer;
    }

    /**
     * The cycle's node containers, running or not.
     *
     * @throws BenchFailure when there are not exactly {@code expected}, or they cannot be listed
     */
    List<NodeContainer> nodes(ClusterCycle cycle, int expected) {
        List<NodeContainer> nodes = observer.nodes(cycle.tool(), cycle.cluster());
        if (nodes.size() != expected) {
            throw new BenchFailure("found " + nodes.size() + " node containers of " + cycle.cluster() + ", expected "
                    + expected);
        }
        return nodes;
    }

    /**
     * The node a command added, found by its container rather than by the tool's output, like every other check.
     *
     * @param before the names of the cycle's node containers before the command
     * @throws BenchFailure when there is not exactly one new node container
     */
    String added(ClusterCycle cycle, Set<String> before) {
        List<String> added = observer.nodes(cycle.tool(), cycle.cluster()).stream().map(NodeContainer::name)
                .filter(name -> !before.contains(name)).toList();
        if (added.size() != 1) {
            throw new BenchFailure("expected one new node container, found " + added.size()
                    + (added.isEmpty() ? "" : ": " + String.join(", ", added)));
        }
        return added.get(0);
    }

    /**
     * After a command that should have stopped or removed node containers.
     *
     * @param left which of the cluster's node containers the command should have done away with
     * @param what what they are when some are there, as in "node containers are left"
     * @return null when there are none, else what the command's sample failed of
     */
    String nothingLeft(ClusterCycle cycle, String command, Predicate<NodeContainer> left, String what) {
        try {
            List<String> names = observer.nodes(cycle.tool(), cycle.cluster()).stream().filter(left)
                    .map(NodeContainer::name).toList();
            return names.isEmpty() ? null : command + " returned, but " + what + ": " + String.join(", ", names);
        } catch (BenchFailure e) {
            return "cannot check what " + command + " left: " + e.getMessage();
        }
    }
}
