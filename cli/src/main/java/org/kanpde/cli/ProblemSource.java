package org.kanpde.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.kanpde.problems.ProblemCatalog;
import org.kanpde.problems.files.ProblemFiles;
import org.kanpde.solver.problem.Problem;
import org.kanpde.cli.console.BadInputException;

/** Resolves {@code --problem}: a catalogue id, or a path to a JSON problem file. */
final class ProblemSource {
    private ProblemSource() {
    }

    /**
     * A resolved problem and, for a problem file, the text it was read from.
     *
     * @param problem the problem
     * @param name    the file name as given (the default problem name comes from it), or null for
     *                a catalogue id
     * @param file    the absolute path of the file, or null
     * @param text    the file's text, or null
     */
    record Loaded(Problem problem, String name, Path file, String text) {
    }

    static Problem resolve(String spec) {
        return load(spec).problem();
    }

    /** Resolves a catalogue id or reads a problem file, keeping the file's text. */
    static Loaded load(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("--problem needs a problem id (see 'kanpde problems') or a JSON file");
        }
        if (ProblemCatalog.ids().contains(spec)) {
            return new Loaded(ProblemCatalog.get(spec), null, null, null);
        }
        Path path = Path.of(spec);
        if (spec.endsWith(".json") || Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                throw new BadInputException("problem file " + spec + " does not exist");
            }
            String text;
            try {
                text = ProblemFiles.readText(path);
            } catch (java.io.IOException e) {
                throw new BadInputException("cannot read problem file " + spec + ": " + e.getMessage());
            }
            // the same as ProblemFiles.read(path), from the text that is kept
            String name = path.toString();
            return new Loaded(ProblemFiles.parse(text, name), name, path.toAbsolutePath().normalize(), text);
        }
        throw new BadInputException("unknown problem '" + spec + "'; known: " + String.join(", ", ProblemCatalog.ids())
                + " (or give a .json problem file)");
    }
}
