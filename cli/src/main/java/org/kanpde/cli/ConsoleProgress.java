package org.kanpde.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.kanpde.solver.train.HistoryEntry;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.StageReport;
import org.kanpde.solver.train.TrainingListener;
import org.kanpde.cli.console.Interrupts;

/**
 * Prints training progress: a line per stage, a progress line at most every two seconds, and
 * notable events. Returns false from {@link #iteration} once a stop was requested (Ctrl-C).
 */
final class ConsoleProgress implements TrainingListener {
    /** Least time between two progress lines. */
    static final long PRINT_INTERVAL_NANOS = 2_000_000_000L;

    private final PrintWriter out;
    private final String prefix;
    private final boolean quiet;
    private final AtomicBoolean stop;
    private final Interrupts interrupts;
    private final int stages;
    private final LongSupplier clock;
    private long lastPrint;
    private double lastRelL2 = Double.NaN;

    ConsoleProgress(PrintWriter out, String prefix, boolean quiet, AtomicBoolean stop, int stages) {
        this(out, prefix, quiet, stop, null, stages, System::nanoTime);
    }

    /** Reads the stop flag of {@code interrupts} and arms them when the first stage starts. */
    ConsoleProgress(PrintWriter out, String prefix, boolean quiet, Interrupts interrupts, int stages) {
        this(out, prefix, quiet, interrupts.flag(), interrupts, stages, System::nanoTime);
    }

    /**
     * @param interrupts armed when the first stage starts, or null
     * @param clock      nanoseconds that pace the progress lines ({@link System#nanoTime} outside tests)
     */
    ConsoleProgress(PrintWriter out, String prefix, boolean quiet, AtomicBoolean stop, Interrupts interrupts, int stages,
                    LongSupplier clock) {
        this.out = out;
        this.prefix = prefix;
        this.quiet = quiet;
        this.stop = stop;
        this.interrupts = interrupts;
        this.stages = stages;
        this.clock = clock;
    }

    @Override
    public void stageStarted(int index, Stage stage, String model, int parameters) {
        if (interrupts != null) {
            // from now on there are results to write after Ctrl-C, and iterations poll the flag
            interrupts.arm();
        }
        print(String.format(Locale.ROOT, "%sstage %d/%d: %s  (%s, %d parameters)", prefix, index + 1, stages, stage, model,
                parameters));
        lastPrint = clock.getAsLong();
    }

    @Override
    public boolean iteration(HistoryEntry e) {
        if (!Double.isNaN(e.relL2())) {
            lastRelL2 = e.relL2();
        }
        long now = clock.getAsLong();
        if (now - lastPrint > PRINT_INTERVAL_NANOS) {
            lastPrint = now;
            print(String.format(Locale.ROOT, "%s  iteration %5d  loss %.3e  rel. L2 %s  %6.1f s", prefix, e.iteration(),
                    e.loss(), Double.isNaN(lastRelL2) ? "   -     " : String.format(Locale.ROOT, "%.3e", lastRelL2),
                    e.seconds()));
        }
        return !stop.get();
    }

    @Override
    public void stageFinished(StageReport r) {
        print(String.format(Locale.ROOT, "%s  done: %d iterations in %.1f s, loss %.3e%s, %s", prefix, r.iterations(),
                r.seconds(), r.loss(), Double.isNaN(r.relL2()) ? "" : String.format(Locale.ROOT, ", rel. L2 %.3e", r.relL2()),
                r.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }

    @Override
    public void message(String text) {
        print(prefix + "  " + text);
    }

    private void print(String line) {
        if (!quiet) {
            out.println(line);
            out.flush();
        }
    }
}
