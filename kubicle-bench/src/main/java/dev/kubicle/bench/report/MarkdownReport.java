package dev.kubicle.bench.report;

import dev.kubicle.bench.results.BenchResults;
import dev.kubicle.bench.results.BenchSettings;
import dev.kubicle.bench.results.MachineFacts;
import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.Tool;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The generated part of docs/benchmarks.md: results table, step breakdown, chart link, machine, method. */
public final class MarkdownReport {
    private final BenchResults results;
    private final Summary summary;
    private final String resultsLink;
    private final String chartLink;
    private final StringBuilder out = new StringBuilder();

    /**
     * @param resultsLink the results file, relative to the document
     * @param chartLink   the chart's PNG, relative to the document
     */
    public MarkdownReport(BenchResults results, Summary summary, String resultsLink, String chartLink) {
        this.results = results;
        this.summary = summary;
        this.resultsLink = resultsLink;
        this.chartLink = chartLink;
    }

    public String render() {
        out.setLength(0);
        introduction();
        resultsTableLines();
        roleTable();
        steps();
        machine();
        failures();
        out.append(MethodSection.render(results.settings()));
        return out.toString();
    }

    /** Only the table of results against targets, for the console at the end of a run. */
    public String resultsTable() {
        out.setLength(0);
        resultsTableLines();
        return out.toString();
    }

    private void introduction() {
        BenchSettings settings = results.settings();
        line("## Latest run");
        line();
        String state = results.finishedAt() == null ? " (interrupted: not every round ran)" : "";
        line("Run started " + results.startedAt() + state + "; raw samples in [`" + fileName(resultsLink) + "`]("
                + resultsLink + "). " + settings.rounds() + " measured rounds per tool after " + settings.warmupRounds()
                + " warm-up round" + (settings.warmupRounds() == 1 ? "" : "s") + ", kind and kubicle alternating "
                + "(the first tool swaps every round), the same engine, node image and cluster configs for both.");
        line();
    }

    private void resultsTableLines() {
        line("| metric | kind min / median / max | kubicle min / median / max | kubicle/kind | target | met |");
        line("|---|--:|--:|--:|---|---|");
        for (SummaryRow row : summary.rows()) {
            if (idleDetail(row)) {
                continue;
            }
            line("| " + row.label() + " (" + row.unit() + ") | " + cell(row, Tool.KIND, row.kind(), row.kindFailed())
                    + " | " + cell(row, Tool.KUBICLE, row.kubicle(), row.kubicleFailed()) + " | " + ratio(row.ratio())
                    + " | " + (row.target() == null ? "–" : row.target()) + " | " + met(row) + " |");
        }
        line();
    }

    /** A tool's min / median / max, or why there is none; for starts, in how many rounds the cluster came back. */
    private static String cell(SummaryRow row, Tool tool, Stats stats, int failed) {
        Scenario scenario = row.metric().scenario();
        if (!scenario.possibleWith(tool)) {
            return "not possible";
        }
        String numbers = stats == null ? "–" : Numbers.format(stats.min()) + " / **" + Numbers.format(stats.median())
                + "** / " + Numbers.format(stats.max());
        int succeeded = stats == null ? 0 : stats.n();
        if (scenario.startsAgain() && succeeded + failed > 0) {
            return numbers + " (came back " + succeeded + " of " + (succeeded + failed) + ")";
        }
        return failed > 0 ? numbers + " (" + failed + " failed)" : numbers;
    }

    /** The verdict, with the share a share target judges, which no other column shows. */
    private static String met(SummaryRow row) {
        if (row.verdict() == null) {
            return "–";
        }
        boolean share = row.metric().target().orElseThrow().kind() == Target.Kind.SHARE_AT_MOST;
        return share && row.judged() != null
                ? row.verdict().markdown() + " (" + ratio(row.judged()) + ")" : row.verdict().markdown();
    }

    /** Idle usage by role and the host's CPU: they explain the per-node idle rows, in a table of their own. */
    private static boolean idleDetail(SummaryRow row) {
        return row.metric().target().isEmpty() && row.metric().scenario() == Scenario.IDLE_THREE;
    }

    private void roleTable() {
        line("Idle usage by node role, and the whole host's CPU for comparison, in the "
                + results.settings().idleSeconds() + (results.settings().idleSettleSeconds() == 0 ? " s after"
                : " s that began " + results.settings().idleSettleSeconds() + " s after")
                + " all nodes were Ready (median over rounds):");
        line();
        line("| metric | kind | kubicle | kubicle/kind |");
        line("|---|--:|--:|--:|");
        for (SummaryRow row : summary.rows()) {
            if (!idleDetail(row)) {
                continue;
            }
            line("| " + row.label() + " (" + row.unit() + ") | " + median(row.kind()) + " | " + median(row.kubicle())
                    + " | " + ratio(row.ratio()) + " |");
        }
        line();
    }

    private void steps() {
        line("### Where create time goes");
        line();
        line("Median start and duration of each step, in seconds from the start of `create cluster`. Steps in italics "
                + "are not printed by the tool: the harness measures them around the tool's own steps, so the steps "
                + "of a create add up to its time until Ready.");
        line();
        for (Scenario scenario : List.of(Scenario.CREATE_ONE, Scenario.CREATE_THREE)) {
            line("**" + capitalised(scenario.label()) + "**");
            line();
            line("| tool | step | start | duration |");
            line("|---|---|--:|--:|");
            for (Tool tool : Tool.values()) {
                Optional<StepBreakdown> breakdown = summary.breakdown(tool, scenario);
                if (breakdown.isEmpty()) {
                    line("| " + tool.id() + " | no successful round | | |");
                    continue;
                }
                for (StepStats step : breakdown.get().steps()) {
                    String name = step.fromTool() ? step.name() : "_" + step.name() + "_";
                    line("| " + tool.id() + " | " + name + " | " + Numbers.format(step.start()) + " | "
                            + Numbers.format(step.seconds()) + " |");
                }
                line("| " + tool.id() + " | **until all nodes Ready** | | **"
                        + Numbers.format(breakdown.get().total()) + "** |");
            }
            line();
        }
        line("![Create time per step, kind and kubicle](" + chartLink + ")");
        line();
    }

    private void machine() {
        MachineFacts machine = results.machine();
        line("### Machine and versions");
        line();
        line("| | |");
        line("|---|---|");
        line("| CPU | " + machine.cpuModel() + ", " + machine.cores() + " cores |");
        line("| memory | " + String.format(Locale.ROOT, "%.1f GiB", machine.memoryBytes() / (1024.0 * 1024 * 1024))
                + " |");
        line("| OS, kernel | " + machine.os() + ", Linux " + machine.kernel() + " |");
        line("| Docker | " + machine.dockerVersion() + ", cgroup v" + machine.cgroupVersion() + " ("
                + machine.cgroupDriver() + " driver), default runtime `" + machine.dockerRuntime() + "` |");
        line("| kind | " + machine.kindVersion() + ", built from source by `bench/run.sh` |");
        line("| kubicle | " + machine.kubicleVersion() + ", commit " + machine.kubicleCommit()
                + ", run by `bin/kubicle` |");
        line("| Java | " + machine.javaVersion() + " |");
        line("| kubectl (readiness poll) | " + machine.kubectlVersion() + " |");
        line("| load average (1 min) when samples started | " + loadAverages() + " |");
        line("| node image | `" + machine.nodeImage() + "` (" + shortId(machine.nodeImageId()) + ") |");
        line();
    }

    /** Other work on the machine shows here; a quiet machine stays well below its core count. */
    private String loadAverages() {
        return Stats.of(results.samples().stream().map(Sample::loadAverage).toList())
                .map(stats -> "median " + Numbers.format(stats.median()) + ", " + Numbers.format(stats.min()) + " to "
                        + Numbers.format(stats.max()))
                .orElse("–");
    }

    private void failures() {
        line("### Failed samples");
        line();
        if (summary.failures().isEmpty()) {
            line("None.");
        }
        for (FailedSample failure : summary.failures()) {
            line("- " + failure.tool().id() + " " + failure.scenario().label() + ", round " + failure.round()
                    + (failure.warmup() ? " (warm-up)" : "") + ": " + failure.error());
        }
        line();
    }

    private static String median(Stats stats) {
        return stats == null ? "–" : Numbers.format(stats.median());
    }

    private static String ratio(Double ratio) {
        return ratio == null ? "–" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String shortId(String imageId) {
        if (imageId == null) {
            return "ID unknown";
        }
        return imageId.length() > 19 ? imageId.substring(0, 19) : imageId;
    }

    private static String fileName(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
