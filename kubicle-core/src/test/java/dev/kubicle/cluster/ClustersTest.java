package dev.kubicle.cluster;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;
import dev.kubicle.cluster.internal.Action;
import dev.kubicle.cluster.internal.ActionContext;
import dev.kubicle.cluster.internal.ClusterCreator;
import dev.kubicle.cluster.internal.Pipeline;
import dev.kubicle.config.Cluster;
import dev.kubicle.progress.ConsoleProgress;
import dev.kubicle.progress.Progress;
import dev.kubicle.progress.Verbosity;
import dev.kubicle.provider.EngineLostException;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.kubeconfig.KubeconfigFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.kubicle.cluster.TestConfigs.cluster;
import static dev.kubicle.cluster.TestConfigs.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The create, delete and list logic over a recording provider; real-engine behaviour is proven by the ITs. */
class ClustersTest {
    private final RecordingProvider provider = new RecordingProvider();
    private final CreateOptions options = new CreateOptions(false, Duration.ofSeconds(1), true, Duration.ZERO, true);
    @TempDir
    Path home;
    private Clusters clusters;

    @BeforeEach
    void answerLikeKubernetesNodes() {
        provider.execAnswer = NodeAnswers::of;
        clusters = new Clusters(provider, Progress.silent(), NodeImageBuilder.none(), new KubeconfigFiles(null, home));
    }

    @Test
    void createBootsNodesRunsKubeadmOnEachAndExportsTheKubeconfig() {
        provider.images.add(TestConfigs.IMAGE);

        clusters.create(cluster("dev", null, node("control-plane", null), node("worker", null)), options);

        assertThat(provider.calls).startsWith("createNetwork kubicle-dev");
        assertThat(provider.calls).contains("runNode dev-control-plane", "runNode dev-worker");
        assertThat(provider.calls).filteredOn(call -> call.contains("kubeadm init"))
                .singleElement().asString().startsWith("exec dev-control-plane ");
        assertThat(provider.calls).filteredOn(call -> call.contains("kubeadm join"))
                .singleElement().asString().startsWith("exec dev-worker ");
        assertThat(home.resolve(".kube/config")).content().contains("current-context: kubicle-dev")
                .contains("server: https://127.0.0.1:41000");
        assertThat(clusters.list()).containsExactly("dev");
        assertThat(clusters.nodes("dev")).extracting(ClusterNode::role)
                .containsExactly(NodeRole.CONTROL_PLANE, NodeRole.WORKER);
    }

    @Test
    void everyNodeOfOneCreateJoinsWithTheSameRandomTokenAndTheNextCreateGetsAnother() {
        provider.images.add(TestConfigs.IMAGE);
        Cluster config = cluster("dev", null, node("control-plane", null), node("control-plane", null),
                node("worker", null));
        provider.images.add(LoadBalancerImage.REFERENCE);

        clusters.create(config, options);
        Set<String> first = bootstrapTokens();
        clusters.delete("dev");
        provider.files.clear();
        clusters.create(config, options);
        Set<String> second = bootstrapTokens();

        assertThat(first).singleElement().asString().matches("[a-z0-9]{6}\\.[a-z0-9]{16}")
                .isNotEqualTo("abcdef.0123456789abcdef");
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    /** The tokens in the kubeadm configs written into the nodes, which must be one per node. */
    private Set<String> bootstrapTokens() {
        List<String> configs = provider.files.entrySet().stream()
                .filter(file -> file.getKey().endsWith(":/kind/kubeadm.conf")).map(Map.Entry::getValue).toList();
        assertThat(configs).hasSize(3);
        Pattern token = Pattern.compile("(?:token|tlsBootstrapToken): (\\S+)");
        return configs.stream().flatMap(text -> token.matcher(text).results().map(match -> match.group(1)))
                .collect(Collectors.toSet());
    }

    @Test
    void anApiServerPublishedBeyondThisMachineIsWarnedAboutBeforeTheSteps() {
        provider.images.add(TestConfigs.IMAGE);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Clusters printing = new Clusters(provider, new ConsoleProgress(new PrintStream(printed, true,
                StandardCharsets.UTF_8), Verbosity.NORMAL, false), NodeImageBuilder.none(),
                new KubeconfigFiles(null, home));

        printing.create(TestConfigs.withNetworking(cluster("dev", null, node("control-plane", null)), "0.0.0.0",
                "iptables"), options);

        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).element(1).asString()
                .startsWith("WARNING: networking.apiServerAddress is 0.0.0.0: the API server is published on every"
                        + " address of this machine");
    }

    @Test
    void theOnlyNodeRunsPodsAsKindsDoesWhileAClusterWithWorkersKeepsItsControlPlaneTaint() {
        provider.images.add(TestConfigs.IMAGE);
        String untaint = "exec dev-control-plane kubectl --kubeconfig=/etc/kubernetes/admin.conf taint nodes --all"
                + " node-role.kubernetes.io/control-plane-";

        clusters.create(cluster("dev", null, node("control-plane", null)), options);
        assertThat(provider.calls).contains(untaint, "exec dev-control-plane kubectl"
                + " --kubeconfig=/etc/kubernetes/admin.conf label nodes --all"
                + " node.kubernetes.io/exclude-from-external-load-balancers-");
        clusters.delete("dev");
        provider.calls.clear();

        clusters.create(cluster("dev", null, node("control-plane", null), node("worker", null)), options);
        assertThat(provider.calls).noneMatch(call -> call.contains(" taint "));
    }

    @Test
    void theCniGetsThePodSubnetAndAnImageWithoutAStorageManifestGetsKindsHostPathClass() {
        provider.images.add(TestConfigs.IMAGE);
        provider.execAnswer = request -> switch (String.join(" ", request.command())) {
            case "cat /kind/manifests/default-cni.yaml" -> new ExecResult(0, "value: {{ .PodSubnet }}\n", "");
            case "cat /kind/manifests/default-storage.yaml" -> new ExecResult(1, "", "No such file or directory");
            default -> NodeAnswers.of(request);
        };

        clusters.create(cluster("dev", null, node("control-plane", null)), options);

        assertThat(provider.inputs).hasSize(1);
        String[] documents = provider.inputs.get(0).split("\n---\n");
        assertThat(documents).hasSize(2);
        assertThat(documents[0]).isEqualTo("value: 10.244.0.0/16\n");
        assertThat(documents[1]).contains("provisioner: kubernetes.io/host-path",
                "storageclass.kubernetes.io/is-default-class: \"true\"");
    }

    @Test
    void ipvsIsRefusedBeforeKubeadmWhereTheKernelHasNoneAndAcceptedWhereItHas() {
        provider.images.add(TestConfigs.IMAGE);
        Cluster ipvs = TestConfigs.withNetworking(cluster("dev", null, node("control-plane", null)), "127.0.0.1",
                "ipvs");
        provider.execAnswer = request -> String.join(" ", request.command()).contains("ip_vs")
                ? new ExecResult(1, "", "") : NodeAnswers.of(request);

        assertThatThrownBy(() -> clusters.create(ipvs, options))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("networking.kubeProxyMode: ipvs needs IPVS in the kernel")
                .satisfies(e -> assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
        assertThat(provider.calls).noneMatch(call -> call.contains("kubeadm init"));

        provider.execAnswer = NodeAnswers::of;
        clusters.create(ipvs, options);
        assertThat(provider.calls).anyMatch(call -> call.contains("kubeadm init"));
        assertThat(provider.files.get("dev-control-plane:/kind/kubeadm.conf")).contains("mode: ipvs");
    }

    @Test
    void kubeProxyModeNoneSkipsTheKubeProxyAddonThroughTheConfigWhichNoFlagOverrides() {
        provider.images.add(TestConfigs.IMAGE);

        clusters.create(TestConfigs.withNetworking(cluster("dev", null, node("control-plane", null)), "127.0.0.1",
                "none"), options);

        assertThat(provider.files.get("dev-control-plane:/kind/kubeadm.conf"))
                .contains("skipPhases:\n- preflight\n- addon/kube-proxy".translateEscapes());
        // kubeadm's --skip-phases flag replaces the config's list instead of adding to it.
        assertThat(provider.calls).filteredOn(call -> call.contains("kubeadm init")).singleElement().asString()
                .doesNotContain("--skip-phases");
    }

    @Test
    void theLoadBalancerIsAPlainContainerThatListensAtOnceAndIsThenPointedAtEveryControlPlane() {
        provider.images.add(TestConfigs.IMAGE);
        provider.images.add(LoadBalancerImage.REFERENCE);

        clusters.create(cluster("ha", null, node("control-plane", null), node("control-plane", null),
                node("worker", null)), options);

        String balancer = "ha-external-load-balancer";
        assertThat(provider.calls).doesNotContain("runNode " + balancer).containsSubsequence(
                "createContainer " + balancer,
                "writeFile " + balancer + " /kind/haproxy.cfg",
                "startNode " + balancer,
                "writeFile " + balancer + " /kind/haproxy.cfg.next",
                "exec " + balancer + " haproxy -c -q -f /kind/haproxy.cfg.next",
                "exec " + balancer + " mv /kind/haproxy.cfg.next /kind/haproxy.cfg",
                "exec " + balancer + " kill -USR2 1");
        assertThat(provider.calls.indexOf("exec " + balancer + " kill -USR2 1"))
                .isLessThan(indexOfFirst(call -> call.contains("kubeadm init")));
        assertThat(provider.nodes.get(balancer).entrypoint()).startsWith("haproxy", "-W");
        assertThat(provider.files.get(balancer + ":/kind/haproxy.cfg.next"))
                .contains("server ha-control-plane ha-control-plane:6443",
                        "server ha-control-plane2 ha-control-plane2:6443")
                .doesNotContain("ha-worker");
    }

    @Test
    void aLoadBalancerWhoseHaproxyDidNotStartIsNamedWithWhereToLook() {
        provider.images.add(TestConfigs.IMAGE);
        provider.images.add(LoadBalancerImage.REFERENCE);
        provider.exitOnStart.add("ha-external-load-balancer");

        assertThatThrownBy(() -> clusters.create(cluster("ha", null, node("control-plane", null),
                node("control-plane", null)), options))
                .isInstanceOf(KubicleException.class)
                .hasMessage("the load balancer ha-external-load-balancer is not running: haproxy did not start; "
                        + "see 'docker logs ha-external-load-balancer'");
    }

    @Test
    void containerdIsConfiguredAfterBootAndBeforeKubeadmOnlyWhenTheConfigPatchesIt() {
        Cluster plain = cluster("dev", null, node("control-plane", null));

        assertThat(titles(plain)).noneMatch(title -> title.startsWith("Configuring containerd"));
        assertThat(titles(TestConfigs.withContainerdPatch(plain, "a = 1"))).containsSubsequence(
                "Starting systemd and containerd 🐳", "Configuring containerd 🔧", "Writing configuration 📜");
    }

    @Test
    void workersJoinWhileTheManifestsAreAppliedButControlPlanesJoinAfterThem() {
        assertThat(titles(cluster("dev", null, node("control-plane", null), node("worker", null))))
                .contains("Installing CNI 🔌 and StorageClass 💾 and joining worker nodes 🚜")
                .noneMatch(title -> title.startsWith("Joining"));
        assertThat(titles(cluster("ha", null, node("control-plane", null), node("control-plane", null),
                node("worker", null)))).containsSubsequence("Installing CNI 🔌 and StorageClass 💾",
                "Joining more control-plane nodes and worker nodes 🎮🚜");
        assertThat(titles(cluster("dev", null, node("control-plane", null))))
                .contains("Installing CNI 🔌 and StorageClass 💾").noneMatch(title -> title.contains("oining"));
    }

    @Test
    void failedCreateRemovesNodesVolumesAndNetwork() {
        provider.images.add(TestConfigs.IMAGE);
        provider.execAnswer = request -> new ExecResult(1, "", "systemd: starting");

        assertThatThrownBy(() -> clusters.create(cluster("dev", null, node("control-plane", null)), options))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("did not finish booting");

        assertThat(provider.nodes).isEmpty();
        assertThat(provider.volumes).isEmpty();
        assertThat(provider.networks).isEmpty();
    }

    @Test
    void failedCreateKeepsEverythingWhenRetained() {
        provider.images.add(TestConfigs.IMAGE);
        provider.execAnswer = request -> new ExecResult(1, "", "");

        assertThatThrownBy(() -> clusters.create(cluster("dev", null, node("control-plane", null)),
                options.withRetain(true))).isInstanceOf(KubicleException.class);

        assertThat(provider.nodes).containsKey("dev-control-plane");
        assertThat(provider.networks).containsKey("kubicle-dev");
    }

    @Test
    void aCreateWhoseEngineRestartsWaitsForItToComeBackAndRemovesWhatItMade() {
        provider.images.add(TestConfigs.IMAGE);
        provider.execAnswer = request -> {
            if (String.join(" ", request.command()).contains("kubeadm init")) {
                // Away for longer than the passes that settle a deletion take.
                provider.engineAwayListings.set(11);
                throw new EngineLostException("lost the engine", null);
            }
            return NodeAnswers.of(request);
        };

        assertThatThrownBy(() -> clusters.create(cluster("dev", null, node("control-plane", null)), options))
                .isInstanceOf(EngineLostException.class);

        assertThat(provider.engineAwayListings).hasValue(0);
        assertThat(provider.nodes).isEmpty();
        assertThat(provider.volumes).isEmpty();
        assertThat(provider.networks).isEmpty();
    }

    @Test
    void aCtrlCThatArrivesJustAfterTheKubeconfigWasWrittenTakesTheClustersEntriesOutAgain() {
        provider.images.add(TestConfigs.IMAGE);
        ClusterPlan plan = ClusterPlanner.plan(cluster("dev", null, node("control-plane", null)));
        List<Action<ActionContext>> steps = new ArrayList<>(clusters.createPipeline(plan, options).actions());
        steps.add(new Action<>() {
            @Override
            public String title() {
                return "Ctrl-C";
            }

            @Override
            public void execute(ActionContext context) {
                Thread.currentThread().interrupt();
            }
        });
        ClusterCreator creator = new ClusterCreator(provider, Progress.silent(), new KubeconfigFiles(null, home));

        assertThatThrownBy(() -> creator.create(plan, new Pipeline<>(steps), false))
                .isInstanceOf(KubicleException.class)
                .satisfies(e -> assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.INTERRUPTED));
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();

        assertThat(steps.get(steps.size() - 2).title()).startsWith("Exporting kubeconfig");
        assertThat(home.resolve(".kube/config")).content().doesNotContain("kubicle-dev");
        assertThat(provider.nodes).isEmpty();
        assertThat(provider.networks).isEmpty();
    }

    @Test
    void aKubeconfigThatIsNotOneFailsTheCreateBeforeAnythingIsMadeAndStaysAsItWas() throws IOException {
        provider.images.add(TestConfigs.IMAGE);
        Path file = home.resolve(".kube/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "clusters: [unclosed\n");

        assertThatThrownBy(() -> clusters.create(cluster("dev", null, node("control-plane", null)), options))
                .isInstanceOf(KubicleException.class)
                .hasMessageStartingWith(file + ": not a valid kubeconfig")
                .satisfies(e -> assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));

        assertThat(provider.calls).isEmpty();
        assertThat(file).hasContent("clusters: [unclosed\n");
    }

    @Test
    void refusesAClusterNameThatExistsAndTouchesNothing() {
        provider.images.add(TestConfigs.IMAGE);
        clusters.create(cluster("dev", null, node("control-plane", null)), options);
        provider.calls.clear();

        assertThatThrownBy(() -> clusters.create(cluster("dev", null, node("control-plane", null)), options))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("already exists")
                .satisfies(e -> assertThat(((KubicleException) e).exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
        assertThat(provider.calls).isEmpty();
    }

    @Test
    void missingImageThatCannotBeBuiltIsPulledAndFailsBeforeAnyContainerIsMadeWhenNoRegistryAnswers() {
        assertThatThrownBy(() -> clusters.create(cluster("dev", null, node("control-plane", null)), options))
                .isInstanceOf(KubicleException.class)
                .hasMessageContaining("kubicle/node:test is not on the engine and cannot be pulled");

        assertThat(provider.calls).contains("pullImage kubicle/node:test");
        assertThat(provider.calls).noneMatch(call -> call.startsWith("runNode"));
        assertThat(provider.networks).as("the network that claimed the name is gone again").isEmpty();
    }

    @Test
    void missingImageIsBuiltWhenABuilderKnowsIt() {
        RecordingImageBuilder builder = new RecordingImageBuilder(provider);
        Clusters withBuilder = new Clusters(provider, Progress.silent(), builder, new KubeconfigFiles(null, home));

        withBuilder.create(cluster("dev", null, node("control-plane", null)), options);

        assertThat(builder.built).containsExactly(TestConfigs.IMAGE);
    }

    @Test
    void deleteOfAnUnknownClusterReportsNothingFound() {
        assertThat(clusters.delete("nope")).isFalse();
    }

    private static final class RecordingImageBuilder implements NodeImageBuilder {
        final java.util.List<String> built = new java.util.ArrayList<>();
        private final RecordingProvider provider;

        RecordingImageBuilder(RecordingProvider provider) {
            this.provider = provider;
        }

        @Override
        public boolean canBuild(String reference) {
            return true;
        }

        @Override
        public void build(String reference, dev.kubicle.provider.Provider target, Progress progress) {
            built.add(reference);
            provider.images.add(reference);
        }
    }

    private int indexOfFirst(Predicate<String> call) {
        return provider.calls.indexOf(provider.calls.stream().filter(call).findFirst().orElseThrow());
    }

    private List<String> titles(Cluster config) {
        return clusters.createPipeline(ClusterPlanner.plan(config), options).actions().stream()
                .map(Action::title)
                .toList();
    }
}
