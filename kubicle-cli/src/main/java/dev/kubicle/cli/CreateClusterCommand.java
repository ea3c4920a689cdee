package dev.kubicle.cli;

import dev.kubicle.cluster.ClusterPlanner;
import dev.kubicle.cluster.Clusters;
import dev.kubicle.cluster.CreateOptions;
import dev.kubicle.cluster.PlanPrinter;
import dev.kubicle.config.Cluster;
import dev.kubicle.config.ConfigFiles;
import dev.kubicle.config.ConfigPrinter;
import dev.kubicle.kubeconfig.Kubeconfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "cluster", description = "Create a local Kubernetes cluster whose nodes are containers.")
final class CreateClusterCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions options;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A cluster config: kind's kind.x-k8s.io/v1alpha4 or kubicle.dev/v1alpha1.")
    Path config;

    @Option(names = {"-n", "--name"}, description = "The cluster's name; overrides the config's name.")
    String name;

    @Option(names = "--image", description = "The node image for every node; overrides the config's images.")
    String image;

    @Option(names = "--retain", description = "Keep the nodes of a failed create, to look into them.")
    boolean retain;

    @Option(names = "--no-build", description = "Fail instead of building a missing node image offline.")
    boolean noBuild;

    @Mixin
    WaitOption wait;

    @Option(names = "--no-kubernetes", description = "Boot the nodes (systemd, containerd) and stop there, for "
            + "setting Kubernetes up by hand.")
    boolean noKubernetes;

    @Mixin
    KubeconfigOption kubeconfig;

    @Option(names = "--dry-run", description = "Validate the config, then print it resolved and the node plan.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cluster cluster = config == null
                ? ConfigFiles.defaultCluster(Optional.ofNullable(name), Optional.ofNullable(image))
                : ConfigFiles.load(config, Optional.ofNullable(name), Optional.ofNullable(image));
        KubicleCommand root = Root.of(spec);
        if (dryRun) {
            root.out.print(ConfigPrinter.toYaml(cluster));
            root.out.println("---");
            root.out.print(PlanPrinter.render(ClusterPlanner.plan(cluster)));
            return 0;
        }
        CreateOptions createOptions = CreateOptions.defaults().withRetain(retain).withBuildImages(!noBuild)
                .withWaitReady(wait.duration).withKubernetes(!noKubernetes);
        try (Session session = root.session(options)) {
            Clusters clusters = session.clusters(kubeconfig.files());
            if (config != null) {
                // Before create, which would check the same but could not name the file.
                clusters.checkFitsHost(cluster, config.toString());
            }
            clusters.create(cluster, createOptions);
            session.progress().note(noKubernetes
                    ? "Nodes of cluster \"" + cluster.name() + "\" are up, without Kubernetes. See them with "
                            + "'kubicle get nodes --name " + cluster.name() + "'."
                    : "Cluster \"" + cluster.name() + "\" is ready; kubectl's context is now "
                            + Kubeconfig.contextNameFor(cluster.name()) + ". Try 'kubectl "
                            + (kubeconfig.file == null ? "" : "--kubeconfig " + kubeconfig.file + " ")
                            + "get nodes'.");
        }
        return 0;
    }
}
