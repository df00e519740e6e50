package org.kanpde.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of where figures and reports go, before anything is drawn: an output directory that can
 * hold files, and base file names that stay inside it. The files themselves are written by
 * {@link org.kanpde.solver.io.AtomicFile}.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Checks that {@code directory} can hold output files and creates it if missing.
     *
     * @throws IllegalArgumentException if the path exists and is not a directory
     * @throws IOException              if it cannot be created
     */
    static Path directory(Path directory) throws IOException {
        if (directory == null) {
            throw new IllegalArgumentException("output directory must not be null");
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("output directory " + directory + " exists and is not a directory");
        }
        Files.createDirectories(directory);
        return directory;
    }

    /**
     * Checks a base file name: non-blank, no path separators, not starting with a dot.
     *
     * @throws IllegalArgumentException naming the bad name
     */
    static String baseName(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("file base name must be non-blank, without path separators and not start "
                    + "with '.', got '" + name + "'");
        }
        return name;
    }
}
