package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {
        "kubicle/node:v1.35.4",
        "node",
        "kindest/node:v1.32.0@" + DIGEST,
        "kindest/node@" + DIGEST,
        "localhost:5000/kubicle/node:dev",
        "registry.example.com/team/sub/node:1.0_rc-1",
        "Registry.Example.com:443/node",
        "[::1]:5000/node:x",
        "my__image/a.b-c:latest"})
    void acceptsReferencesTheEnginesAccept(String reference) {
        assertThat(ImageReference.isValid(reference)).isTrue();
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {
        "",
        "kubicle/Node",
        "kubicle/node:",
        "kubicle/node:-tag",
        "kubicle//node",
        "/node",
        "node/",
        "-node",
        "node:v1 2",
        "kubicle/node@sha256:abc",
        "kubicle/node@sha256:" + "AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12",
        "kubicle/node@md5:0123456789abcdef",
        "host:port/node"})
    void rejectsMalformedReferences(String reference) {
        assertThat(ImageReference.isValid(reference)).isFalse();
    }

    @ParameterizedTest(name = "rejects a name of {0} characters")
    @ValueSource(ints = {256, 10_000})
    void rejectsOverlongNames(int length) {
        assertThat(ImageReference.isValid("a".repeat(length))).isFalse();
    }
}
