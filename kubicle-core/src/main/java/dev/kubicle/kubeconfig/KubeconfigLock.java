package dev.kubicle.kubeconfig;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.internal.FileErrors;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * client-go's lock on a kubeconfig file: {@code <file>.lock}, created exclusively and deleted when done. kubectl
 * takes the same lock, so kubicle and kubectl do not overwrite each other's changes either. client-go gives up at
 * once when the lock is taken; kubicle waits a little, since creating several clusters in parallel is common.
 */
final class KubeconfigLock implements AutoCloseable {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

    private final Path lockFile;

    private KubeconfigLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    static KubeconfigLock acquire(Path file, Duration timeout) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            while (true) {
                try {
                    Files.createFile(lockFile);
                    return new KubeconfigLock(lockFile);
                } catch (FileAlreadyExistsException taken) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot change " + file + ": "
                                + lockFile + " exists, so another kubicle or kubectl is changing it or stopped while"
                                + " doing so; if none is running, delete " + lockFile + " and try again");
                    }
                    Thread.sleep(pause.toMillis());
                    pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                }
            }
        } catch (IOException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot create " + lockFile + " to lock " + file + ": " + FileErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted while waiting for " + lockFile, e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot delete " + lockFile + ": "
                    + FileErrors.describe(e) + "; delete it by hand, or kubectl and kubicle will wait for it", e);
        }
    }
}
