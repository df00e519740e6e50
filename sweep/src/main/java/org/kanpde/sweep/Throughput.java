package org.kanpde.sweep;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.SparkConf;
import org.kanpde.cli.bench.PlannedRun;
import org.kanpde.cli.bench.RunOutcome;
import org.kanpde.cli.bench.RunRecordJson;
import org.kanpde.cli.bench.SweepPlan;

/**
 * The throughput measurement of the sweep (a harness, not a test): N one-thread training runs one
 * after another in this JVM, then the same runs as a sweep on {@code local[P]}, with the speed-up,
 * the per-task overhead and a check that both give the same numbers.
 *
 * <pre>{@code java -cp sweep/target/kanpde-sweep.jar org.kanpde.sweep.Throughput [RUNS [SLOTS]]}</pre>
 *
 * <p>The overhead per task is the slot time not spent training, {@code (P * wall - sum of the
 * runs' training times) / N}, with the wall time from creating the Spark context to stopping it:
 * it includes Spark's start-up, scheduling, task serialization and the driver's record writing; it is also
 * given for the job alone (without starting and stopping Spark).
 */
public final class Throughput {
    private Throughput() {
    }

    /** Runs the measurement; arguments: runs (default 16), Spark slots (default 2). */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        PrintWriter con = new PrintWriter(System.out, true);
        StringBuilder seeds = new StringBuilder();
        for (int s = 1; s <= n; s++) {
            seeds.append(s == 1 ? "" : ", ").append(s);
        }
        Path dir = Files.createTempDirectory("kanpde-throughput");
        Path spec = Files.writeString(dir.resolve("throughput.json"), "{\"problems\": [\"poisson2d-sin\"], \"seeds\": [" + seeds
                + "], \"families\": [{\"model\": \"kan\", \"widths\": [3], \"k\": 3, \"grids\": [5, 10], \"iterations\": [60, 60],"
                + " \"points\": 6000}]}");
        SweepPlan plan = SweepPlan.spec(spec);
        con.printf(Locale.ROOT, "throughput: %d runs of '%s', one thread each%n", n, plan.run(0).label());

        plan.run(0).train(); // JIT warm-up, untimed, so that neither side pays for it
        long t0 = System.nanoTime();
        List<RunOutcome> sequential = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            sequential.add(r.train().result());
        }
        double seqWall = (System.nanoTime() - t0) * 1e-9;
        con.printf(Locale.ROOT, "  one after another: %.2f s (%.2f s per run)%n", seqWall, seqWall / n);

        RunOutcome[] spark = new RunOutcome[n];
        SparkConf conf = new SparkConf().setAppName("kanpde throughput").setMaster(SparkRunner.master("local[" + slots + "]", 1))
                .set("spark.ui.enabled", "false");
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        RecordStore store = new RecordStore(dir.resolve("out"));
        Progress progress = new Progress(new PrintWriter(java.io.Writer.nullWriter()), n, 0, true);
        long t1 = System.nanoTime();
        SparkRunner.Timing timing = SparkRunner.run(conf, plan, all, progress, (index, json) -> {
            store.write(plan.run(index), json);
            spark[index] = RunRecordJson.read(json, "run " + index).outcome();
        });
        double sparkWall = (System.nanoTime() - t1) * 1e-9;
        double trained = 0;
        boolean same = true;
        for (int i = 0; i < n; i++) {
            trained += spark[i].wallSeconds();
            same &= spark[i].sameNumbers(sequential.get(i));
        }
        double overhead = (slots * sparkWall - trained) / n;
        double jobOverhead = (slots * timing.jobSeconds() - trained) / n;
        con.printf(Locale.ROOT, "  sweep on local[%d]: %.2f s in all = %.2f s starting Spark + %.2f s the job + stopping; "
                + "%.2f s of training per run%n", slots, sparkWall, timing.startSeconds(), timing.jobSeconds(), trained / n);
        con.printf(Locale.ROOT, "  speed-up %.2fx in all, %.2fx of the job; overhead per task %.2f s in all, %.2f s in the job; "
                + "numbers %s%n", seqWall / sparkWall, seqWall / timing.jobSeconds(), overhead, jobOverhead,
                same ? "identical" : "DIFFERENT");
    }
}
