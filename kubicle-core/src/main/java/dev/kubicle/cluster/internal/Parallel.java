package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one task per item at once and waits for all; the first failure cancels the rest and is rethrown as it was.
 * Owned by one operation and closed with it, so no thread outlives the command.
 */
public final class Parallel implements AutoCloseable {
    /** How long a cancelled batch may take to settle: an engine call in flight cannot be cut short. */
    private static final long SETTLE_SECONDS = 60;

    private final ExecutorService executor;

    public Parallel() {
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "kubicle-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> void forEach(List<T> items, Consumer<T> task) throws InterruptedException {
        Batch batch = new Batch();
        // Tasks are collected as they end, not in order: a failure ends the batch while earlier tasks still run.
        CompletionService<Object> done = new ExecutorCompletionService<>(executor);
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(done.submit(() -> batch.run(() -> task.accept(item)), null));
        }
        try {
            for (int i = 0; i < futures.size(); i++) {
                done.take().get();
            }
        } catch (ExecutionException e) {
            batch.cancel(futures);
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            batch.cancel(futures);
            throw e;
        }
    }

    /** Starts one task beside the caller's own work; {@link #await} joins it. */
    public Future<?> start(Runnable task) {
        return executor.submit(task);
    }

    /** Starts one task beside the caller's own work; {@link #await} gives its result. */
    public <T> Future<T> start(Callable<T> task) {
        return executor.submit(task);
    }

    /** Waits for a task from {@link #start} and gives its result, or rethrows its failure as it was. */
    public <T> T await(Future<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** Waits for a task from {@link #start} while a failure of the caller's own is on its way out. */
    public void awaitQuietly(Future<?> task) {
        try {
            task.get();
        } catch (ExecutionException hidden) {
            // The caller's failure is the one to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new KubicleException(ExitCode.GENERIC, String.valueOf(cause.getMessage()), cause);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * Keeps a cancelled batch from leaving work behind: tasks not yet started never start, and the caller waits for
     * the started ones to end, so that a clean-up after the failure sees every container they made.
     */
    private static final class Batch {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicInteger running = new AtomicInteger();

        void run(Runnable work) {
            running.incrementAndGet();
            try {
                if (!cancelled.get()) {
                    work.run();
                }
            } finally {
                synchronized (this) {
                    running.decrementAndGet();
                    notifyAll();
                }
            }
        }

        void cancel(List<Future<?>> futures) {
            cancelled.set(true);
            futures.forEach(future -> future.cancel(true));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
            boolean interrupted = Thread.interrupted();
            synchronized (this) {
                while (running.get() > 0 && System.nanoTime() < deadline) {
                    try {
                        wait(100);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
