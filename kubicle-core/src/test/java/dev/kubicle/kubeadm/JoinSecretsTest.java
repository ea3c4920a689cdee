package dev.kubicle.kubeadm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JoinSecretsTest {

    @Test
    void eachClusterGetsATokenAndKeyOfTheirOwnInTheShapeKubeadmRequires() {
        JoinSecrets first = JoinSecrets.generate();
        JoinSecrets second = JoinSecrets.generate();

        assertThat(first.bootstrapToken()).matches("[a-z0-9]{6}\\.[a-z0-9]{16}")
                .isNotEqualTo(Inputs.BOOTSTRAP_TOKEN).isNotEqualTo(second.bootstrapToken());
        assertThat(first.certificateKey()).matches("[0-9a-f]{64}").isNotEqualTo(second.certificateKey());
    }

    @Test
    void printingThemShowsNeither() {
        JoinSecrets secrets = JoinSecrets.generate();

        assertThat(secrets.toString()).doesNotContain(secrets.bootstrapToken()).doesNotContain(
                secrets.certificateKey());
    }
}
