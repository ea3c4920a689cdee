package dev.kubicle.cluster.internal.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            - token: k3x9qa.h7d2m4p8r1t5w0z6              | - token: <redacted>
            tlsBootstrapToken: k3x9qa.h7d2m4p8r1t5w0z6    | tlsBootstrapToken: <redacted>
            `    client-key-data: LS0tLS1CRUdJTiBFQw==`   | `    client-key-data: <redacted>`
            {"client-key-data":"LS0tLS1CRUdJTg==","a":1}  | {"client-key-data":"<redacted>","a":1}
            certificateKey: 0123456789abcdef0123          | certificateKey: <redacted>
            kubeadm join --token k3x9qa.h7d2m4p8r1t5w0z6 x | kubeadm join --token <redacted> x
            init --certificate-key=0f0f0f0f --v=2         | init --certificate-key=<redacted> --v=2
            GET /api?watch=1&token=s3cr3t&x=y            | GET /api?watch=1&token=<redacted>&x=y
            Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30 | Authorization: Bearer <redacted>
            joined with k3x9qa.h7d2m4p8r1t5w0z6 at 10:00  | joined with <redacted> at 10:00
            """)
    void replacesTheValueAndKeepsTheSetting(String line, String redacted) {
        assertThat(new SecretRedactor().redact(line)).isEqualTo(redacted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bootstrapTokens:
            token: ""
            --discovery-token-ca-cert-hash sha256:0a1b2c3d4e5f
            kubeadm init --skip-token-print --upload-certs
            "Failed to get token" err="timeout"
            Using bearer token authentication
            certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
            image docker.io/library/busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            """)
    void leavesLinesWithoutSecretsAlone(String line) {
        assertThat(new SecretRedactor().redact(line)).isEqualTo(line);
    }

    @Test
    void dropsAPrivateKeyBlockAndKeepsWhatSurroundsIt() {
        String redacted = redactAll("""
                before
                key: |
                  -----BEGIN EC PRIVATE KEY-----
                  MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oWnkcY3Jl2GNoAoGCCqGSM49
                  AwEHoUQDQgAE
                  -----END EC PRIVATE KEY-----
                after
                """);

        assertThat(redacted).isEqualTo("""
                before
                key: |
                  <private key removed>
                after
                """);
    }

    @Test
    void removesAnEscapedKeyOnOneLineAndWhatFollowsItStays() {
        String line = "{\"key\":\"-----BEGIN PRIVATE KEY-----\\nMIGHAgEA\\n-----END PRIVATE KEY-----\\n\",\"ok\":true}";

        assertThat(new SecretRedactor().redact(line)).isEqualTo("{\"key\":\"<private key removed>\\n\",\"ok\":true}");
    }

    @Test
    void aKeyBlockThatNeverEndsStopsSwallowingLinesAfterTheLongestKeyThereIs() {
        StringBuilder text = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
        for (int i = 0; i < 300; i++) {
            text.append("line ").append(i).append('\n');
        }

        String redacted = redactAll(text.toString());

        assertThat(redacted).startsWith("<private key removed>\n").doesNotContain("line 199\n")
                .endsWith("line 299\n");
    }

    private static String redactAll(String text) {
        SecretRedactor redactor = new SecretRedactor();
        return Arrays.stream(text.split("\n", -1)).map(redactor::redact).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
    }
}
