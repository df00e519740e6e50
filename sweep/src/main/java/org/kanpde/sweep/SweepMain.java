package org.kanpde.sweep;

import java.io.PrintWriter;

import org.kanpde.cli.console.BadInputException;

import picocli.CommandLine;

/**
 * The main class of the sweep jars: {@code ./kanpde sweep ARGS} and {@code spark-submit --class
 * org.kanpde.sweep.SweepMain kanpde-sweep-submit.jar ARGS}.
 *
 * <p>Exit codes as {@code kanpde}'s: 0 every run recorded, 2 bad input (one line naming the bad
 * value), 1 runs missing (a run failed on every attempt) or an unexpected failure.
 */
public final class SweepMain {
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    private SweepMain() {
    }

    /** Runs the sweep and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the sweep with the given streams and returns the exit code (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SweepCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("kanpde sweep: " + e.getMessage());
            err.println("Try 'kanpde sweep --help'.");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof BadInputException) {
                err.println("kanpde sweep: " + e.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            err.println("kanpde sweep: internal error: " + e);
            if (Boolean.getBoolean("kanpde.debug")) {
                e.printStackTrace(err);
            } else {
                err.println("(run with -Dkanpde.debug=true for the stack trace)");
            }
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }
}
