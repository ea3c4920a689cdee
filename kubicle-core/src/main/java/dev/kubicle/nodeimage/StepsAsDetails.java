package dev.kubicle.nodeimage;

import dev.kubicle.progress.ConsoleProgress;
import dev.kubicle.progress.Progress;

import java.time.Duration;

/**
 * A build's progress shown inside a step of its own (the "Ensuring node image" step of a create): its steps become
 * detail lines, which do not disturb the step that is running, and its headline and notes too. What the build is
 * doing, its steps included, becomes that step's activity, so that a build of many minutes shows it moves.
 */
final class StepsAsDetails implements Progress {
    private final Progress outer;

    StepsAsDetails(Progress outer) {
        this.outer = outer;
    }

    @Override
    public void headline(String text) {
        outer.detail(text);
    }

    @Override
    public Step startStep(String title) {
        long start = System.nanoTime();
        outer.detail(title + " ...");
        // "Building Kubernetes ..." reads as "building Kubernetes ..." beside the outer step's title.
        outer.activity(Character.toLowerCase(title.charAt(0)) + title.substring(1));
        return new Step() {
            @Override
            public void succeed() {
                outer.detail(title + " done (" + elapsed() + ")");
            }

            @Override
            public void fail() {
                outer.detail(title + " failed (" + elapsed() + ")");
            }

            private String elapsed() {
                return ConsoleProgress.formatElapsed(Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }

    @Override
    public void detail(String text) {
        outer.detail(text);
    }

    @Override
    public void activity(String text) {
        outer.activity(text);
    }

    @Override
    public void note(String text) {
        outer.detail(text);
    }

    @Override
    public void warning(String text) {
        outer.warning(text);
    }
}
