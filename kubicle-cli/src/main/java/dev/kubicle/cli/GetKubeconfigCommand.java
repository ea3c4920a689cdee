package dev.kubicle.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "kubeconfig", description = "Print a cluster's admin kubeconfig.")
final class GetKubeconfigCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Mixin
    ClusterNameOption cluster;

    @Option(names = "--internal", description = "Address the API server by node name, for use from containers on "
            + "the cluster's network.")
    boolean internal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Session session = Root.of(spec).session(options)) {
            session.out().print(session.clusters().kubeconfig(cluster.name, internal).toYaml());
        }
        return 0;
    }
}
