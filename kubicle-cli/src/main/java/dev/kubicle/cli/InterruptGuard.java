package dev.kubicle.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Lets a Ctrl-C interrupt long work instead of killing the JVM mid-way: the shutdown hook interrupts the working
 * thread and waits for it to clean up (a failed create deletes what it made) and report before the JVM exits.
 */
final class InterruptGuard {
    private static final long CLEANUP_SECONDS = 60;

    private InterruptGuard() {
    }

    static int run(IntSupplier work) {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kubicle-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.getAsInt();
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting because of the interrupt; the hook is running and will see the latch.
        }
    }
}
