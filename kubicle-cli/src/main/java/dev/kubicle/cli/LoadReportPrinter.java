package dev.kubicle.cli;

import dev.kubicle.cluster.LoadReport;

import java.io.PrintStream;

/** The outcome of a load, one line per outcome, on standard output for scripts to read. */
final class LoadReportPrinter {

    private LoadReportPrinter() {
    }

    static void print(LoadReport report, PrintStream out) {
        if (!report.loaded().isEmpty()) {
            out.println("loaded into: " + String.join(", ", report.loaded()));
        }
        if (!report.skipped().isEmpty()) {
            out.println("skipped (already present): " + String.join(", ", report.skipped()));
        }
    }
}
