package dev.kubicle.cluster.internal.ops;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.provider.StoredImage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return read(archive, in -> ImageArchiveIndex.read(new BufferedInputStream(in)));
    }

    /**
     * The archive's images, each layer to be read from its place in the file, so that only the layers nodes lack
     * are sent; empty when the archive is an OCI layout without {@code manifest.json}.
     */
    public static Optional<StoredImageArchive> layers(Path archive) {
        return read(archive, in -> {
            // Unbuffered: the listing skips over each layer, which on a file is a seek, not a read.
            ArchiveListing listing = ArchiveListing.read(in);
            Optional<DockerArchive> images = listing.images();
            if (images.isEmpty()) {
                return Optional.empty();
            }
            Map<String, StoredImage.Layer> layers = new HashMap<>();
            for (DockerArchive.Image image : images.get().images()) {
                for (DockerArchive.Layer layer : image.layers()) {
                    layers.putIfAbsent(layer.digest(), new ArchiveFileLayer(archive, listing.offsetOf(layer.path()),
                            layer.digest(), layer.size()));
                }
            }
            return Optional.of(new StoredImageArchive(images.get(), layers));
        });
    }

    private interface Reader<T> {
        T read(InputStream archive) throws IOException;
    }

    private static <T> T read(Path archive, Reader<T> reader) {
        try (InputStream in = Files.newInputStream(archive)) {
            return reader.read(in);
        } catch (TarEntries.NotATarException e) {
            throw new KubicleException(ExitCode.INVALID_INPUT, archive + " is not a tar archive; give a tar "
                    + "written by 'docker save' or 'ctr images export' (uncompressed)", e);
        } catch (IOException e) {
            throw new KubicleException(ExitCode.INVALID_INPUT, "cannot read image archive " + archive + ": "
                    + e.getMessage(), e);
        }
    }
}
