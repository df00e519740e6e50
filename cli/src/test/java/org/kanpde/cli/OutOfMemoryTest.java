package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Running out of heap ends with one line that says what to reduce, not a stack trace. */
class OutOfMemoryTest {

    @Test
    void aRunTooLargeForTheHeapGivesOneLineNamingWhatToReduce() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // 40 million 2-D points need 640 MB for their coordinates alone
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                KanPde.class.getName(), "solve", "--problem", "poisson2d-sin", "--points", "40000000", "--boundary-points", "10",
                "--grid", "3", "--iterations", "1", "--threads", "1", "-q").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out + err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("kanpde: out of memory (Java heap space)"), err);
        assertTrue(err.contains("--points") && err.contains("-Xmx"), err);
        assertFalse(err.contains("\tat "), err);
    }
}
