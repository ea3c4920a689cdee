package dev.kubicle.bench.report;

import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StepChartTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final Summary summary = Summary.of(SampleResults.load().samples());
    private final StepChart chart = new StepChart(summary, "sample");

    private StepChart.Bar bar(Tool tool, Scenario scenario, String name) {
        return chart.bars().stream()
                .filter(b -> b.tool() == tool && b.scenario() == scenario && b.name().equals(name) && !b.total())
                .findFirst().orElseThrow();
    }

    @Test
    void eachToolHasATotalBarAndOneBarPerStepInEachScenario() {
        List<StepChart.Bar> bars = chart.bars();
        int expected = 0;
        for (StepBreakdown breakdown : summary.createSteps()) {
            expected += 1 + breakdown.steps().size();
        }
        assertThat(bars).hasSize(expected);
        assertThat(bars).filteredOn(StepChart.Bar::total).hasSize(4);
    }

    @Test
    void barsAreAsLongAsTheirStepsOnOneSharedAxis() {
        StepChart.Bar kindControlPlane = bar(Tool.KIND, Scenario.CREATE_ONE, "Starting control-plane");
        StepChart.Bar kubicleInit = bar(Tool.KUBICLE, Scenario.CREATE_THREE, "Initialising the control plane");

        double pixelsPerSecond = (chart.x(10) - chart.x(0)) / 10.0;
        assertThat(kindControlPlane.bounds().width).isCloseTo((int) Math.round(22.0 * pixelsPerSecond), within(2));
        assertThat(kindControlPlane.bounds().x).isCloseTo(chart.x(3.5), within(1));
        assertThat(kubicleInit.bounds().width).isCloseTo((int) Math.round(16.5 * pixelsPerSecond), within(2));
    }

    @Test
    void theLongestCreateFitsTheAxis() {
        StepChart.Bar longest = chart.bars().stream()
                .filter(b -> b.total() && b.tool() == Tool.KIND && b.scenario() == Scenario.CREATE_THREE)
                .findFirst().orElseThrow();

        assertThat(longest.bounds().x + longest.bounds().width).isLessThanOrEqualTo(StepChart.WIDTH - 80);
    }

    @Test
    void theImageShowsEachToolsStepsInItsColourAndHarnessStretchesInGrey(@TempDir Path directory) throws IOException {
        Path png = directory.resolve("chart.png");
        chart.writePng(png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(StepChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(chart.height());
        assertThat(colourInside(image, bar(Tool.KIND, Scenario.CREATE_ONE, "Preparing nodes").bounds()))
                .isEqualTo(StepChart.KIND);
        assertThat(colourInside(image, bar(Tool.KUBICLE, Scenario.CREATE_ONE, "Preparing nodes").bounds()))
                .isEqualTo(StepChart.KUBICLE);
        assertThat(colourInside(image, bar(Tool.KUBICLE, Scenario.CREATE_ONE, CreateTimeline.UNTIL_READY).bounds()))
                .isEqualTo(StepChart.HARNESS);
    }

    @Test
    void aScenarioWithoutSuccessfulRoundsStillRenders(@TempDir Path directory) throws IOException {
        StepChart empty = new StepChart(Summary.of(List.of()), "nothing measured");
        Path png = directory.resolve("empty.png");

        empty.writePng(png);

        assertThat(empty.bars()).isEmpty();
        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(empty.height());
    }

    private static Color colourInside(BufferedImage image, Rectangle bounds) {
        return new Color(image.getRGB((int) bounds.getCenterX(), (int) bounds.getCenterY()));
    }
}
