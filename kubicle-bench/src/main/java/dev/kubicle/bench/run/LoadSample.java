package dev.kubicle.bench.run;

import dev.kubicle.bench.results.StepTime;

import java.util.List;

/**
 * One timed load.
 *
 * @param tool     "kind" or "kubicle"
 * @param size     the image size's label
 * @param scenario what was loaded, one of {@link LoadBenchmark#SCENARIOS}
 * @param seconds  the command's wall time
 * @param steps    kubicle's own steps (kind prints none with times)
 * @param failure  why it failed, or null
 */
public record LoadSample(String tool, String size, String scenario, double seconds, List<StepTime> steps,
                         String failure) {
    public boolean ok() {
        return failure == null;
    }
}
