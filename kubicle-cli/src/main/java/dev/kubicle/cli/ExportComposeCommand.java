package dev.kubicle.cli;

import dev.kubicle.config.Cluster;
import dev.kubicle.config.ConfigFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "compose", description = "Write a Compose project (docker-compose.yml and the nodes' bootstrap "
        + "files) that brings the cluster of a config, or the shape of an existing cluster, up with "
        + "'docker-compose up -d' alone, without kubicle; creates nothing. Prints the Compose file.")
final class ExportComposeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A cluster config: kind's kind.x-k8s.io/v1alpha4 or kubicle.dev/v1alpha1. It must set "
                    + "networking.subnet and networking.apiServerPort. Without it, the running cluster --name is "
                    + "exported: its config as created, at its subnet, addresses and API server port.")
    Path config;

    @Option(names = {"-n", "--name"}, description = "With --config, the cluster's name (overrides the config's); "
            + "without, the running cluster to export (default: " + ClusterNameOption.DEFAULT + ").")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "The folder to write into (default: a new folder named after the cluster).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<Cluster> cluster = config == null ? Optional.empty()
                : Optional.of(ConfigFiles.load(config, Optional.ofNullable(name), Optional.empty()));
        String clusterName = cluster.map(Cluster::name).orElse(name == null ? ClusterNameOption.DEFAULT : name);
        Path directory = output == null ? Path.of(clusterName) : output;
        try (Session session = Root.of(spec).session(options)) {
            Path file = cluster.isPresent()
                    ? session.clusters().exportCompose(cluster.get(), directory, config.toString())
                    : session.clusters().exportCompose(clusterName, directory);
            session.out().println(file.toAbsolutePath());
            session.progress().note("Bring the cluster up with 'docker-compose up -d' in " + directory
                    + "; its kubeconfig appears in " + directory.resolve("kubeconfig/kubeconfig"));
        }
        return 0;
    }
}
