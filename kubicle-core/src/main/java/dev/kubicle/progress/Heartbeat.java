package dev.kubicle.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides, for one running step whose output goes to a log rather than a terminal, which lines show that the step
 * is moving: what it is doing now (its activity), printed when it changes but at most once every {@link #MIN_GAP},
 * so a burst of quick activities prints the first and then the latest; and when nothing at all was printed for
 * {@link #QUIET}, a line saying what it is still doing and for how long. Times are the caller's
 * {@link System#nanoTime()}-style readings, so that tests can drive the clock. Not thread-safe: the caller locks.
 */
final class Heartbeat {
    static final Duration QUIET = Duration.ofSeconds(30);
    static final Duration MIN_GAP = Duration.ofSeconds(5);

    private final String title;
    private final long stepStart;
    private long lastPrinted;
    private long lastActivityPrinted;
    private String activity;
    private long activityStart;
    private boolean activityPrinted = true;

    /** @param title the step's, for a step that never names an activity */
    Heartbeat(String title, long stepStart) {
        this.title = title;
        this.stepStart = stepStart;
        this.lastPrinted = stepStart;
        this.lastActivityPrinted = stepStart - MIN_GAP.toNanos();
    }

    /** Something else was printed (a detail, a warning): the step is not silent. */
    void printed(long now) {
        lastPrinted = now;
    }

    /** @return the line to print at once for the step's new activity, unless the last one went out just now */
    Optional<String> activity(String text, long now) {
        activity = text;
        activityStart = now;
        activityPrinted = false;
        return tick(now);
    }

    /** @return the line that is due now, if any; to be asked every second or so */
    Optional<String> tick(long now) {
        if (!activityPrinted && now - lastActivityPrinted >= MIN_GAP.toNanos()) {
            activityPrinted = true;
            lastActivityPrinted = now;
            return print(activity, now);
        }
        if (now - lastPrinted >= QUIET.toNanos()) {
            return print(activity == null
                    ? title + ": still running, " + elapsedSince(stepStart, now) + " so far"
                    : "still " + activity + ", " + elapsedSince(activityStart, now) + " so far", now);
        }
        return Optional.empty();
    }

    private Optional<String> print(String line, long now) {
        lastPrinted = now;
        return Optional.of(line);
    }

    private static String elapsedSince(long start, long now) {
        return ConsoleProgress.formatElapsed(Duration.ofNanos(now - start));
    }
}
