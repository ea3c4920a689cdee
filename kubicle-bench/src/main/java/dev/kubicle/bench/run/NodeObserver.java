package dev.kubicle.bench.run;

import java.time.Duration;
import java.util.List;

/** What the harness looks at besides the tools' output: the node containers on the engine and what they use. */
public interface NodeObserver {

    /** The cluster's node containers, running or not, found by the tool's cluster label. */
    List<NodeContainer> nodes(ToolUnderTest tool, String cluster);

    /** The names of the tool's clusters on the engine whose names start with {@code prefix}. */
    List<String> clusters(ToolUnderTest tool, String prefix);

    /** Waits for {@code window} and measures what each node used meanwhile. */
    IdleMeasurement idle(List<NodeContainer> nodes, Duration window);
}
