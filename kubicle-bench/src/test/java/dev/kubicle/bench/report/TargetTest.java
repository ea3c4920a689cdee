package dev.kubicle.bench.report;

import dev.kubicle.bench.results.Tool;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TargetTest {

    /** A run in which each tool has the medians given, as "METRIC/tool", and no others. */
    private static Target.Medians run(Map<String, Double> medians) {
        return (metric, tool) -> Optional.ofNullable(medians.get(metric + "/" + tool.id()));
    }

    private static Verdict judge(Target target, Metric metric, Target.Medians medians) {
        return target.judge(target.value(metric, medians));
    }

    @Test
    void aRatioTargetComparesKubiclesMedianWithKinds() {
        Target target = Target.ratioAtMost(0.5);

        assertThat(judge(target, Metric.CREATE_ONE, run(Map.of("CREATE_ONE/kind", 40.0, "CREATE_ONE/kubicle", 20.0))))
                .isEqualTo(Verdict.MET);
        assertThat(judge(target, Metric.CREATE_ONE, run(Map.of("CREATE_ONE/kind", 40.0, "CREATE_ONE/kubicle", 20.5))))
                .isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void anAbsoluteTargetLooksAtKubicleAlone() {
        Target target = Target.kubicleAtMost(0.4);

        assertThat(judge(target, Metric.VERSION, run(Map.of("VERSION/kubicle", 0.35)))).isEqualTo(Verdict.MET);
        assertThat(judge(target, Metric.VERSION, run(Map.of("VERSION/kind", 0.01, "VERSION/kubicle", 0.45))))
                .isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aShareTargetHoldsKubicleToItsOwnReferenceAndIgnoresKind() {
        Target target = Target.shareAtMost(0.4, Metric.CREATE_THREE);
        Target.Medians medians = run(Map.of("START_THREE/kubicle", 10.0, "CREATE_THREE/kubicle", 30.0,
                "CREATE_THREE/kind", 10.0));

        assertThat(target.value(Metric.START_THREE, medians)).hasValueSatisfying(
                share -> assertThat(share).isCloseTo(1.0 / 3, within(1e-9)));
        assertThat(judge(target, Metric.START_THREE, medians)).isEqualTo(Verdict.MET);
        assertThat(judge(target, Metric.START_THREE, run(Map.of("START_THREE/kubicle", 13.0,
                "CREATE_THREE/kubicle", 30.0)))).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aMissingMedianLeavesTheTargetUnmeasured() {
        assertThat(judge(Target.ratioAtMost(0.6), Metric.CREATE_ONE, run(Map.of("CREATE_ONE/kubicle", 20.0))))
                .isEqualTo(Verdict.NOT_MEASURED);
        assertThat(judge(Target.ratioAtMost(0.6), Metric.CREATE_ONE, run(Map.of("CREATE_ONE/kind", 20.0))))
                .isEqualTo(Verdict.NOT_MEASURED);
        assertThat(judge(Target.shareAtMost(0.5, Metric.CREATE_THREE), Metric.CREATE_NODE,
                run(Map.of("CREATE_NODE/kubicle", 10.0)))).isEqualTo(Verdict.NOT_MEASURED);
    }

    @Test
    void targetsReadAsInTheIssues() {
        assertThat(Target.ratioAtMost(1.0).describe("MiB")).isEqualTo("ratio ≤ 1");
        assertThat(Target.ratioAtMost(0.6).describe("s")).isEqualTo("ratio ≤ 0.6");
        assertThat(Target.kubicleAtMost(0.4).describe("s")).isEqualTo("kubicle ≤ 0.4 s");
        assertThat(Target.shareAtMost(0.4, Metric.CREATE_THREE).describe("s"))
                .isEqualTo("kubicle ≤ 0.4 × its create-3");
    }
}
