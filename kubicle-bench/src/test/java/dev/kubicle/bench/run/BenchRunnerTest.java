package dev.kubicle.bench.run;

import dev.kubicle.bench.results.BenchResults;
import dev.kubicle.bench.results.BenchSettings;
import dev.kubicle.bench.results.MachineFacts;
import dev.kubicle.bench.results.NodeUsage;
import dev.kubicle.bench.results.Sample;
import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.StepTime;
import dev.kubicle.bench.results.Tool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner against two scripted stand-ins for kind and kubicle (real processes that print kind's progress lines
 * and keep their clusters as files) and a kubectl that reads the node list they write into the kubeconfig.
 */
class BenchRunnerTest {
    private static final String FAKE_TOOL = """
            #!/bin/sh
            # $1 create|delete|version; create: cluster --config C --name N --image I; delete: cluster --name N
            case "$1" in create) name=$6 ;; delete) name=$4 ;; *) name= ;; esac
            echo "$TOOL $1 $name" >> "$CALLS"
            case "$1" in
              version) echo "$TOOL v0.0.0"; exit 0 ;;
              create)
                config=$4
                echo " • Preparing nodes 📦  ..." >&2
                sleep 0.1
                if [ "$name:$(grep -c "^$TOOL create $name\\$" "$CALLS")" = "$FAIL_CREATE" ]; then
                  echo " ✗ Preparing nodes 📦" >&2; echo "ERROR: node did not boot" >&2; exit 3
                fi
                echo " ✓ Preparing nodes 📦" >&2
                touch "$STATE/$name"
                : > "$KUBECONFIG"
                for role in $(grep -o 'role: [a-z-]*' "$config" | cut -d' ' -f2); do
                  echo "$name-$role-$(wc -l < "$KUBECONFIG") True" >> "$KUBECONFIG"
                done ;;
              delete) rm -f "$STATE/$name" ;;
            esac
            """;

    @TempDir
    Path directory;
    private Path calls;
    private Path state;
    private Path oneNode;
    private Path threeNodes;
    private Path kubectl;
    private final List<BenchResults> written = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void scriptedTools() throws IOException {
        calls = Files.createFile(directory.resolve("calls"));
        state = Files.createDirectory(directory.resolve("state"));
        oneNode = Files.writeString(directory.resolve("one.yaml"), "nodes:\n- role: control-plane\n");
        threeNodes = Files.writeString(directory.resolve("three.yaml"),
                "nodes:\n- role: control-plane\n- role: worker\n- role: worker\n");
        kubectl = executable("kubectl", "#!/bin/sh\ncat \"$2\"\n");
        executable("tool", FAKE_TOOL);
    }

    private Path executable(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private ToolUnderTest tool(Tool tool, String failCreate) {
        return new ToolUnderTest(tool, directory.resolve("tool"), "node:v1", Map.of("TOOL", tool.id(),
                "CALLS", calls.toString(), "STATE", state.toString(), "FAIL_CREATE", failCreate), "cluster", "role");
    }

    private BenchResults run(String kubicleFailsCreate, NodeObserver observer) {
        List<ToolUnderTest> tools = List.of(tool(Tool.KIND, ""), tool(Tool.KUBICLE, kubicleFailsCreate));
        BenchSettings settings = new BenchSettings(2, 1, 2, 1, 0, 0.05, "one.yaml", "three.yaml");
        CommandRunner runner = new CommandRunner(directory.resolve("logs"));
        BenchPlan plan = new BenchPlan(tools, oneNode, threeNodes, settings, directory, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        ReadinessWaiter readiness = new ReadinessWaiter(runner, kubectl.toString(), Duration.ofMillis(50),
                Duration.ofSeconds(5));
        BenchCleanup cleanup = new BenchCleanup(runner, observer, directory.resolve("cleanup.kubeconfig"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        BenchResults start = new BenchResults(1, "now", null, settings, (MachineFacts) null, List.of());
        return new BenchRunner(plan, runner, readiness, observer, cleanup, written::add,
                new PrintStream(log, true, StandardCharsets.UTF_8)).run(start);
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(calls).stream().filter(line -> !line.contains(" version ")).toList();
    }

    @Test
    void toolsAlternateAndTheFirstToolSwapsEveryRound() throws IOException {
        run("", new StateObserver());

        List<String> kindFirst = List.of(
                "kind create bench-kind-1", "kind delete bench-kind-1",
                "kubicle create bench-kubicle-1", "kubicle delete bench-kubicle-1",
                "kind create bench-kind-3", "kind delete bench-kind-3",
                "kubicle create bench-kubicle-3", "kubicle delete bench-kubicle-3");
        List<String> kubicleFirst = List.of(
                "kubicle create bench-kubicle-1", "kubicle delete bench-kubicle-1",
                "kind create bench-kind-1", "kind delete bench-kind-1",
                "kubicle create bench-kubicle-3", "kubicle delete bench-kubicle-3",
                "kind create bench-kind-3", "kind delete bench-kind-3");
        List<String> expected = new ArrayList<>(kindFirst);
        expected.addAll(kubicleFirst);
        expected.addAll(kindFirst);
        assertThat(calls()).containsExactlyElementsOf(expected);
    }

    @Test
    void createsAreTimedUntilTheNodesAreReadyWithTheirStepsAndVersionRunsAreSamplesOfTheirOwn() {
        BenchResults results = run("", new StateObserver());

        // Per round and tool: create and delete of 1 and of 3 nodes, 2 version runs; idle in measured rounds only.
        assertThat(results.samples()).hasSize(3 * 2 * 6 + 2 * 2);
        assertThat(results.samples()).allMatch(Sample::ok);
        assertThat(results.samples()).filteredOn(Sample::warmup).hasSize(2 * 6);
        assertThat(results.samples()).filteredOn(s -> s.scenario() == Scenario.IDLE_THREE)
                .extracting(Sample::round).containsExactlyInAnyOrder(1, 1, 2, 2);
        Sample create = results.samples().stream().filter(s -> s.scenario() == Scenario.CREATE_THREE)
                .findFirst().orElseThrow();
        assertThat(create.steps()).extracting(StepTime::name).containsExactly("Preparing nodes");
        assertThat(create.steps().get(0).seconds()).isGreaterThanOrEqualTo(0.09);
        assertThat(create.seconds()).isGreaterThan(create.createReturned());
        Sample idle = results.samples().stream().filter(s -> s.scenario() == Scenario.IDLE_THREE)
                .findFirst().orElseThrow();
        assertThat(idle.nodes()).hasSize(3);
        assertThat(idle.hostCpuSeconds()).isEqualTo(1.5);
    }

    @Test
    void everySampleIsWrittenAsSoonAsItIsTaken() {
        BenchResults results = run("", new StateObserver());

        assertThat(written).hasSize(results.samples().size());
        assertThat(written.get(0).samples()).hasSize(1);
    }

    @Test
    void aFailedCreateIsAFailedSampleAndItsClusterIsStillDeleted() throws IOException {
        BenchResults results = run("bench-kubicle-3:2", new StateObserver());

        Sample failed = results.samples().stream().filter(s -> !s.ok() && s.scenario() == Scenario.CREATE_THREE)
                .findFirst().orElseThrow();
        assertThat(failed.tool()).isEqualTo(Tool.KUBICLE);
        assertThat(failed.round()).isEqualTo(1);
        assertThat(failed.error()).contains("exited with 3").contains("ERROR: node did not boot");
        assertThat(failed.steps()).extracting(StepTime::name).containsExactly("Preparing nodes");
        Sample delete = results.samples().get(results.samples().indexOf(failed) + 1);
        assertThat(delete.scenario()).isEqualTo(Scenario.DELETE_THREE);
        assertThat(delete.ok()).isFalse();
        assertThat(delete.error()).startsWith("not measured");
        assertThat(results.samples()).filteredOn(s -> s.scenario() == Scenario.IDLE_THREE && s.round() == 1)
                .extracting(Sample::tool).containsExactly(Tool.KIND);
        assertThat(Files.readAllLines(calls)).filteredOn(line -> line.equals("kubicle delete bench-kubicle-3"))
                .hasSize(3);
    }

    @Test
    void aFailedIdleMeasurementIsAFailedSampleAndTheClusterIsDeleted() throws IOException {
        StateObserver observer = new StateObserver() {
            @Override
            public IdleMeasurement idle(List<NodeContainer> nodes, Duration window) {
                throw new UncheckedIOException(new IOException("cannot read cpuacct.usage"));
            }
        };

        BenchResults results = run("", observer);

        assertThat(results.samples()).filteredOn(s -> s.scenario() == Scenario.IDLE_THREE)
                .allSatisfy(s -> assertThat(s.error()).contains("cannot read cpuacct.usage"));
        assertThat(state).isEmptyDirectory();
    }

    @Test
    void clustersLeftBehindAreSweptAtTheEnd() throws IOException {
        Files.createFile(state.resolve("bench-kind-1"));
        Files.createFile(state.resolve("someone-elses"));
        StateObserver observer = new StateObserver();
        ToolUnderTest kind = tool(Tool.KIND, "");
        BenchCleanup cleanup = new BenchCleanup(new CommandRunner(directory.resolve("logs")), observer,
                directory.resolve("k"), new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(cleanup.sweep(List.of(kind))).isTrue();

        assertThat(state.resolve("bench-kind-1")).doesNotExist();
        assertThat(state.resolve("someone-elses")).exists();
    }

    /** Sees the scripted tools' clusters as files; each has three nodes that used a fixed amount. */
    private class StateObserver implements NodeObserver {
        @Override
        public List<NodeContainer> nodes(ToolUnderTest tool, String cluster) {
            if (!Files.exists(state.resolve(cluster))) {
                return List.of();
            }
            return List.of(new NodeContainer("1", cluster + "-control-plane", "control-plane"),
                    new NodeContainer("2", cluster + "-worker", "worker"),
                    new NodeContainer("3", cluster + "-worker2", "worker"));
        }

        @Override
        public List<String> clusters(ToolUnderTest tool, String prefix) {
            try (Stream<Path> files = Files.list(state)) {
                return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(prefix))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public IdleMeasurement idle(List<NodeContainer> nodes, Duration window) {
            return new IdleMeasurement(window.toMillis() / 1000.0, nodes.stream()
                    .map(node -> new NodeUsage(node.name(), node.role(), 0.5, 100, 50, "docker/" + node.id()))
                    .toList(), 1.5);
        }
    }
}
