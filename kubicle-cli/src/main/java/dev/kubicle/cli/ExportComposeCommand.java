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
        + "files) that brings the cluster of a config up with 'docker-compose up -d' alone, without kubicle; "
        + "creates nothing. Prints the Compose file.")
final class ExportComposeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "A cluster config: kind's kind.x-k8s.io/v1alpha4 or kubicle.dev/v1alpha1. It must set "
                    + "networking.subnet and networking.apiServerPort.")
    Path config;

    @Option(names = {"-n", "--name"}, description = "The cluster's name; overrides the config's name.")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "The folder to write into (default: a new folder named after the cluster).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cluster cluster = ConfigFiles.load(config, Optional.ofNullable(name), Optional.empty());
        Path directory = output == null ? Path.of(cluster.name()) : output;
        try (Session session = Root.of(spec).session(options)) {
            Path file = session.clusters().exportCompose(cluster, directory, config.toString());
            session.out().println(file.toAbsolutePath());
            session.progress().note("Bring the cluster up with 'docker-compose up -d' in " + directory
                    + "; its kubeconfig appears in " + directory.resolve("kubeconfig/kubeconfig"));
        }
        return 0;
    }
}
