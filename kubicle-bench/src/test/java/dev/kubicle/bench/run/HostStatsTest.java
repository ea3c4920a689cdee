package dev.kubicle.bench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HostStatsTest {

    @Test
    void busyTimeIsEverythingButIdleAndIowait(@TempDir Path proc) throws IOException {
        // user nice system idle iowait irq softirq steal guest guest_nice, in hundredths of a second
        Files.writeString(proc.resolve("stat"),
                "cpu  1000 50 400 90000 300 20 30 0 0 0\ncpu0 500 25 200 45000 150 10 15 0 0 0\n");

        assertThat(HostStats.busyCpuSeconds(proc)).isCloseTo(15.0, within(1e-9));
    }

    @Test
    void theLoadAverageIsTheOneMinuteValue(@TempDir Path proc) throws IOException {
        Files.writeString(proc.resolve("loadavg"), "1.25 0.80 0.40 2/345 6789\n");

        assertThat(HostStats.loadAverage(proc)).isEqualTo(1.25);
    }

    @Test
    void thisHostsProcFilesAreRead() {
        assertThat(HostStats.busyCpuSeconds(Path.of("/proc"))).isPositive();
        assertThat(HostStats.loadAverage(Path.of("/proc"))).isNotNegative();
    }
}
