package dev.kubicle.cluster.internal.ops;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerdImagesTest {
    private static final String CONFIG = "sha256:" + "c".repeat(64);
    private static final String MANIFEST = "sha256:" + "a".repeat(64);
    private static final String INDEX = "sha256:" + "b".repeat(64);
    private static final String APP = "docker.io/ops/app:1";

    /** As ctr 1.6 prints it: a tab-aligned table whose LABELS column may hold spaces-free text or "-". */
    private static final String LISTING = """
            REF                                            TYPE                                                 DIGEST                                                                  SIZE     PLATFORMS   LABELS
            docker.io/ops/app:1                            application/vnd.docker.distribution.manifest.v2+json %s 1.2 MiB  linux/amd64 -
            docker.io/ops/multi:2                          application/vnd.oci.image.index.v1+json              %s 2.0 MiB  linux/amd64,linux/arm64 io.cri-containerd.image=managed
            import-2026-11-23@%s application/vnd.docker.distribution.manifest.v2+json %s 1.2 MiB  linux/amd64 -
            """.formatted(MANIFEST, INDEX, MANIFEST, MANIFEST);

    @Test
    void parsesNameTypeAndDigestOfEveryImageAndSkipsTheHeader() {
        Map<String, ContainerdImages.Listed> listed = ContainerdImages.parse(LISTING);

        assertThat(listed).containsOnlyKeys(APP, "docker.io/ops/multi:2", "import-2026-11-23@" + MANIFEST);
        assertThat(listed.get(APP)).isEqualTo(new ContainerdImages.Listed(APP,
                "application/vnd.docker.distribution.manifest.v2+json", MANIFEST));
    }

    @Test
    void anEmptyListingHasNoImages() {
        assertThat(ContainerdImages.parse("REF TYPE DIGEST SIZE PLATFORMS LABELS \n")).isEmpty();
    }

    @Test
    void findsAnImageByTheConfigDigestItsManifestNames() {
        ContainerdImages images = new ContainerdImages(ContainerdImages.parse(LISTING),
                Map.of(MANIFEST, manifest(CONFIG))::get);

        assertThat(images.has(new ArchiveImage(APP, CONFIG))).isTrue();
        assertThat(images.has(new ArchiveImage(APP, "sha256:" + "d".repeat(64)))).isFalse();
        assertThat(images.has(new ArchiveImage("docker.io/ops/other:1", CONFIG))).isFalse();
    }

    @Test
    void findsAnImageByTheDigestItsNamePointsAtWithoutReadingContent() {
        ContainerdImages images = new ContainerdImages(ContainerdImages.parse(LISTING), digest -> {
            throw new AssertionError("no content read expected");
        });

        assertThat(images.has(new ArchiveImage(APP, MANIFEST))).isTrue();
    }

    @Test
    void looksThroughAnIndexIntoEachPlatformsManifest() {
        String armManifest = "sha256:" + "e".repeat(64);
        String armConfig = "sha256:" + "f".repeat(64);
        String index = """
                {"schemaVersion":2,"manifests":[
                  {"digest":"%s","platform":{"architecture":"amd64","os":"linux"}},
                  {"digest":"%s","platform":{"architecture":"arm64","os":"linux"}}]}
                """.formatted(MANIFEST, armManifest);
        ContainerdImages images = new ContainerdImages(ContainerdImages.parse(LISTING),
                Map.of(INDEX, index, MANIFEST, manifest(CONFIG), armManifest, manifest(armConfig))::get);

        assertThat(images.has(new ArchiveImage("docker.io/ops/multi:2", armConfig))).isTrue();
    }

    @Test
    void needsEveryImageAndNeverSkipsAnArchiveThatNamesNone() {
        ContainerdImages images = new ContainerdImages(ContainerdImages.parse(LISTING),
                Map.of(MANIFEST, manifest(CONFIG))::get);

        assertThat(images.hasAll(List.of(new ArchiveImage(APP, CONFIG)))).isTrue();
        assertThat(images.hasAll(List.of(new ArchiveImage(APP, CONFIG),
                new ArchiveImage("docker.io/ops/missing:1", CONFIG)))).isFalse();
        assertThat(images.hasAll(List.of())).isFalse();
    }

    @Test
    void unreadableContentIsAnError() {
        ContainerdImages images = new ContainerdImages(ContainerdImages.parse(LISTING), digest -> "not json {");

        assertThatThrownBy(() -> images.has(new ArchiveImage(APP, CONFIG))).hasMessageContaining(MANIFEST);
    }

    private static String manifest(String config) {
        return """
                {"schemaVersion":2,"config":{"mediaType":"application/vnd.docker.container.image.v1+json",
                 "digest":"%s","size":1234},"layers":[]}
                """.formatted(config);
    }
}
