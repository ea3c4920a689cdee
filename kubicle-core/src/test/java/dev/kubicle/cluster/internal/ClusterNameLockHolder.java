package dev.kubicle.cluster.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Another process for {@link ClusterNameLockTest}: takes the lock of a name, says "held", and keeps it until its
 * standard input ends (or it is killed).
 */
public final class ClusterNameLockHolder {
    private ClusterNameLockHolder() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try (ClusterNameLock lock = ClusterNameLock.acquire(Path.of(args[0]), args[1], Duration.ofSeconds(10))) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() != -1) {
                // Holds the lock until the test closes this process's input.
            }
        }
    }
}
