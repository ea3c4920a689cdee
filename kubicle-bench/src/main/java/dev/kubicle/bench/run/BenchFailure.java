package dev.kubicle.bench.run;

/** A measurement that could not be taken; its message goes into the failed sample. */
public final class BenchFailure extends RuntimeException {
    public BenchFailure(String message) {
        super(message);
    }
}
