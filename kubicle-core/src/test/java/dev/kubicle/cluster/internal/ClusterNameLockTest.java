package dev.kubicle.cluster.internal;

import dev.kubicle.KubicleException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock that makes creates on one host claim a cluster name one at a time, held by real processes. */
class ClusterNameLockTest {
    private static final Duration LONG = Duration.ofSeconds(20);
    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    Path directory;
    private Process holder;

    @AfterEach
    void stopHolder() {
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    @Test
    void aSecondCreateInThisProcessWaitsUntilTheFirstIsDone() throws Exception {
        CompletableFuture<ClusterNameLock> second;
        try (ClusterNameLock first = ClusterNameLock.acquire(directory, "same", LONG)) {
            second = CompletableFuture.supplyAsync(() -> acquireQuietly("same", LONG));
            assertThatThrownBy(() -> second.get(SHORT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
        }
        second.get(LONG.toSeconds(), TimeUnit.SECONDS).close();
    }

    @Test
    void otherNamesDoNotWait() throws Exception {
        try (ClusterNameLock one = ClusterNameLock.acquire(directory, "one", LONG);
                ClusterNameLock other = ClusterNameLock.acquire(directory, "other", SHORT)) {
            assertThat(Files.exists(directory.resolve("other.lock"))).isTrue();
        }
    }

    @Test
    void aCreateInAnotherProcessHoldingTheNameMakesThisOneWaitAndSaySo() throws Exception {
        startHolder("raced");

        assertThatThrownBy(() -> ClusterNameLock.acquire(directory, "raced", SHORT))
                .isInstanceOf(KubicleException.class)
                .hasMessage("another create of cluster \"raced\" is still claiming its name (the process holding "
                        + directory.resolve("raced.lock") + "); wait for it to finish, or stop it, and retry");

        holder.getOutputStream().close();
        assertThat(holder.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(holder.exitValue()).isZero();
        ClusterNameLock.acquire(directory, "raced", SHORT).close();
    }

    @Test
    void aKilledCreateLeavesTheNameFree() throws Exception {
        startHolder("killed");

        holder.destroyForcibly();
        assertThat(holder.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)).isTrue();

        ClusterNameLock.acquire(directory, "killed", SHORT).close();
    }

    @Test
    void aDirectoryThatCannotHoldTheLockFailsTheCreateAndSaysWhatToDo() throws Exception {
        Path aFile = Files.writeString(directory.resolve("a-file"), "");

        assertThatThrownBy(() -> ClusterNameLock.acquire(aFile.resolve("claims"), "unlockable", SHORT))
                .isInstanceOf(KubicleException.class)
                .hasMessage("cannot lock " + aFile.resolve("claims").resolve("unlockable.lock") + ": Not a directory"
                        + "; set XDG_CACHE_HOME to a writable directory on a local disk and retry");
        ClusterNameLock.acquire(directory, "unlockable", SHORT).close();
    }

    private void startHolder(String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ClusterNameLockHolder.class.getName(), directory.toString(), name)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).as("what the holding process said").isEqualTo("held");
    }

    private ClusterNameLock acquireQuietly(String name, Duration timeout) {
        try {
            return ClusterNameLock.acquire(directory, name, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
