package org.kanpde.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.kanpde.cli.console.BadInputException;

/**
 * The {@code kanpde} command: solve Poisson-type problems with physics-informed KANs and compare
 * them with MLPs.
 *
 * <p>Exit codes: 0 success, 2 bad input (unknown option or problem, malformed value or file; one
 * line on standard error naming the bad value), 1 an unexpected failure or too little memory (one
 * line naming what to reduce: the same options may run with a larger heap), 130 interrupted.
 */
@Command(name = "kanpde", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Physics-informed Kolmogorov-Arnold Networks (KANs) and MLP baselines for Poisson-type PDEs.",
        subcommands = {ProblemsCommand.class, SolveCommand.class, CompareCommand.class, EvalCommand.class, org.kanpde.cli.bench.BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class KanPde implements Runnable {
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the tool and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the tool with the given streams and returns the exit code (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new KanPde());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("kanpde: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try 'kanpde " + (e.getCommandLine().getCommandName().equals("kanpde") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help'.");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof BadInputException) {
                err.println("kanpde: " + e.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            err.println("kanpde: internal error: " + e);
            if (Boolean.getBoolean("kanpde.debug")) {
                e.printStackTrace(err);
            } else {
                err.println("(run with -Dkanpde.debug=true for the stack trace)");
            }
            err.flush();
            return 1;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // an Error passes picocli's handlers; by now the large arrays are unreachable again
            err.println("kanpde: out of memory (" + e.getMessage() + "): the run is too large for the Java heap; use fewer"
                    + " --points, a smaller --width or --grid, --optimizer adam or lbfgs for networks of many thousand"
                    + " parameters (Levenberg-Marquardt needs memory for parameters^2 numbers), or more heap (java -Xmx...)");
            err.flush();
            return 1;
        }
    }
}
