package dev.kubicle.cluster.internal.ops;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveNamesTest {
    private static final ArchiveImage ASKED = new ArchiveImage("docker.io/library/app:1", "sha256:aa");

    @Test
    void anImageTheArchiveNamesUnderLocalhostIsMappedToTheNameItWasAskedBy() {
        assertThat(ArchiveNames.renamed(List.of(ASKED), List.of(new ArchiveImage("localhost/app:1", "sha256:aa"))))
                .isEqualTo(Map.of("localhost/app:1", "docker.io/library/app:1"));
    }

    @Test
    void anImageTheArchiveNamesAsAskedNeedsNoSecondName() {
        assertThat(ArchiveNames.renamed(List.of(ASKED), List.of(new ArchiveImage("localhost/app:1", "sha256:aa"),
                new ArchiveImage("docker.io/library/app:1", "sha256:aa")))).isEmpty();
    }

    @Test
    void otherContentUnderAnotherNameIsNotTheImageAskedFor() {
        assertThat(ArchiveNames.renamed(List.of(ASKED), List.of(new ArchiveImage("localhost/app:1", "sha256:bb"))))
                .isEmpty();
    }
}
