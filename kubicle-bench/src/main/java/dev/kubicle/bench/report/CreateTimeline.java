package dev.kubicle.bench.report;

import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.StepTime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A create from its start to all nodes Ready, as a gap-free sequence: the tool's own steps plus the stretches around
 * them that the harness sees and the tool does not report (its start-up, its work after the last step, and the wait
 * for readiness after it returned). Without those, a tool that returns early would look faster than it is.
 */
final class CreateTimeline {
    static final String START_UP = "start-up, before the first step";
    static final String AFTER_LAST_STEP = "after the last step, until create returned";
    static final String UNTIL_READY = "after create returned, until all nodes Ready";

    record Entry(String name, boolean fromTool, double start, double end) {
        double seconds() {
            return end - start;
        }
    }

    private CreateTimeline() {
    }

    static List<Entry> of(Sample create) {
        double returned = create.returned() == null ? create.seconds() : create.returned();
        List<StepTime> steps = create.steps().stream().sorted(Comparator.comparingDouble(StepTime::start)).toList();
        List<Entry> entries = new ArrayList<>();
        double firstStart = steps.isEmpty() ? returned : Math.max(0, steps.get(0).start());
        entries.add(new Entry(START_UP, false, 0, firstStart));
        double lastEnd = firstStart;
        for (StepTime step : steps) {
            entries.add(new Entry(step.name(), true, step.start(), step.end()));
            lastEnd = Math.max(lastEnd, step.end());
        }
        entries.add(new Entry(AFTER_LAST_STEP, false, lastEnd, Math.max(lastEnd, returned)));
        entries.add(new Entry(UNTIL_READY, false, Math.max(lastEnd, returned), create.seconds()));
        return entries;
    }
}
