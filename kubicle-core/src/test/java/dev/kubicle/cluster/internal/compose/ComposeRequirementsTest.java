package dev.kubicle.cluster.internal.compose;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.ClusterPlan;
import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.config.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ComposeRequirementsTest {
    private static final String EXPORTABLE = """
            kind: Cluster
            apiVersion: kubicle.dev/v1alpha1
            name: demo
            networking:
              apiServerPort: 6443
              subnet: 172.29.20.0/24
            nodes:
            - role: control-plane
            - role: worker
            """;

    private static ClusterPlan plan(String yaml) {
        return ClusterPlanner.plan(ConfigFiles.load(yaml, "demo.yaml", Optional.empty(), Optional.empty()));
    }

    @Test
    void aConfigWithASubnetAndAFixedApiServerPortCanBeExported() {
        assertThatCode(() -> ComposeRequirements.checkConfig(plan(EXPORTABLE), "demo.yaml")).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "networking.subnet        | '  subnet: 172.29.20.0/24\n'          | ''",
        "networking.apiServerPort | '  apiServerPort: 6443\n'             | ''",
        "networking.ipFamily      | '  subnet: 172.29.20.0/24\n'          | '  subnet: 172.29.20.0/24\n  ipFamily: dual\n'",
    })
    void whatComposeCannotDoWithoutIsRefusedInOneLineNamingFileAndField(String field, String from, String to) {
        String yaml = EXPORTABLE.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));

        KubicleException refused = catchThrowableOfType(KubicleException.class,
                () -> ComposeRequirements.checkConfig(plan(yaml), "demo.yaml"));

        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.getMessage()).startsWith("demo.yaml: " + field + " ").doesNotContain("\n");
    }
}
