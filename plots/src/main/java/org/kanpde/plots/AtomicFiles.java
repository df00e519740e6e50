package org.kanpde.plots;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old content or the complete new content: the bytes go
 * to a temporary file in the target's directory (same file system, so the rename cannot turn into a
 * copy) and are then renamed over the target. A crash mid-write leaves at most a stray
 * {@code .*.tmp} file, never a truncated figure.
 */
final class AtomicFiles {

    /** Produces the content of a file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target  the file to create or replace; its directory must exist
     * @param content writes the bytes
     * @return the target
     * @throws IOException if writing or renaming fails (the target is then unchanged)
     */
    static Path write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        // not Files.createTempFile: its owner-only permissions would stay on the figure after the rename
        Path temporary = directory.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        // CREATE_NEW: a (vanishingly unlikely) name clash fails instead of writing into someone else's file
        OutputStream raw = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            try (OutputStream out = new BufferedOutputStream(raw)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // some file systems cannot rename atomically; a plain replace still never exposes a partial file
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temporary);
        }
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
