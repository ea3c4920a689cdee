package dev.kubicle.bench.results;

import com.fasterxml.jackson.annotation.JsonAlias;

import java.util.List;

/**
 * One measurement as taken, before any statistics.
 *
 * @param tool            which tool ran
 * @param scenario        what was measured
 * @param round           the round, counting warm-up rounds from 0
 * @param warmup          a warm-up sample, kept in the file but left out of the statistics
 * @param ok              whether the measurement succeeded; a failed one carries {@code error}
 * @param seconds         the measured wall time: a create or start until Ready, a delete or stop, version, or the
 *                        idle window's length
 * @param error           why the sample failed, with the tail of the command's output; null when ok
 * @param returned        for the scenarios timed until Ready (creates, starts): when the command exited, in seconds
 *                        from its start
 * @param steps           for the scenarios timed until Ready: the tool's progress steps as they were printed
 * @param nodes           for idle samples: each node container's usage
 * @param hostCpuSeconds  for idle samples: CPU time the whole host used in the window, a cross-check that the nodes'
 *                        cgroups hold all of their work
 * @param loadAverage     the host's 1-minute load average when the sample started, to make noise from other work
 *                        visible
 */
public record Sample(Tool tool, Scenario scenario, int round, boolean warmup, boolean ok, double seconds, String error,
                     // Files written before starts were measured name it after the only command it was kept for.
                     @JsonAlias("createReturned") Double returned, List<StepTime> steps, List<NodeUsage> nodes,
                     Double hostCpuSeconds, double loadAverage) {

    public Sample {
        steps = steps == null ? List.of() : List.copyOf(steps);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** Whether the sample counts in the statistics. */
    public boolean counts() {
        return ok && !warmup;
    }
}
