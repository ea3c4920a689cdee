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
}
