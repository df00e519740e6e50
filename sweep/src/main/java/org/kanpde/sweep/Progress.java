package org.kanpde.sweep;

import java.io.PrintWriter;
import java.util.Locale;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.kanpde.cli.bench.PlannedRun;
import org.kanpde.cli.bench.RunRecord;

/**
 * The sweep's console: a line per finished run with runs done / total, failed task attempts so far
 * and the estimated time left (from the mean wall time per run finished in this session, which
 * already reflects the cluster's parallelism); a line per failed attempt and per lost executor.
 * Spark calls the listener methods on its listener thread, the driver calls {@link #finished} on
 * the scheduler's: every method is synchronized.
 */
final class Progress extends SparkListener {
    private final PrintWriter con;
    private final int total;
    private final boolean quiet;
    private final long started = System.nanoTime();
    private int done;
    private int doneHere;
    private int failures;

    /**
     * @param total   runs of the plan
     * @param already runs recorded before this session (resumed)
     */
    Progress(PrintWriter con, int total, int already, boolean quiet) {
        this.con = con;
        this.total = total;
        this.done = already;
        this.quiet = quiet;
    }

    /** A run's record has arrived and is on disk. */
    synchronized void finished(PlannedRun run, RunRecord r) {
        done++;
        doneHere++;
        double elapsed = (System.nanoTime() - started) * 1e-9;
        double left = elapsed / doneHere * (total - done);
        con.printf(Locale.ROOT, "[%d/%d] %s: %d parameters, %d iterations, %.1f s, rel. L2 %s; %d failed attempts, about %s left%n",
                done, total, run.label(), r.parameters(), r.result().iterations(), r.result().wallSeconds(), sci(r.relL2()),
                failures, clock(left));
        con.flush();
    }

    synchronized int done() {
        return done;
    }

    synchronized int failures() {
        return failures;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() == Success$.MODULE$) {
            return;
        }
        failures++;
        String why = end.reason().toString();
        int nl = why.indexOf('\n');
        con.printf(Locale.ROOT, "  a task attempt failed (%d so far; Spark retries it): %s%n", failures,
                nl < 0 ? why : why.substring(0, nl));
        con.flush();
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        if (!quiet) {
            con.printf(Locale.ROOT, "  executor %s lost: %s%n", removed.executorId(), removed.reason());
            con.flush();
        }
    }

    /** {@code 1h02m}, {@code 3m05s} or {@code 12s}. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : "-";
    }
}
