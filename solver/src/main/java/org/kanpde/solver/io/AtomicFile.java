package org.kanpde.solver.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old content or the complete new content: the bytes
 * go to a temporary file in the target's directory (same file system, so the rename cannot turn
 * into a copy) and are then renamed over the target. A crash mid-write leaves at most a stray
 * {@code .*.tmp} file, never a truncated model, checkpoint, result or figure. The one writer of
 * every file the project produces.
 */
public final class AtomicFile {

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the bytes.
         *
         * @param out the temporary file's stream (buffered; closed by the caller)
         * @throws IOException if the content cannot be produced; the target then stays unchanged
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes text (UTF-8) to {@code target} atomically.
     *
     * @param target the file to create or replace; its directory must exist
     * @param text   the content
     * @return the target
     * @throws IOException if writing or renaming fails (the target is then unchanged)
     */
    public static Path write(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target  the file to create or replace; its directory must exist
     * @param content writes the bytes
     * @return the target
     * @throws IOException if writing or renaming fails (the target is then unchanged)
     */
    public static Path write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        // not Files.createTempFile: its owner-only permissions would stay on the file after the rename
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
}
