package dev.kubicle.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host's load and total CPU time, from /proc. */
final class HostStats {
    /** This host's proc file system; tests hand the methods a directory of their own. */
    static final Path PROC = Path.of("/proc");
    /** The kernel's USER_HZ, the unit of /proc/stat; 100 on every Linux architecture that matters here. */
    private static final double TICKS_PER_SECOND = 100;

    private HostStats() {
    }

    static double loadAverage(Path proc) {
        return Double.parseDouble(read(proc.resolve("loadavg")).split("\\s+")[0]);
    }

    /** CPU time all CPUs spent busy since boot: every field of /proc/stat's "cpu" line except idle and iowait. */
    static double busyCpuSeconds(Path proc) {
        String[] fields = read(proc.resolve("stat")).lines().findFirst().orElseThrow().split("\\s+");
        long busy = 0;
        // user nice system idle iowait irq softirq steal; guest time is already counted in user.
        for (int field = 1; field <= 8 && field < fields.length; field++) {
            if (field != 4 && field != 5) {
                busy += Long.parseLong(fields[field]);
            }
        }
        return busy / TICKS_PER_SECOND;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
