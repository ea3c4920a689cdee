package dev.kubicle.nodeimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubicle.nodeimage.ImageSpec.ImageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image step of build-steps.sh, run on this machine (it needs only bash, GNU tar and coreutils): the archive it
 * writes must be what {@code docker save} writes and {@code ctr images import} reads, with digests that hold.
 */
class ImageArchiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PreloadImage IMAGE = new PreloadImage("registry.k8s.io/pause:3.10.2", List.of("/pause"),
            List.of(new ImageFile("component", "pause", "/pause"),
                    new ImageFile("resource", "scripts/hello.sh", "/usr/local/bin/hello"),
                    new ImageFile("link", "hello", "/usr/local/bin/hi")));

    @TempDir
    Path build;

    @Test
    void archiveHasAManifestNamingTheImageItsConfigAndOneLayerWhoseDigestsHold() throws Exception {
        Path archive = makeImage("a.tar");
        Path unpacked = untar(archive, "unpacked");

        JsonNode manifest = JSON.readTree(unpacked.resolve("manifest.json").toFile());
        assertThat(manifest).hasSize(1);
        JsonNode entry = manifest.get(0);
        assertThat(entry.get("RepoTags")).containsExactly(JSON.getNodeFactory().textNode(IMAGE.reference()));
        String configName = entry.get("Config").asText();
        String layerName = entry.get("Layers").get(0).asText();
        byte[] config = Files.readAllBytes(unpacked.resolve(configName));
        byte[] layer = Files.readAllBytes(unpacked.resolve(layerName));
        assertThat(configName).isEqualTo(Sha256.of(config) + ".json");
        assertThat(layerName).isEqualTo(Sha256.of(layer) + "/layer.tar");

        JsonNode configJson = JSON.readTree(config);
        assertThat(configJson.get("architecture").asText()).isEqualTo("amd64");
        assertThat(configJson.get("os").asText()).isEqualTo("linux");
        assertThat(configJson.at("/rootfs/diff_ids/0").asText()).isEqualTo("sha256:" + Sha256.of(layer));
        assertThat(configJson.at("/config/Entrypoint/0").asText()).isEqualTo("/pause");
        assertThat(configJson.at("/config/Env/0").asText()).isEqualTo(PreloadImage.PATH);
    }

    @Test
    void layerHoldsTheListedFilesOwnedByRootWithTheirModesAndLinks() throws Exception {
        Path unpacked = untar(makeImage("a.tar"), "unpacked");
        String layerName = JSON.readTree(unpacked.resolve("manifest.json").toFile()).at("/0/Layers/0").asText();

        String listing = run(unpacked, "tar", "--numeric-owner", "-tvf", layerName);
        Path layer = untar(unpacked.resolve(layerName), "layer");

        assertThat(layer.resolve("pause")).hasContent("pause binary");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layer.resolve("pause"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(layer.resolve("usr/local/bin/hello")).hasContent("#!/bin/sh\necho hello");
        assertThat(Files.readSymbolicLink(layer.resolve("usr/local/bin/hi"))).isEqualTo(Path.of("hello"));
        assertThat(listing.lines()).allSatisfy(line -> assertThat(line).contains(" 0/0 "));
    }

    @Test
    void theSameFilesMakeTheSameArchiveByteForByte() throws Exception {
        Path first = makeImage("first.tar");
        // Later modification times must not change a digest.
        Files.setLastModifiedTime(build.resolve("bin/pause"), Files.getLastModifiedTime(first));
        Path second = makeImage("second.tar");

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    private Path makeImage(String name) throws IOException, InterruptedException {
        Files.createDirectories(build.resolve("bin"));
        Files.writeString(build.resolve("bin/pause"), "pause binary");
        Files.setPosixFilePermissions(build.resolve("bin/pause"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(build.resolve("resources/scripts"));
        Files.writeString(build.resolve("resources/scripts/hello.sh"), "#!/bin/sh\necho hello");
        Path spec = Files.createDirectories(build.resolve("images/0-pause"));
        Files.writeString(spec.resolve("reference"), IMAGE.reference());
        Files.writeString(spec.resolve("config.json"), IMAGE.configJson());
        Files.writeString(spec.resolve("files"), IMAGE.filesList());
        Path script = build.resolve("build-steps.sh");
        Files.write(script, NodeImageRecipe.load().buildSteps());
        Path archive = build.resolve("archives/" + name);

        ProcessBuilder process = new ProcessBuilder("bash", script.toString(), "image", spec.toString(),
                archive.toString()).redirectErrorStream(true);
        process.environment().put("KUBICLE_BUILD_DIR", build.toString());
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).as(output).isZero();
        assertThat(output).startsWith(IMAGE.reference() + ": ");
        return archive;
    }

    private Path untar(Path archive, String into) throws IOException, InterruptedException {
        Path directory = Files.createDirectories(build.resolve(into));
        run(directory, "tar", "-xf", archive.toString());
        return directory;
    }

    private static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
