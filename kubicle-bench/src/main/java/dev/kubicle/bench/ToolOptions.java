package dev.kubicle.bench;

import dev.kubicle.bench.run.ToolUnderTest;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The two tools under test, shared by the commands that run them. */
final class ToolOptions {
    @Option(names = "--kind", required = true, description = "kind's binary.")
    Path kind;

    @Option(names = "--kubicle", required = true, description = "kubicle's launcher, bin/kubicle of the checkout.")
    Path kubicle;

    @Option(names = "--image", defaultValue = "kubicle/node:v1.37.2",
            description = "The node image both tools use (default: ${DEFAULT-VALUE}).")
    String image;

    List<ToolUnderTest> tools() {
        return List.of(ToolUnderTest.kind(kind.toAbsolutePath(), image),
                ToolUnderTest.kubicle(kubicle.toAbsolutePath(), image));
    }
}
