package dev.kubicle.provider;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An image read from the engine's own storage instead of saved by the engine: its config, and its layers, each an
 * uncompressed tar that is put together only when written, so that a caller can send just the layers a node lacks.
 *
 * @param reference the image as asked for
 * @param config    the image config's exact bytes; their digest is the image's ID
 * @param layers    bottom layer first
 */
public record StoredImage(String reference, byte[] config, List<Layer> layers) {
    public StoredImage {
        config = config.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public byte[] config() {
        return config.clone();
    }

    /** One layer, whose tar is the one the engine would save, byte for byte. */
    public interface Layer {
        /** The digest of the layer's tar, "sha256:...", as the image config lists it. */
        String diffId();

        /** The length of the layer's tar in bytes. */
        long size();

        /**
         * Writes the layer's tar.
         *
         * @throws IOException when the storage cannot be read, or what was written is not {@link #size()} bytes
         *                     with the digest {@link #diffId()} (the storage changed while it was read); the caller
         *                     must then throw away what it received
         */
        void writeTo(OutputStream out) throws IOException;
    }
}
