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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner against two scripted stand-ins for kind and kubicle (real processes that print kind's progress lines
 * and keep their clusters as files), the same script as the docker that stops and starts kind's nodes, and a
 * kubectl that prints the node list they write into the kubeconfig.
 */
class BenchRunnerTest {
    private static final String FAKE_TOOL = """
            #!/bin/sh
            # A cluster is the file $STATE/<name>, a line "<node> <role> running|exited" per node; its kubeconfig is
            # what the fake kubectl prints, a line "<node> True <heartbeat>" per node.
            #   create cluster --config C --name N --image I | delete cluster --name N | version
            #   stop cluster --name N | start cluster --name N | create node --name N | delete node NODE --name N
            #   create snapshot S --name N | restore snapshot S | delete snapshot S
            #   stop NODE... | start NODE...     (as docker, control plane first, for kind's nodes)
            case "$1 $2" in
              "create cluster") name=$6; what=cluster ;;
              "create snapshot") name=$5; what=snapshot ;;
              "restore snapshot"|"delete snapshot") name=$(cat "$STATE/snapshot.$3"); what=snapshot ;;
              "delete node") name=$5; what="node $3" ;;
              "delete cluster"|"stop cluster"|"start cluster"|"create node") name=$4; what=$2 ;;
              "stop "*|"start "*) name=${2%-control-plane*}; what=containers ;;
              *) name=; what= ;;
            esac
            echo "$TOOL $1 $what $name" >> "$CALLS"
            state="$STATE/$name"
            # Every node of the cluster Ready, as its kubelet reported $1 seconds from now.
            ready() {
              stamp=$(date -u -d "@$(( $(date +%s) + $1 ))" +%Y-%m-%dT%H:%M:%SZ)
              awk -v stamp="$stamp" '{ print $1, "True", stamp }' "$state" > "$KUBECONFIG"
            }
            case "$1 $2" in
              "version ") echo "$TOOL v0.0.0" ;;
              "create cluster")
                echo " • Preparing nodes 📦  ..." >&2
                sleep 0.1
                if [ "$name:$(grep -c "^$TOOL create cluster $name\\$" "$CALLS")" = "$FAIL_CREATE" ]; then
                  echo " ✗ Preparing nodes 📦" >&2; echo "ERROR: node did not boot" >&2; exit 3
                fi
                echo " ✓ Preparing nodes 📦" >&2
                : > "$state"
                for role in $(grep -o 'role: [a-z-]*' "$4" | cut -d' ' -f2); do
                  echo "$name-$role-$(wc -l < "$state") $role running" >> "$state"
                done
                ready 0 ;;
              "delete cluster") rm -f "$state" ;;
              "create node")
                if [ -n "$OLD_KUBICLE" ]; then echo "Unmatched argument at index 1: 'node'" >&2; exit 2; fi
                echo "$name-worker-$(wc -l < "$state") worker running" >> "$state"
                ready 0 ;;
              "delete node") sed -i "/^$3 /d" "$state"; ready 0 ;;
              "create snapshot") echo "$name" > "$STATE/snapshot.$3" ;;
              "restore snapshot") sed -i 's/ exited$/ running/' "$state"; ready 1 ;;
              "delete snapshot") rm "$STATE/snapshot.$3" ;;
              "stop "*) sed -i 's/ running$/ exited/' "$state" ;;
              # Until ready runs, the kubeconfig keeps the nodes' Ready from before the stop, as the API server does.
              # kubicle's start returns when its nodes are Ready; docker's returns before their kubelets run.
              "start cluster") sed -i 's/ exited$/ running/' "$state"; ready 1 ;;
              "start "*)
                sed -i 's/ exited$/ running/' "$state"
                if [ "$name" != "$NO_COMEBACK" ]; then (sleep 0.2; ready 1) > /dev/null 2>&1 & fi ;;
            esac
            """;

    @TempDir
    Path directory;
    private Path calls;
    private Path state;
    private Path oneNode;
    private Path threeNodes;
    private Path kubectl;
    /** What each stand-in is told to do besides working: variables of the script above. */
    private final Map<Tool, Map<String, String>> behaviour = new EnumMap<>(Map.of(Tool.KIND, new HashMap<>(),
            Tool.KUBICLE, new HashMap<>()));
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

    private ToolUnderTest tool(Tool tool) {
        Map<String, String> environment = new HashMap<>(behaviour.get(tool));
        environment.putAll(Map.of("TOOL", tool.id(), "CALLS", calls.toString(), "STATE", state.toString()));
        String script = directory.resolve("tool").toString();
        return new ToolUnderTest(tool, Path.of(script), "node:v1", environment, "cluster", "role", script);
    }

    private BenchResults run(NodeObserver observer) {
        return run(observer, false);
    }

    private BenchResults run(NodeObserver observer, boolean snapshotsOnly) {
        List<ToolUnderTest> tools = List.of(tool(Tool.KIND), tool(Tool.KUBICLE));
        BenchSettings settings = new BenchSettings(2, 1, 2, 1, 0, 0, 0.05, 2, "one.yaml", "three.yaml");
        CommandRunner runner = new CommandRunner(directory.resolve("logs"));
        BenchPlan plan = new BenchPlan(tools, oneNode, threeNodes, settings, directory, Duration.ofSeconds(20),
                Duration.ofSeconds(20), snapshotsOnly);
        ReadinessWaiter readiness = new ReadinessWaiter(runner, kubectl.toString(), Duration.ofMillis(50),
                Duration.ofSeconds(5));
        BenchCleanup cleanup = new BenchCleanup(runner, observer, directory.resolve("cleanup.kubeconfig"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        BenchResults start = new BenchResults(2, "now", null, settings, (MachineFacts) null, List.of());
        return new BenchRunner(plan, runner, readiness, observer, cleanup, written::add,
                new PrintStream(log, true, StandardCharsets.UTF_8)).run(start);
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(calls).stream().filter(line -> !line.contains(" version ")).toList();
    }

    private static List<Sample> of(BenchResults results, Tool tool, Scenario scenario) {
        return results.samples().stream().filter(s -> s.tool() == tool && s.scenario() == scenario).toList();
    }

    @Test
    void toolsAlternateAndTheFirstToolSwapsEveryRound() throws IOException {
        run(new StateObserver());

        List<String> kindOne = List.of("kind create cluster bench-kind-1", "kind stop containers bench-kind-1",
                "kind start containers bench-kind-1", "kind delete cluster bench-kind-1");
        List<String> kubicleOne = List.of("kubicle create cluster bench-kubicle-1",
                "kubicle stop cluster bench-kubicle-1", "kubicle start cluster bench-kubicle-1",
                "kubicle delete cluster bench-kubicle-1");
        List<String> kindThree = List.of("kind create cluster bench-kind-3", "kind stop containers bench-kind-3",
                "kind start containers bench-kind-3", "kind delete cluster bench-kind-3");
        List<String> kubicleThree = List.of("kubicle create cluster bench-kubicle-3",
                "kubicle create node bench-kubicle-3", "kubicle delete node bench-kubicle-3-worker-3 bench-kubicle-3",
                "kubicle stop cluster bench-kubicle-3", "kubicle start cluster bench-kubicle-3",
                "kubicle stop cluster bench-kubicle-3", "kubicle create snapshot bench-kubicle-3",
                "kubicle restore snapshot bench-kubicle-3", "kubicle delete snapshot bench-kubicle-3",
                "kubicle delete cluster bench-kubicle-3");
        List<String> expected = new ArrayList<>();
        for (List<List<String>> round : List.of(List.of(kindOne, kubicleOne, kindThree, kubicleThree),
                List.of(kubicleOne, kindOne, kubicleThree, kindThree),
                List.of(kindOne, kubicleOne, kindThree, kubicleThree))) {
            round.forEach(expected::addAll);
        }
        assertThat(calls()).containsExactlyElementsOf(expected);
    }

    @Test
    void createsAreTimedUntilTheNodesAreReadyWithTheirStepsAndVersionRunsAreSamplesOfTheirOwn() {
        BenchResults results = run(new StateObserver());

        // Per round: both tools create, stop, start and delete both clusters and run version twice; kubicle also
        // adds and deletes a node and saves and restores a snapshot, kind has no samples of those; idle in measured
        // rounds only.
        assertThat(results.samples()).hasSize(3 * (2 * 10 + 2 + 2) + 2 * 2);
        assertThat(results.samples()).allMatch(Sample::ok);
        assertThat(results.samples()).filteredOn(Sample::warmup).hasSize(2 * 10 + 2 + 2);
        assertThat(results.samples()).filteredOn(s -> s.scenario() == Scenario.IDLE_THREE)
                .extracting(Sample::round).containsExactlyInAnyOrder(1, 1, 2, 2);
        assertThat(of(results, Tool.KIND, Scenario.CREATE_NODE)).isEmpty();
        Sample create = of(results, Tool.KIND, Scenario.CREATE_THREE).get(0);
        assertThat(create.steps()).extracting(StepTime::name).containsExactly("Preparing nodes");
        assertThat(create.steps().get(0).seconds()).isGreaterThanOrEqualTo(0.09);
        assertThat(create.seconds()).isGreaterThan(create.returned());
        Sample idle = of(results, Tool.KIND, Scenario.IDLE_THREE).get(0);
        assertThat(idle.nodes()).hasSize(3);
        assertThat(idle.hostCpuSeconds()).isEqualTo(1.5);
    }

    @Test
    void aStartIsTimedUntilTheKubeletsHaveReportedSinceItBegan() {
        BenchResults results = run(new StateObserver());

        // docker start returns at once; the stand-in's kubelets report 0.2 s later, and until then the
        // kubeconfig says Ready from before the stop.
        assertThat(of(results, Tool.KIND, Scenario.START_THREE)).hasSize(3).allSatisfy(start -> {
            assertThat(start.ok()).isTrue();
            assertThat(start.seconds()).isGreaterThanOrEqualTo(start.returned() + 0.15);
        });
        assertThat(of(results, Tool.KUBICLE, Scenario.START_ONE)).hasSize(3).allMatch(Sample::ok);
    }

    @Test
    void aClusterThatIsNotReadyAgainInTimeDidNotComeBackAndIsStillDeleted() throws IOException {
        behaviour.get(Tool.KIND).put("NO_COMEBACK", "bench-kind-3");

        BenchResults results = run(new StateObserver());

        assertThat(of(results, Tool.KIND, Scenario.START_THREE)).hasSize(3).allSatisfy(start -> {
            assertThat(start.ok()).isFalse();
            assertThat(start.error()).startsWith("not all 3 nodes Ready again within 2 s of the start")
                    .contains("bench-kind-3-control-plane-0 True");
            assertThat(start.seconds()).isGreaterThanOrEqualTo(2.0);
        });
        assertThat(of(results, Tool.KIND, Scenario.START_ONE)).allMatch(Sample::ok);
        assertThat(of(results, Tool.KIND, Scenario.DELETE_THREE)).allMatch(Sample::ok);
        assertThat(state).isEmptyDirectory();
    }

    @Test
    void aStopThatLeavesNodesRunningFailsAndItsStartIsNotMeasured() {
        StateObserver observer = new StateObserver() {
            @Override
            public List<NodeContainer> nodes(ToolUnderTest tool, String cluster) {
                return super.nodes(tool, cluster).stream()
                        .map(node -> new NodeContainer(node.id(), node.name(), node.role(), true)).toList();
            }
        };

        BenchResults results = run(observer);

        assertThat(of(results, Tool.KUBICLE, Scenario.STOP_ONE)).allSatisfy(stop -> assertThat(stop.error())
                .isEqualTo("stop returned, but node containers still run: bench-kubicle-1-control-plane-0"));
        assertThat(of(results, Tool.KUBICLE, Scenario.START_ONE)).allSatisfy(start ->
                assertThat(start.error()).isEqualTo("not measured: the stop failed"));
    }

    @Test
    void anAddedWorkerIsTimedUntilAllFourNodesAreReadyAndDeletedByItsName() {
        BenchResults results = run(new StateObserver());

        assertThat(of(results, Tool.KUBICLE, Scenario.CREATE_NODE)).hasSize(3).allSatisfy(add -> {
            assertThat(add.ok()).isTrue();
            assertThat(add.seconds()).isGreaterThanOrEqualTo(add.returned());
        });
        assertThat(of(results, Tool.KUBICLE, Scenario.DELETE_NODE)).hasSize(3).allMatch(Sample::ok);
    }

    @Test
    void aKubicleWithoutNodeCommandsFailsThoseSamplesWithItsOwnErrorAndGoesOn() {
        behaviour.get(Tool.KUBICLE).put("OLD_KUBICLE", "yes");

        BenchResults results = run(new StateObserver());

        assertThat(of(results, Tool.KUBICLE, Scenario.CREATE_NODE)).hasSize(3).allSatisfy(add ->
                assertThat(add.error()).startsWith("exited with 2; Unmatched argument at index 1: 'node'"));
        assertThat(of(results, Tool.KUBICLE, Scenario.DELETE_NODE)).hasSize(3).allSatisfy(delete ->
                assertThat(delete.error()).isEqualTo("not measured: expected one new node container, found 0"));
        assertThat(of(results, Tool.KUBICLE, Scenario.START_THREE)).hasSize(3).allMatch(Sample::ok);
    }

    @Test
    void aRestoreIsTimedUntilTheKubeletsHaveReportedSinceItBeganAndTheSnapshotIsDeletedAfterIt() throws IOException {
        BenchResults results = run(new StateObserver());

        assertThat(of(results, Tool.KUBICLE, Scenario.SAVE_THREE)).hasSize(3).allMatch(Sample::ok);
        assertThat(of(results, Tool.KUBICLE, Scenario.RESTORE_THREE)).hasSize(3).allSatisfy(restore -> {
            assertThat(restore.ok()).isTrue();
            assertThat(restore.seconds()).isGreaterThanOrEqualTo(restore.returned());
        });
        assertThat(of(results, Tool.KIND, Scenario.RESTORE_THREE)).isEmpty();
        assertThat(state).isEmptyDirectory();
    }

    @Test
    void aRunOfSnapshotsOnlyCreatesSavesRestoresAndDeletesKubiclesThreeNodeClusterEachRound() throws IOException {
        BenchResults results = run(new StateObserver(), true);

        List<String> round = List.of("kubicle create cluster bench-kubicle-3", "kubicle stop cluster bench-kubicle-3",
                "kubicle create snapshot bench-kubicle-3", "kubicle restore snapshot bench-kubicle-3",
                "kubicle delete snapshot bench-kubicle-3", "kubicle delete cluster bench-kubicle-3");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.addAll(round);
        }
        assertThat(calls()).containsExactlyElementsOf(expected);
        assertThat(results.samples()).extracting(Sample::scenario).containsOnly(Scenario.CREATE_THREE,
                Scenario.SAVE_THREE, Scenario.RESTORE_THREE, Scenario.DELETE_THREE).hasSize(3 * 4);
        assertThat(results.samples()).allMatch(Sample::ok);
    }

    @Test
    void everySampleIsWrittenAsSoonAsItIsTaken() {
        BenchResults results = run(new StateObserver());

        assertThat(written).hasSize(results.samples().size());
        assertThat(written.get(0).samples()).hasSize(1);
    }

    @Test
    void aFailedCreateIsAFailedSampleAndItsClusterIsStillDeleted() throws IOException {
        behaviour.get(Tool.KUBICLE).put("FAIL_CREATE", "bench-kubicle-3:2");

        BenchResults results = run(new StateObserver());

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
        assertThat(Files.readAllLines(calls)).filteredOn(line -> line.equals("kubicle delete cluster bench-kubicle-3"))
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

        BenchResults results = run(observer);

        assertThat(results.samples()).filteredOn(s -> s.scenario() == Scenario.IDLE_THREE)
                .allSatisfy(s -> assertThat(s.error()).contains("cannot read cpuacct.usage"));
        assertThat(state).isEmptyDirectory();
    }

    @Test
    void clustersLeftBehindAreSweptAtTheEnd() throws IOException {
        Files.createFile(state.resolve("bench-kind-1"));
        Files.createFile(state.resolve("someone-elses"));
        StateObserver observer = new StateObserver();
        ToolUnderTest kind = tool(Tool.KIND);
        BenchCleanup cleanup = new BenchCleanup(new CommandRunner(directory.resolve("logs")), observer,
                directory.resolve("k"), new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(cleanup.sweep(List.of(kind))).isTrue();

        assertThat(state.resolve("bench-kind-1")).doesNotExist();
        assertThat(state.resolve("someone-elses")).exists();
    }

    /** Sees the scripted tools' clusters as their files, with a fixed amount used by each node. */
    private class StateObserver implements NodeObserver {
        @Override
        public List<NodeContainer> nodes(ToolUnderTest tool, String cluster) {
            Path file = state.resolve(cluster);
            if (!Files.exists(file)) {
                return List.of();
            }
            try {
                return Files.readAllLines(file).stream().map(line -> line.split(" "))
                        .map(fields -> new NodeContainer(fields[0], fields[0], fields[1], fields[2].equals("running")))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
