package dev.kubicle.config;

import static dev.kubicle.config.ConfigTesting.kind;
import static dev.kubicle.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureGateRulesTest {

    @ParameterizedTest(name = "rejects {0}")
    @CsvSource(delimiter = '|', value = {
        "inPlacePodVerticalScaling | featureGates.inPlacePodVerticalScaling | InPlacePodVerticalScaling",
        "in-place-scaling          | featureGates.in-place-scaling          | InPlaceScaling",
        "'Sidecar Containers'      | featureGates[\"Sidecar Containers\"]   | SidecarContainers",
        "'1Gate'                   | featureGates.1Gate                     | InPlacePodVerticalScaling"})
    void rejectsFeatureGatesThatAreNotCamelCase(String gate, String path, String suggestion) {
        assertThat(problems(kind("featureGates:\n  \"" + gate + "\": true\n"))).containsExactly(
                "cluster.yaml: " + path + ": \"" + gate + "\" is not a feature gate name;"
                        + " feature gates are CamelCase, such as " + suggestion);
    }

    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {"InPlacePodVerticalScaling", "CSIMigration", "AllAlpha", "DRA"})
    void acceptsCamelCaseFeatureGates(String gate) {
        assertThat(problems(kind("featureGates:\n  " + gate + ": false\n"))).isEmpty();
    }
}
