package dev.kubicle.bench.report;

/**
 * One step of a create, as medians over the rounds that had it.
 *
 * @param name     the step's title, or the name of a stretch the harness measured around the tool's own steps
 * @param fromTool whether the tool printed the step itself
 * @param start    median start, in seconds from the start of the create command
 * @param seconds  median duration
 * @param rounds   how many rounds had the step
 */
public record StepStats(String name, boolean fromTool, double start, double seconds, int rounds) {
}
