package dev.kubicle.cluster.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubicle.progress.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StagedImagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void placesOnlyTheLayersTheNodeLacksThenImportsAndRemovesThePlaceholder() throws IOException {
        DockerArchive archive = ArchiveFanOut.copy(new ByteArrayInputStream(SavedArchives.twoLayers()), List.of())
                .orElseThrow();
        StagedImages staged = new StagedImages(null, Progress.silent());

        String script = staged.script(archive, Set.of(SavedArchives.BOTTOM_DIGEST),
                List.of(List.of("kubicle.internal/load-x:0")));

        String topBlob = StagedImages.CONTENT_BLOBS + "/" + SavedArchives.TOP_DIGEST.substring(7);
        assertThat(script).startsWith("set -e\n")
                .contains("ln -f 't2/layer.tar' " + topBlob + "\n")
                .contains("content ingest --expected-size " + SavedArchives.TOP.length + " --expected-digest "
                        + SavedArchives.TOP_DIGEST)
                .contains("[ -e " + topBlob + " ] || ln 't2/layer.tar' " + topBlob)
                .doesNotContain("b1/layer.tar")
                .contains("images rm kubicle.internal/load-x:0");
        assertThat(script.indexOf("import --no-unpack")).isLessThan(script.indexOf("ln -f"));
        assertThat(script.indexOf("ln -f")).isLessThan(script.indexOf("--snapshotter=overlayfs kubicle-images.tar"));
    }

    @Test
    void theOciLayoutNamesEachImageAndListsItsLayersByDiffId() throws IOException {
        DockerArchive archive = ArchiveFanOut.copy(new ByteArrayInputStream(SavedArchives.twoLayers()), List.of())
                .orElseThrow();

        byte[] layout = OciLayoutTar.of(archive.images(), List.of(List.of("docker.io/ops/app:1", "docker.io/x:1")));

        Map<String, byte[]> files = files(layout);
        JsonNode index = JSON.readTree(files.get("index.json"));
        assertThat(index.path("manifests").findValuesAsText(OciLayoutTar.NAME_ANNOTATION))
                .containsExactly("docker.io/ops/app:1", "docker.io/x:1");
        String manifestDigest = index.path("manifests").get(0).path("digest").asText();
        JsonNode manifest = JSON.readTree(files.get("blobs/sha256/" + manifestDigest.substring(7)));
        assertThat(manifest.path("config").path("digest").asText()).isEqualTo(SavedArchives.CONFIG_DIGEST);
        assertThat(manifest.path("layers").findValuesAsText("digest"))
                .containsExactly(SavedArchives.BOTTOM_DIGEST, SavedArchives.TOP_DIGEST);
        assertThat(files.get("blobs/sha256/" + SavedArchives.CONFIG_DIGEST.substring(7)))
                .isEqualTo(SavedArchives.CONFIG);
        assertThat(files).doesNotContainKey("blobs/sha256/" + SavedArchives.TOP_DIGEST.substring(7));
    }

    private static Map<String, byte[]> files(byte[] tar) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        TarEntries entries = new TarEntries(new ByteArrayInputStream(tar));
        for (TarEntries.Entry entry = entries.next(); entry != null; entry = entries.next()) {
            files.put(entry.name(), entries.content().readAllBytes());
        }
        return files;
    }
}
