package dev.kubicle.bench;

import picocli.CommandLine;

/** Starts the benchmark's command line; bench/run.sh is the way in for people. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
