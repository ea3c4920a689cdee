package dev.kubicle.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kubicle.ExitCode;
import dev.kubicle.config.ConfigMutations.Mutant;
import dev.kubicle.config.GeneratedYaml.Style;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Thousands of generated configs through the loading path of the CLI ({@link ConfigFiles#load}: read, decode,
 * default, validate). A valid config must load, to the same cluster in every style it is written in (block YAML,
 * flow YAML, JSON, JSON with tabs, with or without anchors, aliases, merge keys and comments); a broken one (see
 * {@link ConfigMutations}) must fail with a {@link ConfigException} of one line per problem, each naming the file and
 * a YAML path, and with the problem the mutation is certain to cause. Any other exception would reach the user as an
 * internal error (exit code 4) with a stack trace.
 *
 * <p>The run is the same every time; {@code -Dkubicle.generatedConfigs.seed=N} picks another seed, and
 * {@code -Dkubicle.generatedConfigs.case=N} replays the one case a failure names.
 */
class GeneratedConfigTest {
    private static final long SEED = Long.getLong("kubicle.generatedConfigs.seed", 20261123L);
    private static final int CASES = Integer.getInteger("kubicle.generatedConfigs.cases", 6000);
    private static final Integer ONLY_CASE = Integer.getInteger("kubicle.generatedConfigs.case");
    /** Problems of the whole file rather than of one of its fields; the line number stands in for the path. */
    private static final Pattern WHOLE_FILE =
            Pattern.compile("is not valid YAML( at line \\d+)?: .+|is empty|holds \\d+ YAML documents"
                    + "|expected a mapping but found .+", Pattern.DOTALL);
    /** Far above the milliseconds a config takes: more means a runaway regex, a lookup or an alias bomb. */
    private static final Duration TOO_SLOW = Duration.ofSeconds(2);

    private int texts;

    /** One generated case, told in a failure so that it can be replayed. */
    private record Case(int index, String what, String yaml) {
        String replay(String failure) {
            return failure + "\nseed " + SEED + ", case " + index + " (" + what + "); replay with"
                    + " -Dkubicle.generatedConfigs.seed=" + SEED + " -Dkubicle.generatedConfigs.case=" + index
                    + "\n--- config ---\n" + yaml + "\n--- end ---";
        }
    }

    /** What loading one text gave: a cluster, or kubicle's error. */
    private record Loaded(Cluster cluster, ConfigException error) {
    }

    @Test
    void everyGeneratedConfigLoadsOrFailsWithOneLineProblemsOnly() {
        long start = System.nanoTime();
        IntStream indexes = ONLY_CASE == null ? IntStream.range(0, CASES) : IntStream.of(ONLY_CASE);
        indexes.forEach(this::run);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.printf("GeneratedConfigTest: %d configs from seed %d in %d ms%n", texts, SEED, millis);
        if (ONLY_CASE == null) {
            assertThat(texts).as("configs generated").isGreaterThanOrEqualTo(10_000);
        }
    }

    private void run(int index) {
        // One generator per case, so that a case replays alone.
        Random random = new Random(SEED * 1_000_003L + index);
        Map<String, Object> valid = GeneratedConfigs.valid(random);
        if (random.nextInt(10) < 4) {
            checkValid(index, valid, random);
        } else {
            checkMutant(index, ConfigMutations.mutate(valid, random), random);
        }
    }

    /** The same config written three ways loads, to one cluster. */
    private void checkValid(int index, Map<String, Object> tree, Random random) {
        RandomText text = new RandomText(random);
        Optional<String> name = random.nextInt(10) == 0 ? Optional.of(text.word(8)) : Optional.empty();
        Optional<String> image = random.nextInt(10) == 0 ? Optional.of("kindest/node:v1.30.0") : Optional.empty();
        Cluster reference = null;
        for (int way = 0; way < 3; way++) {
            Style style = way == 0 ? Style.BLOCK : text.pick(List.of(Style.values()));
            String yaml = GeneratedYaml.write(tree, style, way > 0, way > 0, random);
            Case generated = new Case(index, "valid, " + style, yaml);
            Loaded loaded = load(generated, name, image);
            if (loaded.error() != null) {
                fail(generated.replay("a valid config was refused:\n" + loaded.error().getMessage()));
            }
            if (reference == null) {
                reference = loaded.cluster();
            } else if (!reference.equals(loaded.cluster())) {
                fail(generated.replay("written as " + style + " it loads as\n" + loaded.cluster()
                        + "\nbut written plainly as\n" + reference));
            }
        }
        assertThat(reference.nodes()).hasSize(((List<?>) tree.get("nodes")).size());
    }

    private void checkMutant(int index, Mutant mutant, Random random) {
        RandomText text = new RandomText(random);
        Optional<String> name = random.nextInt(10) == 0 ? Optional.of(text.anything(12)) : Optional.empty();
        Optional<String> image = random.nextInt(10) == 0 ? Optional.of(text.anything(40)) : Optional.empty();
        Case generated = new Case(index, mutant.mutation(), mutant.yaml());
        Loaded loaded = load(generated, name, image);
        if (mutant.expected() == null || name.isPresent() || image.isPresent()) {
            return;
        }
        if (loaded.error() == null) {
            fail(generated.replay("loaded, but should have reported " + mutant.expected()));
        }
        List<String> lines = loaded.error().getMessage().lines().toList();
        if (lines.stream().noneMatch(line -> line.contains(mutant.expected()))) {
            fail(generated.replay("no line has \"" + mutant.expected() + "\":\n" + loaded.error().getMessage()));
        }
    }

    private Loaded load(Case generated, Optional<String> name, Optional<String> image) {
        texts++;
        long start = System.nanoTime();
        try {
            return new Loaded(ConfigFiles.load(generated.yaml(), ConfigTesting.SOURCE, name, image), null);
        } catch (ConfigException e) {
            checkOneLinePerProblem(generated, e);
            return new Loaded(null, e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(generated.replay("loading threw " + e), e);
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (took.compareTo(TOO_SLOW) > 0) {
                fail(generated.replay("loading took " + took.toMillis() + " ms"));
            }
        }
    }

    private static void checkOneLinePerProblem(Case generated, ConfigException error) {
        List<String> lines = error.getMessage().lines().toList();
        List<ConfigProblem> problems = error.problems();
        String failure = null;
        if (error.exitCode() != ExitCode.INVALID_INPUT) {
            failure = "exit code " + error.exitCode() + " instead of " + ExitCode.INVALID_INPUT;
        } else if (problems.isEmpty() || lines.size() != problems.size()) {
            failure = problems.size() + " problems told in " + lines.size() + " lines";
        } else if (!List.of(ConfigTesting.SOURCE, ConfigFiles.COMMAND_LINE).contains(error.sourceName())) {
            failure = "the problems name " + error.sourceName() + " instead of the file";
        }
        for (int i = 0; failure == null && i < problems.size(); i++) {
            ConfigProblem problem = problems.get(i);
            if (!lines.get(i).startsWith(error.sourceName() + ": ")) {
                failure = "line " + (i + 1) + " does not start with the file's name";
            } else if (problem.path().isEmpty() && !WHOLE_FILE.matcher(problem.message()).matches()) {
                failure = "line " + (i + 1) + " names no YAML path";
            } else if (problem.fix().isEmpty()) {
                failure = "line " + (i + 1) + " does not say how to fix it";
            }
        }
        if (failure != null) {
            fail(generated.replay(failure + ":\n" + error.getMessage()));
        }
    }
}
