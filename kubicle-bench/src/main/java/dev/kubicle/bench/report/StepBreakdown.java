package dev.kubicle.bench.report;

import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.Tool;

import java.util.List;

/**
 * Where one tool's create time goes in one scenario.
 *
 * @param total median time until all nodes were Ready
 */
public record StepBreakdown(Tool tool, Scenario scenario, int rounds, double total, List<StepStats> steps) {

    public StepBreakdown {
        steps = List.copyOf(steps);
    }
}
