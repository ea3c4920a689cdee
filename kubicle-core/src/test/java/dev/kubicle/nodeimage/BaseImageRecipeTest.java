package dev.kubicle.nodeimage;

import dev.kubicle.nodeimage.BaseImageRecipe.RecipeFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BaseImageRecipeTest {
    private static final BaseImageRecipe SMALL = new BaseImageRecipe(List.of("systemd", "containerd"),
            List.of(new RecipeFile("etc/a.conf", 0644, bytes("a"))), bytes("echo configured"));

    @Test
    void hashOfAGivenRecipeNeverChanges() {
        // If this fails, every user rebuilds the base image: change the expected value only on purpose.
        assertThat(SMALL.hash()).isEqualTo("5a319a8ec7930df9e14fb4f103c7b7fad0a8df6b161ff37a2b82f27ebef12a24");
    }

    @Test
    void shippedRecipeHashesTheSameOnEveryLoad() {
        assertThat(BaseImageRecipe.load().hash()).isEqualTo(BaseImageRecipe.load().hash()).hasSize(64);
    }

    @Test
    void changingAFileChangesTheHashButNotTheDebootstrapKey() {
        BaseImageRecipe changed = new BaseImageRecipe(SMALL.packages(),
                List.of(new RecipeFile("etc/a.conf", 0644, bytes("b"))), SMALL.configureScript());

        assertThat(changed.hash()).isNotEqualTo(SMALL.hash());
        assertThat(changed.debootstrapKey()).isEqualTo(SMALL.debootstrapKey());
    }

    @Test
    void changingAFileModeOrTheScriptChangesTheHash() {
        BaseImageRecipe executable = new BaseImageRecipe(SMALL.packages(),
                List.of(new RecipeFile("etc/a.conf", 0755, bytes("a"))), SMALL.configureScript());
        BaseImageRecipe otherScript = new BaseImageRecipe(SMALL.packages(), SMALL.files(), bytes("echo other"));

        assertThat(executable.hash()).isNotEqualTo(SMALL.hash());
        assertThat(otherScript.hash()).isNotEqualTo(SMALL.hash());
    }

    @Test
    void addingAPackageChangesBothHashes() {
        BaseImageRecipe more = new BaseImageRecipe(List.of("systemd", "containerd", "socat"), SMALL.files(),
                SMALL.configureScript());

        assertThat(more.hash()).isNotEqualTo(SMALL.hash());
        assertThat(more.debootstrapKey()).isNotEqualTo(SMALL.debootstrapKey());
    }

    @Test
    void packageOrderDoesNotMatterToDebootstrap() {
        BaseImageRecipe reordered = new BaseImageRecipe(List.of("containerd", "systemd"), SMALL.files(),
                SMALL.configureScript());

        assertThat(reordered.debootstrapKey()).isEqualTo(SMALL.debootstrapKey());
    }

    @Test
    void packagesAreWhatANodeNeeds() {
        assertThat(BaseImageRecipe.load().packages())
                .contains("systemd", "systemd-sysv", "dbus", "containerd", "runc", "containernetworking-plugins",
                        "iptables", "nftables", "iproute2", "conntrack", "ethtool", "socat", "mount", "util-linux",
                        "kmod", "libseccomp2", "ca-certificates", "procps", "pigz", "bash")
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("[a-z0-9][a-z0-9+.-]+"));
    }

    @Test
    void commentsAndBlankLinesAreNotEntries() {
        assertThat(RecipeResources.entries("# packages\n\n  systemd  \n# runc\ncontainerd\n".lines().toList()))
                .containsExactly("systemd", "containerd");
    }

    @Test
    void everyFileUnderFilesIsListedWithItsMode() throws IOException, URISyntaxException {
        Path files = Path.of(BaseImageRecipe.class.getResource("/dev/kubicle/nodeimage/base/files").toURI());
        List<String> onDisk;
        try (Stream<Path> walk = Files.walk(files)) {
            onDisk = walk.filter(Files::isRegularFile).map(path -> files.relativize(path).toString()).toList();
        }

        List<RecipeFile> listed = BaseImageRecipe.load().files();

        assertThat(listed).extracting(RecipeFile::path).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(listed).filteredOn(file -> file.path().equals("usr/local/bin/entrypoint"))
                .singleElement().satisfies(file -> {
                    assertThat(file.mode()).isEqualTo(0755);
                    assertThat(text(file)).startsWith("#!/bin/bash\n");
                });
    }

    @Test
    void containerdUsesTheCgroupDriverTheKubeletIsToldAbout() {
        RecipeFile config = BaseImageRecipe.load().files().stream()
                .filter(file -> file.path().equals("etc/containerd/config.toml")).findFirst().orElseThrow();

        assertThat(BaseImageRecipe.CGROUP_DRIVER).isEqualTo("systemd");
        assertThat(text(config)).contains("SystemdCgroup = true").contains("snapshotter = \"overlayfs\"");
    }

    @Test
    void entrypointPrintsWhatKindWaitsForOnCgroupV1() {
        RecipeFile entrypoint = BaseImageRecipe.load().files().stream()
                .filter(file -> file.path().equals("usr/local/bin/entrypoint")).findFirst().orElseThrow();

        assertThat(text(entrypoint)).contains("info 'detected cgroup v1'").endsWith("exec \"$@\"\n");
    }

    @Test
    void permissionsFollowTheOctalMode() {
        assertThat(RootfsBuilder.permissions(0754)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr--"));
    }

    private static String text(RecipeFile file) {
        return new String(file.content(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
