package dev.kubicle.provider.docker;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * scripts/runc-hostcaps, the runc wrapper the test scripts register with an engine whose host lacks capabilities,
 * run on sample OCI files with a fake runc that records how it was called.
 */
class RuncHostcapsScriptTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "runc-hostcaps");
    /** Our test machines' bounding set: every capability up to CAP_CHECKPOINT_RESTORE but CAP_SYS_RESOURCE. */
    private static final String WITHOUT_SYS_RESOURCE = "000001fffeffffff";
    private static final String ALL_CAPABILITIES = "[\"CAP_CHOWN\", \"CAP_SYS_ADMIN\", \"CAP_SYS_RESOURCE\"]";

    @TempDir
    Path dir;
    private Path calls;
    private Path runc;

    @BeforeEach
    void fakeRunc() throws IOException {
        assumeThat(Path.of("/usr/bin/python3")).as("the wrapper runs on Debian's python3").isExecutable();
        calls = dir.resolve("calls");
        runc = Files.writeString(dir.resolve("runc"), "#!/bin/sh\necho \"$@\" >> " + calls + "\n");
        Files.setPosixFilePermissions(runc, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void createLosesTheCapabilitiesTheHostLacksFromEveryListThenRuncRunsWithTheSameArguments() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("config.json"), "{\"ociVersion\": \"1.0.2\", \"process\": {\"args\": [\"sh\"],"
                + " \"capabilities\": {\"bounding\": " + ALL_CAPABILITIES + ", \"effective\": " + ALL_CAPABILITIES
                + ", \"ambient\": [\"CAP_SYS_RESOURCE\"]}}}");
        List<String> args = List.of("--root", "/run/docker/runtime-runc/moby", "--log", "/x/log.json", "--log-format",
                "json", "create", "--bundle", bundle.toString(), "--pid-file", "/x/init.pid", "abc123");

        wrap(WITHOUT_SYS_RESOURCE, args);

        assertThat(bundle.resolve("config.json")).content().doesNotContain("CAP_SYS_RESOURCE")
                .contains("\"args\": [\"sh\"]", "\"bounding\": [\"CAP_CHOWN\", \"CAP_SYS_ADMIN\"]",
                        "\"ambient\": []");
        assertThat(calls).hasContent(String.join(" ", args));
    }

    @Test
    void everyMissingCapabilityGoesAndABundleGivenAsTheCurrentFolderIsFound() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("config.json"),
                "{\"process\": {\"capabilities\": {\"permitted\": " + ALL_CAPABILITIES + "}}}");

        // Bit 21, CAP_SYS_ADMIN, is missing too.
        wrap("000001fffedfffff", bundle, List.of("run", "abc123"));

        assertThat(bundle.resolve("config.json")).content().contains("\"permitted\": [\"CAP_CHOWN\"]");
    }

    @Test
    void execEditsItsProcessFile() throws Exception {
        Path process = Files.writeString(dir.resolve("process.json"),
                "{\"args\": [\"ls\"], \"capabilities\": {\"effective\": " + ALL_CAPABILITIES + "}}");

        wrap(WITHOUT_SYS_RESOURCE, List.of("exec", "--process=" + process, "--detach", "abc123"));

        assertThat(process).content().contains("\"effective\": [\"CAP_CHOWN\", \"CAP_SYS_ADMIN\"]");
    }

    @Test
    void otherCommandsAndHostsWithEveryCapabilityChangeNothing() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        String spec = "{\"process\": {\"capabilities\": {\"bounding\": " + ALL_CAPABILITIES + "}}}";
        Files.writeString(bundle.resolve("config.json"), spec);

        wrap(WITHOUT_SYS_RESOURCE, List.of("--root", "create", "delete", "--force", "abc123"));
        wrap("000001ffffffffff", List.of("create", "-b", bundle.toString(), "abc123"));

        assertThat(bundle.resolve("config.json")).hasContent(spec);
        assertThat(calls).hasContent("--root create delete --force abc123\ncreate -b " + bundle + " abc123");
    }

    private void wrap(String boundingSet, List<String> args) throws Exception {
        wrap(boundingSet, dir, args);
    }

    private void wrap(String boundingSet, Path workingDirectory, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("KUBICLE_RUNC", runc.toString());
        builder.environment().put("KUBICLE_CAPBND", boundingSet);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
