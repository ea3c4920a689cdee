package dev.kubicle.cluster.internal.ops;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.progress.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs one piece of an operation as a progress step that ticks or fails, turning its errors into kubicle's. */
public final class Steps {

    private Steps() {
    }

    /** A step's work, which may wait (parallel nodes) and read or write files. */
    public interface Work<T> {
        T run() throws IOException, InterruptedException;
    }

    public static <T> T run(Progress progress, String title, Work<T> work) {
        Progress.Step step = progress.startStep(title);
        try {
            T result = work.run();
            step.succeed();
            return result;
        } catch (InterruptedException e) {
            step.fail();
            Thread.currentThread().interrupt();
            throw new KubicleException(ExitCode.INTERRUPTED, "interrupted during \"" + title + "\"", e);
        } catch (IOException | UncheckedIOException e) {
            step.fail();
            throw new KubicleException(ExitCode.GENERIC, "\"" + title + "\" failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            step.fail();
            throw e;
        }
    }
}
