package dev.kubicle.nodeimage;

import dev.kubicle.config.ConfigDefaults;
import dev.kubicle.progress.ConsoleProgress;
import dev.kubicle.progress.Verbosity;
import dev.kubicle.provider.ExecRequest;
import dev.kubicle.provider.ExecResult;
import dev.kubicle.provider.NodeSpec;
import dev.kubicle.provider.docker.DockerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kubicle build node-image} for the default Kubernetes version against the real engine, then a node from
 * the image run as kubicle runs nodes. The image is kubicle's default one, so that the tests after this one find
 * it; with the components cached the build takes under a minute, on a fresh machine some twenty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeImageIT {
    private static final String VERSION = ConfigDefaults.DEFAULT_KUBERNETES_VERSION;
    private static final String IMAGE = ConfigDefaults.DEFAULT_NODE_IMAGE;
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(2);

    private final String run = "ni-it-" + UUID.randomUUID().toString().substring(0, 6);
    private DockerProvider provider;
    private KubernetesNodeImageBuilder builder;

    @BeforeAll
    void connect() {
        provider = DockerProvider.connect();
        builder = new KubernetesNodeImageBuilder(provider, new ConsoleProgress(System.err, Verbosity.NORMAL, false));
    }

    @AfterAll
    void deleteTheNode() {
        if (provider != null) {
            provider.deleteNode(run);
            provider.deleteVolume(run + "-var");
            provider.close();
        }
    }

    @Test
    @Order(1)
    void buildsTheDefaultImageLabelledWithItsVersionAndInputs() {
        builder.build(VERSION, IMAGE);

        Map<String, String> labels = provider.imageLabels(IMAGE).orElseThrow();
        assertThat(labels).containsEntry("dev.kubicle.image", "node")
                .containsEntry("dev.kubicle.kubernetes-version", VERSION)
                .containsKey("dev.kubicle.recipe");
        // Only this process's: another build on the same engine may be under way.
        assertThat(provider.nodeNames(Map.of()))
                .noneMatch(name -> name.startsWith(BuildContainer.namePrefix(ProcessHandle.current().pid())));
    }

    @Test
    @Order(2)
    void theNextBuildDeletesTheBuildContainerOfABuilderThatWasKilled() throws Exception {
        Process killed = new ProcessBuilder("true").start();
        killed.waitFor();
        String orphan = BuildContainer.namePrefix(killed.pid()) + "orphan";
        String live = BuildContainer.namePrefix(ProcessHandle.current().pid()) + run;
        String baseImage = BaseImageBuilder.of(provider, line -> { }).ensure();
        for (String name : List.of(orphan, live)) {
            provider.runNode(new NodeSpec(name, baseImage, Map.of(), "none", Optional.empty(),
                    "", List.of(), List.of(), Map.of(), List.of("sleep", "infinity")));
        }
        try {
            builder.build(VERSION, IMAGE);

            assertThat(provider.nodeNames(Map.of())).doesNotContain(orphan).contains(live);
        } finally {
            provider.deleteNode(orphan);
            provider.deleteNode(live);
        }
    }

    @Test
    @Order(3)
    void rebuildingWithNothingChangedIsSkippedWithinAMinute() {
        long start = System.nanoTime();

        boolean built = builder.build(VERSION, IMAGE);

        assertThat(built).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    @Order(4)
    void aNodeFromTheImageBootsSystemdAndContainerd() throws InterruptedException {
        provider.runNode(new NodeSpec(run, IMAGE, Map.of("dev.kubicle.test", run), "bridge", Optional.empty(),
                run + "-var", List.of(), List.of(), Map.of()));

        String state = "";
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (!state.equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            state = exec("systemctl", "is-system-running").stdout().strip();
        }
        assertThat(state).as(exec("systemctl", "--failed", "--no-legend").stdout()).isEqualTo("running");
        assertThat(exec("ctr", "version").ok()).isTrue();
    }

    @Test
    @Order(5)
    void containerdHoldsEveryImageKubeadmListsForTheVersion() {
        List<String> wanted = lines(exec("kubeadm", "config", "images", "list", "--kubernetes-version", VERSION));
        List<String> present = lines(exec("ctr", "-n", "k8s.io", "images", "ls", "-q"));

        assertThat(wanted).hasSizeGreaterThanOrEqualTo(7);
        assertThat(present).containsAll(wanted)
                .contains("docker.io/kubicle/busybox:v1", "docker.io/kubicle/cni:v1")
                .anyMatch(image -> image.startsWith("docker.io/kubicle/local-path-provisioner:"));
        assertThat(exec("grep", "sandbox_image", "/etc/containerd/config.toml").stdout())
                .contains(wanted.stream().filter(image -> image.contains("/pause:")).findFirst().orElseThrow());
    }

    @Test
    @Order(6)
    void kubeletAndKubeadmReportTheVersionAndKindsFilesAreThere() {
        assertThat(exec("kubelet", "--version").stdout().strip()).isEqualTo("Kubernetes " + VERSION);
        assertThat(exec("kubeadm", "version", "-o", "short").stdout().strip()).isEqualTo(VERSION);
        assertThat(exec("kubectl", "version", "--client").stdout()).contains(VERSION);
        assertThat(exec("cat", "/kind/version").stdout()).isEqualTo(VERSION + "\n");
        assertThat(lines(exec("cat", "/kind/images")))
                .containsAll(lines(exec("kubeadm", "config", "images", "list", "--kubernetes-version", VERSION)));
        assertThat(exec("test", "-s", "/kind/manifests/default-cni.yaml").ok()).isTrue();
        assertThat(exec("test", "-s", "/kind/manifests/default-storage.yaml").ok()).isTrue();
        assertThat(exec("systemctl", "is-enabled", "kubelet").stdout().strip()).isEqualTo("enabled");
    }

    @Test
    @Order(7)
    void preloadedImagesUnpackOnFirstUseAndRun() {
        ExecResult etcd = exec("ctr", "-n", "k8s.io", "run", "--rm", imageNamed("/etcd:"), run + "-etcd",
                "etcd", "--version");
        // kube-proxy's iptables go through the wrapper to the node's backend, with the libraries they need.
        ExecResult iptables = exec("ctr", "-n", "k8s.io", "run", "--rm", "--net-host", "--cap-add", "CAP_NET_ADMIN",
                imageNamed("/kube-proxy:"), run + "-proxy", "iptables", "-t", "nat", "-S", "POSTROUTING");

        assertThat(etcd.stdout()).as(etcd.stderr()).contains("etcd Version: ");
        assertThat(iptables.stdout()).as(iptables.stderr()).contains("-P POSTROUTING ACCEPT");
    }

    /**
     * On cgroup v1 systemd removes a slice's cgroups, with their empty children, in each hierarchy it manages and
     * the slice has no setting for, whenever the slice changes. The kubelet changes its QoS slices while runc makes
     * pod cgroups under them, and the devices hierarchy is one no slice has a setting for: the node leaves it to
     * runc, so a cgroup made there outlives a change to its slice.
     */
    @Test
    @Order(8)
    void aChangeToASliceLeavesTheDevicesCgroupsUnderIt() {
        assumeTrue(exec("test", "-d", "/sys/fs/cgroup/devices").ok(), "cgroup v1 only");
        // Two levels down, so that no sibling's device settings reach it: as the kubelet's QoS slices on a new node.
        String slice = "kubicletest-qos-pod.slice";
        assertThat(exec("systemctl", "start", slice).ok()).isTrue();
        String child = "/sys/fs/cgroup/devices"
                + exec("systemctl", "show", "-p", "ControlGroup", "--value", slice).stdout().strip() + "/pod-child";
        try {
            // As runc makes a pod's cgroup: with any parents systemd has not made.
            ExecResult made = exec("mkdir", "-p", child);
            assertThat(made.ok()).as(made.stderr()).isTrue();

            ExecResult change = exec("systemctl", "set-property", "--runtime", slice, "CPUShares=5");

            assertThat(change.ok()).as(change.stderr()).isTrue();
            assertThat(exec("test", "-d", child).ok()).as(child + " after the change").isTrue();
            assertThat(exec("test", "-e", "/run/kubicle/boot-only-mounts").ok()).as("boot-only mounts left")
                    .isFalse();
        } finally {
            // The node outlives this test within the class: the next test sees no slice of this one's.
            exec("rmdir", child);
            exec("systemctl", "stop", slice);
        }
    }

    private String imageNamed(String part) {
        return lines(exec("kubeadm", "config", "images", "list", "--kubernetes-version", VERSION)).stream()
                .filter(image -> image.contains(part)).findFirst().orElseThrow();
    }

    private ExecResult exec(String... command) {
        return provider.exec(run, ExecRequest.of(command));
    }

    private static List<String> lines(ExecResult result) {
        assertThat(result.ok()).as(result.stderr()).isTrue();
        return result.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
