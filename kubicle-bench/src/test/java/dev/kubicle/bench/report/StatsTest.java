package dev.kubicle.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatsTest {

    @Test
    void anOddNumberOfValuesHasTheMiddleOneAsMedian() {
        assertThat(Stats.of(List.of(3.0, 1.0, 2.0))).contains(new Stats(3, 1.0, 2.0, 3.0));
    }

    @Test
    void anEvenNumberOfValuesHasTheMeanOfTheTwoMiddleOnesAsMedian() {
        assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 10.0))).contains(new Stats(4, 1.0, 3.0, 10.0));
    }

    @Test
    void noValuesHaveNoStatistics() {
        assertThat(Stats.of(List.of())).isEmpty();
    }
}
