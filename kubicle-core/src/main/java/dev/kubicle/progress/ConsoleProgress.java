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
 * A long step shows that it moves: on a terminal its activity and how long it has taken stand beside the spinner;
 * in a log its activities are printed as they change, and a line every {@link Heartbeat#QUIET} of silence says
 * what it is still doing ({@link Heartbeat}). Steps run one at a time; activities belong to the one running.
 */
public final class ConsoleProgress implements Progress {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String TICK = "✓";
    private static final String CROSS = "✗";
    /** Keeps the spinner's line on one terminal row, where \r can redraw it. */
    private static final int MAX_ACTIVITY = 60;

    private final PrintStream out;
    private final Verbosity verbosity;
    private final boolean terminal;
    private final LongSupplier clock;
    private final Object lock = new Object();
    private ScheduledExecutorService spinnerThread;
    private ConsoleStep running;

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
    public void activity(String text) {
        synchronized (lock) {
            if (running != null) {
                running.activity(text);
                return;
            }
        }
        detail(text);
    }

    @Override
    public Step startStep(String title) {
        if (verbosity == Verbosity.QUIET) {
            return SilentProgress.INSTANCE;
        }
        if (!terminal && verbosity == Verbosity.VERBOSE) {
            print(" • " + title + " ...");
        }
        ConsoleStep step = new ConsoleStep(title, clock.getAsLong());
        synchronized (lock) {
            running = step;
        }
        step.ticking = ticker().scheduleAtFixedRate(this::tick, 0, terminal ? 100 : 1000, TimeUnit.MILLISECONDS);
        return step;
    }

    /** Redraws the spinner, or prints a log's activity or heartbeat line when one is due. */
    void tick() {
        synchronized (lock) {
            if (running == null) {
                return;
            }
            if (terminal) {
                out.print("\r\033[K " + running.spinnerLine());
                out.flush();
            } else {
                running.heartbeat.tick(clock.getAsLong()).ifPresent(this::printActivity);
            }
        }
    }

    private void printActivity(String line) {
        out.println("   " + line);
        out.flush();
    }

    private void print(String line) {
        if (verbosity == Verbosity.QUIET) {
            return;
        }
        synchronized (lock) {
            out.println(line);
            out.flush();
            if (running != null) {
                running.heartbeat.printed(clock.getAsLong());
            }
        }
    }

    private ScheduledExecutorService ticker() {
        synchronized (lock) {
            if (spinnerThread == null) {
                spinnerThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "kubicle-progress");
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

    /** One running step; its fields are guarded by the progress's lock. */
    private final class ConsoleStep implements Step {
        private final String title;
        private final long startNanos;
        private final Heartbeat heartbeat;
        private ScheduledFuture<?> ticking;
        private String activity;
        private long activityStart;
        private int frame;

        ConsoleStep(String title, long startNanos) {
            this.title = title;
            this.startNanos = startNanos;
            this.heartbeat = new Heartbeat(title, startNanos);
        }

        void activity(String text) {
            activity = text;
            activityStart = clock.getAsLong();
            if (!terminal) {
                heartbeat.activity(text, activityStart).ifPresent(ConsoleProgress.this::printActivity);
            }
        }

        String spinnerLine() {
            String line = SPINNER[frame++ % SPINNER.length] + " " + title;
            if (activity == null) {
                return line + " ";
            }
            String shown = activity.length() > MAX_ACTIVITY ? activity.substring(0, MAX_ACTIVITY - 1) + "…"
                    : activity;
            return line + "  " + shown + " (" + formatElapsed(Duration.ofNanos(clock.getAsLong() - activityStart))
                    + ")";
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
            ticking.cancel(false);
            String elapsed = formatElapsed(Duration.ofNanos(clock.getAsLong() - startNanos));
            synchronized (lock) {
                if (running == this) {
                    running = null;
                }
                if (terminal) {
                    out.print("\r\033[K");
                }
                out.println(" " + mark + " " + title + " (" + elapsed + ")");
                out.flush();
            }
        }
    }
}
