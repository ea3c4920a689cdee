package dev.kubicle.bench.report;

import dev.kubicle.bench.results.BenchResults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {
    private final BenchResults results = SampleResults.load();
    private final String report = new MarkdownReport(results, Summary.of(results.samples()),
            "../bench/results/20261123-100000.json", "benchmarks-create-steps.png").render();

    @Test
    void theTableShowsMinMedianMaxRatioTargetAndVerdict() {
        assertThat(report).contains("| create 1 node, until Ready (s) | 40.0 / **42.0** / 44.0 | "
                + "20.0 / **21.0** / 30.0 | 0.50 | ratio ≤ 0.6 | yes |");
        assertThat(report).contains("| create 1 control plane + 2 workers, until Ready (s) | 60.0 / **62.0** / 64.0 | "
                + "33.0 / **34.0** / 35.0 (1 failed) | 0.55 | ratio ≤ 0.5 | **no** |");
        assertThat(report).contains("| `version` wall time (CLI start-up) (s) | 0.020 / **0.020** / 0.020 | "
                + "0.350 / **0.350** / 0.350 | 17.50 | kubicle ≤ 0.4 s | yes |");
    }

    @Test
    void startsSayInHowManyRoundsTheClusterCameBackAndShareTargetsShowTheShare() {
        assertThat(report).contains("| start the stopped 1-node cluster, until Ready again (s) | "
                + "8.00 / **9.00** / 10.0 (came back 3 of 3) | 6.00 / **7.00** / 8.00 (came back 3 of 3) | 0.78 "
                + "| – | – |");
        // kubicle's 3-node cluster had two measured rounds: its create failed in round 1.
        assertThat(report).contains("| start the stopped 3-node cluster, until Ready again (s) | "
                + "– (came back 0 of 3) | 12.0 / **13.0** / 14.0 (came back 2 of 2) | – | "
                + "kubicle ≤ 0.4 × its create-3 | yes (0.38) |");
    }

    @Test
    void whatKindCannotDoIsNotPossibleRatherThanMissing() {
        assertThat(report).contains("| add a worker to the running 3-node cluster, until Ready (s) | not possible | "
                + "18.0 / **18.5** / 19.0 | – | kubicle ≤ 0.5 × its create-3 | **no** (0.54) |");
        assertThat(report).contains("| delete the added worker (s) | not possible | 4.00 / **4.50** / 5.00 | – | – "
                + "| – |");
    }

    @Test
    void stopsAreInTheMainTableAndNotAmongTheIdleDetails() {
        String main = report.substring(0, report.indexOf("Idle usage by node role"));

        assertThat(main).contains("| stop the 1-node cluster (s) | 2.00 / **2.10** / 2.20 | 1.50 / **1.60** / 1.70 | "
                + "0.76 | – | – |");
        assertThat(main).doesNotContain("idle CPU, worker node");
        assertThat(report.substring(report.indexOf("Idle usage by node role"))).doesNotContain("stop the");
    }

    @Test
    void theMethodSaysWhatReadyAgainMeansAndHowKindIsStoppedAndStarted() {
        assertThat(report)
                .contains("`lastHeartbeatTime`")
                .contains("A cluster has 180 s from the start of its start to be Ready again")
                .contains("`docker stop` of the cluster's node containers")
                .contains("`docker start` of its node containers, control plane first")
                .contains("Every create and every start waits 5 s first");
    }

    @Test
    void perRoleUsageHasATableOfItsOwn() {
        assertThat(report).contains("| idle CPU, control-plane node (CPU s/min) | 6.00 | 4.00 | 0.67 |");
    }

    @Test
    void theIdleWindowSaysHowLongAfterReadyItBegan() {
        assertThat(report).contains("in the 60 s that began 30 s after all nodes were Ready (median over rounds):");
        assertThat(report).contains("the harness lets it settle for 30 s (a cluster whose nodes are Ready before its "
                + "system pods run, as kubicle's are, starts them in that time: start-up, not idling), then waits 60 s");
    }

    @Test
    void theWholeHostsCpuIsShownBesideTheNodes() {
        // kind's idle windows: 12 CPU s on the host in 60 s, kubicle's 8.
        assertThat(report).contains("| host CPU, all processes (CPU s/min) | 12.0 | 8.00 | 0.67 |");
    }

    @Test
    void harnessStepsAreSetApartFromTheToolsOwn() {
        assertThat(report).contains("| kind | Starting control-plane | 3.50 | 22.0 |");
        assertThat(report).contains("| kubicle | _" + CreateTimeline.UNTIL_READY + "_ | 17.2 | 3.80 |");
        assertThat(report).contains("| kind | **until all nodes Ready** | | **42.0** |");
        assertThat(report).contains("`kubectl get nodes` runs every 0.5 s");
    }

    @Test
    void theMachineAndEveryVersionAreNamed() {
        assertThat(report)
                .contains("| CPU | Test CPU @ 2.0GHz, 2 cores |")
                .contains("| memory | 23.5 GiB |")
                .contains("Docker | 20.10.24+dfsg1, cgroup v1 (cgroupfs driver), default runtime `runc-nosysres`")
                .contains("| kind | kind v0.33.0 go1.26.8 linux/amd64, built from source")
                .contains("commit 0123456789ab")
                .contains("| node image | `kubicle/node:v1.37.2` (sha256:4f1c2d3e4f5a) |")
                .contains("| load average (1 min) when samples started | median 0.500, 0.500 to 0.500 |");
    }

    @Test
    void theChartAndTheResultsFileAreLinked() {
        assertThat(report).contains("![Create time per step, kind and kubicle](benchmarks-create-steps.png)");
        assertThat(report).contains("[`20261123-100000.json`](../bench/results/20261123-100000.json)");
    }

    @Test
    void failuresAreListed() {
        assertThat(report).contains("- kubicle create 1 control plane + 2 workers, until Ready, round 1: "
                + "exited with 3; ERROR: node bench-kubicle-3-worker did not boot\n");
    }

    @Test
    void anInterruptedRunSaysSo() {
        BenchResults interrupted = new BenchResults(results.schema(), results.startedAt(), null, results.settings(),
                results.machine(), results.samples());

        assertThat(new MarkdownReport(interrupted, Summary.of(interrupted.samples()), "r.json", "c.png").render())
                .contains("(interrupted: not every round ran)");
    }
}
