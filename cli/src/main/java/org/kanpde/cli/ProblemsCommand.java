package org.kanpde.cli;

import java.io.PrintWriter;

import org.kanpde.problems.InverseCatalog;
import org.kanpde.problems.ProblemCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kanpde problems}: lists the built-in problems. */
@Command(name = "problems", mixinStandardHelpOptions = true,
        description = "List the built-in problems (id and description). Problems can also be read from JSON files.")
final class ProblemsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        int width = 0;
        for (String id : ProblemCatalog.ids()) {
            width = Math.max(width, id.length());
        }
        for (String id : InverseCatalog.ids()) {
            width = Math.max(width, id.length());
        }
        for (String id : ProblemCatalog.ids()) {
            out.printf("%-" + width + "s  %s%n", id, ProblemCatalog.description(id));
        }
        // inverse problems (solve identifies their unknown coefficient)
        for (String id : InverseCatalog.ids()) {
            out.printf("%-" + width + "s  %s%n", id, InverseCatalog.description(id));
        }
        out.flush();
    }
}
