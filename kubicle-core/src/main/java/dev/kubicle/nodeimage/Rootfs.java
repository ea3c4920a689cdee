package dev.kubicle.nodeimage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** A root file system built by {@link RootfsBuilder}, on this machine's disk until closed. */
public final class Rootfs implements AutoCloseable {
    private final Path directory;
    private final Path log;

    Rootfs(Path directory, Path log) {
        this.directory = directory;
        this.log = log;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The tree as a tar stream, as an engine's image import takes it: owners as numbers (the tree's names are not
     * this machine's), and /dev, /proc and /sys empty, since the engine mounts its own there. Closing the stream
     * waits for tar and throws if tar failed, so a caller learns when what it read was cut short.
     */
    public InputStream openTar() {
        HostCommand tar = new HostCommand(List.of("tar", "-C", directory.toString(), "-c", "--numeric-owner",
                "--exclude=./dev/*", "--exclude=./proc/*", "--exclude=./sys/*", "."), log);
        Process process = tar.startReadingOutput();
        return new FilterInputStream(process.getInputStream()) {
            @Override
            public void close() throws IOException {
                super.close();
                tar.checkExit(process);
            }
        };
    }

    /** Deletes the tree. */
    @Override
    public void close() {
        RootfsBuilder.removeTree(directory, log);
    }
}
