package dev.kubicle.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarksDocumentTest {

    @Test
    void aNewDocumentGetsATitleAndTheGeneratedPartBetweenMarkers() {
        String document = BenchmarksDocument.withGenerated(null, "## Latest run\n");

        assertThat(document).startsWith("# Benchmarks").contains(BenchmarksDocument.BEGIN + "\n## Latest run\n"
                + BenchmarksDocument.END + "\n");
    }

    @Test
    void onlyTheGeneratedPartIsReplaced() {
        String before = "# Benchmarks\n\nintro\n\n" + BenchmarksDocument.BEGIN + "\nold numbers\n"
                + BenchmarksDocument.END + "\n\n## Analysis\n\nwhat was tried\n";

        String after = BenchmarksDocument.withGenerated(before, "new numbers\n");

        assertThat(after).isEqualTo("# Benchmarks\n\nintro\n\n" + BenchmarksDocument.BEGIN + "\nnew numbers\n"
                + BenchmarksDocument.END + "\n\n## Analysis\n\nwhat was tried\n");
    }

    @Test
    void aDocumentWithoutMarkersIsNotOverwritten() {
        assertThatThrownBy(() -> BenchmarksDocument.withGenerated("# hand-written\n", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no generated part");
    }

    @Test
    void theLoadPartIsAppendedOnceThenReplacedInPlace() {
        String first = BenchmarksDocument.withLoadSection("# Benchmarks\n\nrest\n", "load v1\n");
        String second = BenchmarksDocument.withLoadSection(first + "\n## Later notes\n", "load v2\n");

        assertThat(first).isEqualTo("# Benchmarks\n\nrest\n\n" + BenchmarksDocument.LOAD_BEGIN + "\nload v1\n"
                + BenchmarksDocument.LOAD_END + "\n");
        assertThat(second).isEqualTo("# Benchmarks\n\nrest\n\n" + BenchmarksDocument.LOAD_BEGIN + "\nload v2\n"
                + BenchmarksDocument.LOAD_END + "\n\n## Later notes\n");
    }
}
