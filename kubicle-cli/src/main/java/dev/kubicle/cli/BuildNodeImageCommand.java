package dev.kubicle.cli;

import dev.kubicle.config.ConfigDefaults;
import dev.kubicle.nodeimage.KubernetesNodeImageBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "node-image", description = {
        "Build a Kubernetes node image with no registry: Kubernetes built from source through the Go module proxy, "
                + "on a Debian base made with debootstrap, with every image kubeadm needs preloaded.",
        "An image built from the same inputs is left as it is. The first build takes some twenty minutes; later "
                + "ones reuse the cached binaries."})
final class BuildNodeImageCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Option(names = "--kubernetes-version", paramLabel = "VERSION",
            description = "The Kubernetes release to build, such as v1.37.2 (default: ${DEFAULT-VALUE}).")
    String kubernetesVersion = ConfigDefaults.DEFAULT_KUBERNETES_VERSION;

    @Option(names = "--image", paramLabel = "NAME:TAG",
            description = "The image to make (default: kubicle/node:<Kubernetes version>).")
    String image;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String reference = image == null ? KubernetesNodeImageBuilder.defaultReference(kubernetesVersion) : image;
        KubernetesNodeImageBuilder.checkRequest(kubernetesVersion, reference);
        try (Session session = Root.of(spec).session(options)) {
            new KubernetesNodeImageBuilder(session.provider(), session.progress()).build(kubernetesVersion, reference);
        }
        return 0;
    }
}
