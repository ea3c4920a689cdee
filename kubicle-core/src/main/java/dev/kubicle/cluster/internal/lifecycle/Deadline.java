package dev.kubicle.cluster.internal.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * One time limit for several steps in a row (a {@code --wait} that covers them all), counted from the first step
 * that asks what is left of it.
 */
final class Deadline {
    private final Duration limit;
    private Instant end;

    Deadline(Duration limit) {
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    /** What is left, never less than a second: a step that starts late still gets to look once. */
    synchronized Duration left() {
        Instant now = Instant.now();
        if (end == null) {
            end = now.plus(limit);
        }
        Duration left = Duration.between(now, end);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }
}
