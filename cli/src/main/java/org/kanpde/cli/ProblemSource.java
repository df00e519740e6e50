package org.kanpde.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.kanpde.problems.ProblemCatalog;
import org.kanpde.problems.files.ProblemFiles;
import org.kanpde.solver.problem.Problem;

/** Resolves {@code --problem}: a catalogue id, or a path to a JSON problem file. */
final class ProblemSource {
    private ProblemSource() {
    }

    static Problem resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("--problem needs a problem id (see 'kanpde problems') or a JSON file");
        }
        if (ProblemCatalog.ids().contains(spec)) {
            return ProblemCatalog.get(spec);
        }
        Path path = Path.of(spec);
        if (spec.endsWith(".json") || Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                throw new BadInputException("problem file " + spec + " does not exist");
            }
            try {
                return ProblemFiles.read(path);
            } catch (java.io.IOException e) {
                throw new BadInputException("cannot read problem file " + spec + ": " + e.getMessage());
            }
        }
        throw new BadInputException("unknown problem '" + spec + "'; known: " + String.join(", ", ProblemCatalog.ids())
                + " (or give a .json problem file)");
    }
}
