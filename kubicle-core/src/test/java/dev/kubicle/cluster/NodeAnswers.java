package dev.kubicle.cluster;

import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What a booted Kubernetes node answers to the commands a create runs in it, for tests over a recording provider. */
final class NodeAnswers {
    private NodeAnswers() {
    }

    static ExecResult of(ExecRequest request) {
        String command = String.join(" ", request.command());
        if (command.equals("cat /kind/version")) {
            return new ExecResult(0, "v1.37.2\n", "");
        }
        if (command.equals("cat /etc/kubernetes/admin.conf")) {
            return new ExecResult(0, adminConf(), "");
        }
        if (command.startsWith("cat /kind/manifests/")) {
            return new ExecResult(0, "kind: List\nitems: []\n", "");
        }
        return new ExecResult(0, "", "");
    }

    private static String adminConf() {
        try (InputStream in = NodeAnswers.class.getResourceAsStream("/kubeconfig/admin.conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
