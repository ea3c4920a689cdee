package dev.kubicle.cli;

import dev.kubicle.kubeconfig.KubeconfigFiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --kubeconfig, for commands that write or clean the user's kubeconfig. */
final class KubeconfigOption {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig file to use instead of $KUBECONFIG or ~/.kube/config.")
    Path file;

    KubeconfigFiles files() {
        return file == null ? KubeconfigFiles.fromEnvironment()
                : new KubeconfigFiles(file.toString(), Path.of(System.getProperty("user.home")));
    }
}
