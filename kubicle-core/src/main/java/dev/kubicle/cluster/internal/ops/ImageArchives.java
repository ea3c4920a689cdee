package dev.kubicle.cluster.internal.ops;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Image archive files given by the user: checked before any node is touched. */
public final class ImageArchives {

    private ImageArchives() {
    }

    /** The named images in the archive; fails with a clear message when it is missing or not a tar. */
    public static List<ArchiveImage> namedImages(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "image archive " + archive + " does not exist or "
                    + "is not a file; give a tar written by 'docker save' or 'ctr images export'");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
            return ImageArchiveIndex.read(in);
        } catch (TarEntries.NotATarException e) {
            throw new KubicleException(ExitCode.INVALID_INPUT, archive + " is not a tar archive; give a tar "
                    + "written by 'docker save' or 'ctr images export' (uncompressed)", e);
        } catch (IOException e) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "cannot read image archive " + archive + ": "
                    + e.getMessage(), e);
        }
    }
}
