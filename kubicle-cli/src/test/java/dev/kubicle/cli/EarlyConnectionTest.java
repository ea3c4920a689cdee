package dev.kubicle.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine the early connection is made for must be the one picocli will read from the same arguments. */
class EarlyConnectionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "'get clusters', null",
            "'get clusters --provider podman', podman",
            "'--provider=podman get nodes', podman",
            "'create cluster --provider docker --provider podman', podman",
            "'get clusters --provider', null",
    })
    void readsTheProviderAsTheCommandLineWill(String arguments, String expected) {
        assertThat(EarlyConnection.providerNamedIn(arguments.split(" "))).isEqualTo(expected);
    }
}
