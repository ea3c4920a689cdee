package dev.kubicle.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TargetTest {
    private static Optional<Stats> median(double value) {
        return Optional.of(new Stats(3, value, value, value));
    }

    @Test
    void aRatioTargetComparesKubiclesMedianWithKinds() {
        Target target = Target.ratioAtMost(0.5);

        assertThat(target.judge(median(40), median(20))).isEqualTo(Verdict.MET);
        assertThat(target.judge(median(40), median(20.5))).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void anAbsoluteTargetLooksAtKubicleAlone() {
        Target target = Target.kubicleAtMost(0.4);

        assertThat(target.judge(Optional.empty(), median(0.35))).isEqualTo(Verdict.MET);
        assertThat(target.judge(median(0.01), median(0.45))).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aToolWithoutSuccessfulSamplesLeavesTheTargetUnmeasured() {
        assertThat(Target.ratioAtMost(0.6).judge(Optional.empty(), median(20))).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(Target.ratioAtMost(0.6).judge(median(20), Optional.empty())).isEqualTo(Verdict.NOT_MEASURED);
    }

    @Test
    void targetsReadAsInTheIssue() {
        assertThat(Target.ratioAtMost(1.0).describe("MiB")).isEqualTo("ratio ≤ 1");
        assertThat(Target.ratioAtMost(0.6).describe("s")).isEqualTo("ratio ≤ 0.6");
        assertThat(Target.kubicleAtMost(0.4).describe("s")).isEqualTo("kubicle ≤ 0.4 s");
    }
}
