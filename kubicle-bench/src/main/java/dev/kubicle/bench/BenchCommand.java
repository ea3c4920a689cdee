package dev.kubicle.bench;

import picocli.CommandLine.Command;

@Command(name = "kubicle-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks kubicle against kind: run measures, report renders docs/, cleanup removes "
                + "what a run left behind.",
        subcommands = {RunCommand.class, ReportCommand.class, CleanupCommand.class})
final class BenchCommand {
}
