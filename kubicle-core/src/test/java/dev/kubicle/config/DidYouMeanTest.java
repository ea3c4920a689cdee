package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

class DidYouMeanTest {
    private static final List<String> NODE_FIELDS = List.of("role", "image", "labels", "extraMounts",
            "extraPortMappings", "kubeadmConfigPatches", "kubeadmConfigPatchesJSON6902", "ip");

    @ParameterizedTest(name = "{0} suggests {1}")
    @CsvSource({"extraPortMapping, extraPortMappings", "extraportmappings, extraPortMappings",
        "imag, image", "rol, role", "lables, labels", "kubeadmConfigPatchesJson6902, kubeadmConfigPatchesJSON6902"})
    void suggestsTheClosestAllowedName(String typed, String suggestion) {
        assertThat(DidYouMean.closest(typed, NODE_FIELDS)).contains(suggestion);
    }

    @ParameterizedTest(name = "{0} suggests nothing")
    @CsvSource({"ports", "volumes", "hostname"})
    void suggestsNothingWhenNoNameIsClose(String typed) {
        assertThat(DidYouMean.closest(typed, NODE_FIELDS)).isEmpty();
    }
}
