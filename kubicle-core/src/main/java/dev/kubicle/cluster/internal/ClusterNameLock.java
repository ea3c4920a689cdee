package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.internal.FileErrors;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets one create at a time on this host claim a given cluster name, so that the second of two creates racing here
 * always finds the first one's network. The engine cannot promise that: Docker 20.10 checks whether a network name is
 * taken and then makes the network as two steps, and two {@code docker network create} of one name started together
 * make two networks every time. The lock is the operating system's lock on {@code <directory>/<name>.lock}, which
 * it releases when the holder exits however it exits, so a killed create never blocks the next one. The operating
 * system grants it per process, so creates in one JVM (library users, test suites) also take a permit per name here,
 * which any thread may give back.
 */
final class ClusterNameLock implements AutoCloseable {
    private static final ConcurrentMap<String, Semaphore> IN_THIS_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 50;

    private final Semaphore inThisProcess;
    private final FileChannel file;

    private ClusterNameLock(Semaphore inThisProcess, FileChannel file) {
        this.inThisProcess = inThisProcess;
        this.file = file;
    }

    /**
     * Waits up to the timeout for the lock of the name. A lock that cannot be taken at all (a read-only home, a file
     * system without locks) fails the create: without it, the engine's check alone would let two creates of one name
     * race, and the fix, a cache directory on a local disk, is the user's one line away.
     */
    static ClusterNameLock acquire(Path directory, String name, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Semaphore inThisProcess = IN_THIS_PROCESS.computeIfAbsent(name, any -> new Semaphore(1));
        if (!inThisProcess.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw stillHeld(name, "another create in this process");
        }
        try {
            Path lockFile = directory.resolve(name + ".lock");
            FileChannel file = open(lockFile);
            waitForLock(file, lockFile, name, deadline);
            return new ClusterNameLock(inThisProcess, file);
        } catch (RuntimeException | InterruptedException e) {
            inThisProcess.release();
            throw e;
        }
    }

    private static FileChannel open(Path lockFile) {
        try {
            Files.createDirectories(lockFile.getParent());
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw cannotLock(lockFile, e);
        }
    }

    private static void waitForLock(FileChannel file, Path lockFile, String name, Instant deadline)
            throws InterruptedException {
        boolean locked = false;
        try {
            while (file.tryLock() == null) {
                if (Instant.now().isAfter(deadline)) {
                    throw stillHeld(name, "the process holding " + lockFile);
                }
                Thread.sleep(POLL_MILLIS);
            }
            locked = true;
        } catch (IOException e) {
            // An I/O error from the lock itself, not a held lock: a file system without locks (an NFS home
            // without its lock service).
            throw cannotLock(lockFile, e);
        } finally {
            if (!locked) {
                closeQuietly(file);
            }
        }
    }

    private static KubicleException cannotLock(Path lockFile, IOException e) {
        return new KubicleException(ExitCode.UNEXPECTED_STATE, "cannot lock " + lockFile + ": " + FileErrors.describe(e)
                + "; set XDG_CACHE_HOME to a writable directory on a local disk and retry", e);
    }

    private static KubicleException stillHeld(String name, String holder) {
        return new KubicleException(ExitCode.UNEXPECTED_STATE, "another create of cluster \"" + name + "\" is still "
                + "claiming its name (" + holder + "); wait for it to finish, or stop it, and retry");
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // The lock goes with the channel; there is nothing left to release.
        }
    }

    /** Closing the channel releases the file lock; the empty lock file stays for the next create. */
    @Override
    public void close() {
        try {
            closeQuietly(file);
        } finally {
            inThisProcess.release();
        }
    }
}
