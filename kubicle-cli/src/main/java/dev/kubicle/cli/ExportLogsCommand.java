package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterLogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "logs", description = "Export the logs of every node of a cluster into a folder "
        + "(default: a new temporary folder); prints the folder.")
final class ExportLogsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The folder to write into.")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            ClusterLogs logs = new ClusterLogs(session.provider(), session.progress());
            Path written = directory == null ? logs.export(cluster.name, KubicleVersion.line())
                    : logs.export(cluster.name, directory, KubicleVersion.line());
            session.out().println(written.toAbsolutePath());
        }
        return 0;
    }
}
