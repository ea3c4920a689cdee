package dev.kubicle.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The operating system's errors, as Java reports them for real files, said the way a user reads them. */
class FileErrorsTest {
    @TempDir
    Path directory;

    @Test
    void aMissingFileIsSaidSo() {
        IOException e = catchThrowableOfType(() -> Files.readString(directory.resolve("missing")), IOException.class);

        assertThat(FileErrors.describe(e)).isEqualTo("no such file or directory");
    }

    @Test
    void aFileWhereADirectoryShouldBeIsNamed() throws IOException {
        Path aFile = Files.writeString(directory.resolve("a-file"), "");

        IOException e = catchThrowableOfType(() -> Files.createDirectories(aFile), IOException.class);

        assertThat(FileErrors.describe(e)).isEqualTo("file exists: " + aFile);
    }

    @Test
    void aPathThroughAFileGivesTheSystemsReason() throws IOException {
        Path aFile = Files.writeString(directory.resolve("a-file"), "");

        IOException e = catchThrowableOfType(() -> Files.writeString(aFile.resolve("below"), ""), IOException.class);

        assertThat(FileErrors.describe(e)).isEqualTo("Not a directory");
    }
}
