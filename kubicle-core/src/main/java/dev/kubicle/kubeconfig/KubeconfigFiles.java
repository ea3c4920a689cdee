package dev.kubicle.kubeconfig;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.internal.FileErrors;

import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kubeconfig files kubectl uses, found by kubectl's rules, and the changes kubicle makes to them: each change
 * reads, merges and writes under client-go's lock, so concurrent kubicle and kubectl runs keep each other's entries.
 */
public final class KubeconfigFiles {
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final List<Path> precedence;
    private final Duration lockTimeout;

    /**
     * @param kubeconfigVariable the value of {@code $KUBECONFIG}, or null when unset
     * @param homeDirectory      the user's home, for {@code ~/.kube/config}
     */
    public KubeconfigFiles(String kubeconfigVariable, Path homeDirectory) {
        this(kubeconfigVariable, homeDirectory, LOCK_TIMEOUT);
    }

    KubeconfigFiles(String kubeconfigVariable, Path homeDirectory, Duration lockTimeout) {
        this.precedence = precedence(kubeconfigVariable, homeDirectory);
        this.lockTimeout = lockTimeout;
    }

    public static KubeconfigFiles fromEnvironment() {
        // kubectl takes the home from $HOME; Java's user.home ignores it and reads the password database instead.
        String home = System.getenv("HOME");
        Path homeDirectory = Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home);
        return new KubeconfigFiles(System.getenv("KUBECONFIG"), homeDirectory);
    }

    /** The files kubectl reads, in order: $KUBECONFIG's list without empty and repeated entries, or ~/.kube/config. */
    public List<Path> precedence() {
        return precedence;
    }

    /**
     * The file a new entry goes to, as kubectl decides: the first listed file that exists, else the first listed.
     * (kind creates the last one instead, following kubectl's documentation rather than client-go's code.)
     */
    public Path fileToWrite() {
        return precedence.stream().filter(Files::isRegularFile).findFirst().orElse(precedence.get(0));
    }

    /**
     * @return the file's kubeconfig, empty when the file does not exist
     * @throws KubicleException with {@link ExitCode#INVALID_INPUT} when the file is not a kubeconfig
     */
    public Kubeconfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Kubeconfig.empty();
        } catch (CharacterCodingException e) {
            throw invalid(file, new InvalidKubeconfigException("it is not UTF-8 text", e));
        } catch (IOException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot read " + file + ": " + FileErrors.describe(e), e);
        }
        try {
            return Kubeconfig.read(text);
        } catch (InvalidKubeconfigException e) {
            throw invalid(file, e);
        }
    }

    /**
     * Adds {@code entries} (a cluster's kubeconfig from {@link KubeconfigRewriter}) to {@code file}, replacing
     * entries of the same names, and makes its current context the file's. Creates the file and its directories
     * if needed.
     */
    public void merge(Path file, Kubeconfig entries) {
        try (KubeconfigLock lock = KubeconfigLock.acquire(file, lockTimeout)) {
            Kubeconfig existing = read(file);
            Kubeconfig merged = existing.withEntriesFrom(entries);
            if (!merged.equals(existing)) {
                write(file, merged);
            }
        }
    }

    /**
     * Removes cluster {@code clusterName}'s entries from {@code file}, and the current context if it was the
     * cluster's; leaves the file untouched when it has none of them.
     *
     * @return whether the file changed
     */
    public boolean remove(Path file, String clusterName) {
        if (!Files.exists(file)) {
            return false;
        }
        try (KubeconfigLock lock = KubeconfigLock.acquire(file, lockTimeout)) {
            Kubeconfig existing = read(file);
            Kubeconfig trimmed = existing.withoutEntriesNamed(Kubeconfig.contextNameFor(clusterName));
            if (trimmed.equals(existing)) {
                return false;
            }
            write(file, trimmed);
            return true;
        }
    }

    /** Removes the cluster's entries from every file kubectl reads, as kind does when deleting a cluster. */
    public void removeFromAll(String clusterName) {
        for (Path file : precedence) {
            remove(file, clusterName);
        }
    }

    private static void write(Path file, Kubeconfig kubeconfig) {
        try {
            PrivateFileWriter.replace(file, kubeconfig.toYaml());
        } catch (IOException e) {
            throw new KubicleException(ExitCode.UNEXPECTED_STATE,
                    "cannot write " + file + ": " + FileErrors.describe(e), e);
        }
    }

    private static List<Path> precedence(String kubeconfigVariable, Path homeDirectory) {
        Set<String> listed = new LinkedHashSet<>();
        if (kubeconfigVariable != null) {
            for (String entry : kubeconfigVariable.split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isEmpty()) {
                    listed.add(entry);
                }
            }
        }
        if (listed.isEmpty()) {
            return List.of(homeDirectory.resolve(".kube").resolve("config"));
        }
        return listed.stream().map(Path::of).toList();
    }

    private static KubicleException invalid(Path file, InvalidKubeconfigException e) {
        return new KubicleException(ExitCode.INVALID_INPUT, file + ": not a valid kubeconfig (" + e.getMessage()
                + "); fix or move it, or set KUBECONFIG to another file", e);
    }
}
