package dev.kubicle.cluster;

import dev.kubicle.progress.Progress;
import dev.kubicle.provider.Provider;

/** Builds node images kubicle knows how to make offline, for a create that finds its image missing. */
public interface NodeImageBuilder {

    /** Whether {@code reference} names an image this builder can make. */
    boolean canBuild(String reference);

    void build(String reference, Provider provider, Progress progress);

    /** A builder for no image at all: a missing image is then always an error. */
    static NodeImageBuilder none() {
        return new NodeImageBuilder() {
            @Override
            public boolean canBuild(String reference) {
                return false;
            }

            @Override
            public void build(String reference, Provider provider, Progress progress) {
                throw new UnsupportedOperationException(reference);
            }
        };
    }
}
