package dev.kubicle.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Steps printed like kind's: a spinner while a step runs (on a terminal only), then a tick or a cross with the
 * step's elapsed time. Without a terminal each step prints one line when it ends, so logs and CI output stay clean.
 */
public final class ConsoleProgress implements Progress {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String TICK = "✓";
    private static final String CROSS = "✗";

    private final PrintStream out;
    private final Verbosity verbosity;
    private final boolean terminal;
    private final LongSupplier clock;
    private final Object lock = new Object();
    private ScheduledExecutorService spinnerThread;

    public ConsoleProgress(PrintStream out, Verbosity verbosity, boolean terminal) {
        this(out, verbosity, terminal, System::nanoTime);
    }

    ConsoleProgress(PrintStream out, Verbosity verbosity, boolean terminal, LongSupplier clock) {
        this.out = out;
        this.verbosity = verbosity;
        this.terminal = terminal && verbosity == Verbosity.NORMAL;
        this.clock = clock;
    }

    @Override
    public void headline(String text) {
        print(text);
    }

    @Override
    public void note(String text) {
        print(text);
    }

    @Override
    public void warning(String text) {
        print("WARNING: " + text);
    }

    @Override
    public void detail(String text) {
        if (verbosity == Verbosity.VERBOSE) {
            print("   " + text);
        }
    }

    @Override
    public Step startStep(String title) {
        if (verbosity == Verbosity.QUIET) {
            return SilentProgress.INSTANCE;
        }
        ConsoleStep step = new ConsoleStep(title, clock.getAsLong());
        if (terminal) {
            step.spin();
        } else if (verbosity == Verbosity.VERBOSE) {
            print(" • " + title + " ...");
        }
        return step;
    }

    private void print(String line) {
        if (verbosity == Verbosity.QUIET) {
            return;
        }
        synchronized (lock) {
            out.println(line);
            out.flush();
        }
    }

    private ScheduledExecutorService spinnerThread() {
        synchronized (lock) {
            if (spinnerThread == null) {
                spinnerThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "kubicle-spinner");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return spinnerThread;
        }
    }

    /** A duration as the steps show theirs: "4.2s", "3m07s". */
    public static String formatElapsed(Duration elapsed) {
        long millis = elapsed.toMillis();
        if (millis < 60_000) {
            return String.format("%.1fs", millis / 1000.0);
        }
        return String.format("%dm%02ds", millis / 60_000, (millis / 1000) % 60);
    }

    private final class ConsoleStep implements Step {
        private final String title;
        private final long startNanos;
        private ScheduledFuture<?> spinning;
        private int frame;

        ConsoleStep(String title, long startNanos) {
            this.title = title;
            this.startNanos = startNanos;
        }

        void spin() {
            spinning = spinnerThread().scheduleAtFixedRate(() -> {
                synchronized (lock) {
                    out.print("\r " + SPINNER[frame++ % SPINNER.length] + " " + title + " ");
                    out.flush();
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        @Override
        public void succeed() {
            end(TICK);
        }

        @Override
        public void fail() {
            end(CROSS);
        }

        private void end(String mark) {
            if (spinning != null) {
                spinning.cancel(false);
            }
            String elapsed = formatElapsed(Duration.ofNanos(clock.getAsLong() - startNanos));
            synchronized (lock) {
                if (terminal) {
                    out.print("\r\033[K");
                }
                out.println(" " + mark + " " + title + " (" + elapsed + ")");
                out.flush();
            }
        }
    }
}
