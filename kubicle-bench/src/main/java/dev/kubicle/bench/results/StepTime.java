package dev.kubicle.bench.results;

/**
 * One progress step of a create, in seconds from the start of the create command.
 *
 * @param name  the step's title without its emoji, e.g. {@code Preparing nodes}
 * @param start when the step began
 * @param end   when the step ended
 */
public record StepTime(String name, double start, double end) {

    public double seconds() {
        return end - start;
    }
}
