package dev.kubicle.cli;

import dev.kubicle.provider.docker.TarWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** A one-binary image's root file system from Debian's static busybox (installed by scripts/test.sh). */
final class BusyboxImage {

    private BusyboxImage() {
    }

    /** The tar to import, with {@code ENTRYPOINT ["/bin/sh"]}, as an image. */
    static byte[] rootfs() throws IOException {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(archive)) {
            tar.directory("bin", 0755).file("bin/busybox", Path.of("/bin/busybox"), 0755).symlink("bin/sh", "busybox");
        }
        return archive.toByteArray();
    }
}
