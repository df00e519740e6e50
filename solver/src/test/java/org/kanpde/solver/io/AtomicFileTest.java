package org.kanpde.solver.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private long files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void replacesTextAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("result.json");
        Files.writeString(target, "old");
        assertEquals(target, AtomicFile.write(target, "{ \"\u00b5\": 1 }"));
        assertEquals("{ \"\u00b5\": 1 }", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(1, files());
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("old.txt");
        Files.writeString(target, "old content");
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old content", Files.readString(target));
        assertEquals(1, files(), "the temporary file is removed");
    }

    @Test
    void aMissingDirectoryFailsWithoutCreatingIt() {
        Path target = dir.resolve("absent/model.json");
        assertThrows(IOException.class, () -> AtomicFile.write(target, "x"));
        assertEquals(false, Files.exists(target.getParent()));
    }
}
