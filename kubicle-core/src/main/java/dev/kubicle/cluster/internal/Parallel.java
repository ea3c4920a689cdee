package dev.kubicle.cluster.internal;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one task per item at once and waits for all; the first failure cancels the rest and is rethrown as it was.
 * Owned by one operation and closed with it, so no thread outlives the command.
 */
public final class Parallel implements AutoCloseable {
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
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(executor.submit(() -> task.accept(item)));
        }
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
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
}
