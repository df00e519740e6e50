package org.kanpde.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.kanpde.problems.InverseCatalog;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.problems.files.ProblemFiles;
import org.kanpde.solver.inverse.InverseProblem;
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
     * @param inverse the inverse problem, when a coefficient is unknown (catalogue or file), else null
     */
    record Loaded(Problem problem, String name, Path file, String text, InverseProblem inverse) {
        Loaded(Problem problem, String name, Path file, String text) {
            this(problem, name, file, text, null);
        }
    }

    /** A forward problem; an inverse one is refused (only {@code solve} handles those). */
    static Problem resolve(String spec) {
        Loaded loaded = load(spec);
        if (loaded.inverse() != null) {
            throw new BadInputException("problem '" + spec + "' is an inverse problem (a coefficient is unknown); "
                    + "identify it with 'kanpde solve --problem " + spec + "' (--model kan or mlp)");
        }
        return loaded.problem();
    }

    /** Resolves a catalogue id or reads a problem file, keeping the file's text. */
    static Loaded load(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("--problem needs a problem id (see 'kanpde problems') or a JSON file");
        }
        if (ProblemCatalog.ids().contains(spec)) {
            return new Loaded(ProblemCatalog.get(spec), null, null, null);
        }
        if (InverseCatalog.ids().contains(spec)) {
            InverseProblem inverse = InverseCatalog.get(spec);
            return new Loaded(inverse.problem(), null, null, null, inverse);
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
            // as ProblemFiles.read(path) does, from the text that is kept; observations relative to the file
            String name = path.toString();
            Path absolute = path.toAbsolutePath().normalize();
            ProblemFiles.ParsedProblem parsed = ProblemFiles.parse(text, name, absolute.getParent());
            return new Loaded(parsed.problem(), name, absolute, text, parsed.inverse());
        }
        throw new BadInputException("unknown problem '" + spec + "'; known: " + String.join(", ", ProblemCatalog.ids())
                + ", " + String.join(", ", InverseCatalog.ids())
                + " (or give a .json problem file)");
    }
}
