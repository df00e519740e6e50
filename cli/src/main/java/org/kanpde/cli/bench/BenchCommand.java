package org.kanpde.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kanpde.cli.console.Interrupts;
import org.kanpde.cli.console.BadInputException;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.problems.files.ProblemFiles;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Recipes;
import org.kanpde.solver.train.StageReport;
import org.kanpde.solver.train.TrainingListener;
import org.kanpde.solver.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kanpde bench}: the KAN paper's Poisson comparison and the cost of training, as tables and a
 * scaling figure. Every training run goes through the same code path as {@code kanpde solve} (the
 * {@link Recipes} models and schedules, {@link PinnTrainer}); see {@link Suite} for what each suite
 * runs and {@link BenchReport} for the files.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark KANs against MLPs on the KAN paper's Poisson problem and a 3-D one: error against "
                + "parameters, the KAN paper's claim at equal wall time, cost per iteration against collocation points and "
                + "parameters, and the speed-up from threads.",
            "Writes bench.csv, bench-stages.csv, bench-cost.csv, bench.md and scaling-<problem>.png/.svg into --out."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--suite", paramLabel = "quick|paper|full", defaultValue = "quick",
            description = "quick: every part on tiny settings (seconds); paper: the BENCHMARKS.md runs (about 20 minutes on 2 "
                    + "cores); full: all widths with k=3 and k=5, three seeds (an hour or more). Default: ${DEFAULT-VALUE}.")
    String suite;

    @Option(names = "--problem", paramLabel = "ID|FILE.json",
            description = "Only this problem (default: poisson2d-paper and poisson3d). It needs an exact solution.")
    String problem;

    @Option(names = "--time-limit", paramLabel = "S",
            description = "Wall-time budget in seconds of the budgeted runs (large MLPs: Adam, then L-BFGS to the end of the "
                    + "budget), and so of the equal-time comparison (default: quick 1.5, paper 60, full 120). Runs that count "
                    + "iterations are only capped, at max(300, 2 S), so that they finish and stay reproducible.")
    Double timeLimit;

    @Option(names = "--seeds", paramLabel = "S1,S2,...", description = "Seeds of the training runs (default: quick and paper 1; full 1,2,3).")
    String seeds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads of the training runs (default: all processors); the thread study compares 1 and N.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Print only one line per run.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter con = spec.commandLine().getOut();
        Suite s = Suite.named(suite);
        List<Long> seedList = seeds == null ? s.seeds() : parseSeeds(seeds);
        if (timeLimit != null && (!(timeLimit > 0) || !Double.isFinite(timeLimit))) {
            throw new BadInputException("--time-limit must be finite and > 0 seconds, got " + timeLimit);
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads must be >= 1, got " + threads);
        }
        List<String> ids = problem == null ? s.problems() : List.of(problem);
        List<Problem> problems = new ArrayList<>();
        for (String id : ids) {
            problems.add(resolve(id));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + " exists and is not a directory");
        }
        Files.createDirectories(out);
        double budget = timeLimit != null ? timeLimit : s.budget();
        double cap = Math.max(RunSpec.COUNTED_CAP, 2 * budget);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long started = System.nanoTime();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String commandLine = "./kanpde " + String.join(" ", spec.commandLine().getParseResult().originalArgs());

        List<RunRecord> runs = new ArrayList<>();
        List<CostProbe.Result> costs = new ArrayList<>();
        List<SpeedupRecord> speedups = new ArrayList<>();
        int total = 0;
        for (Problem p : problems) {
            total += s.runs(p.dimension()).size() * seedList.size();
        }
        con.printf(Locale.ROOT, "bench: suite %s, %d training runs on %s, seeds %s, %d threads, budget %s s; writing to %s%n",
                s.name(), total, String.join(", ", ids), seedList, n, RunSpec.seconds(budget), out);
        con.flush();
        boolean finished = false;
        try (Interrupts stop = new Interrupts()) {
            warmUp(problems.get(0), n);
            int index = 0;
            sweep:
            for (int pi = 0; pi < problems.size(); pi++) {
                Problem p = problems.get(pi);
                for (RunSpec run : s.runs(p.dimension())) {
                    for (long seed : seedList) {
                        if (stop.requested()) {
                            break sweep;
                        }
                        index++;
                        double limit = run.budgeted() ? budget : cap;
                        con.printf(Locale.ROOT, "[%d/%d] %s: %s, %s, seed %d%n", index, total, ids.get(pi),
                                run.longLabel(p.dimension()), run.schedule(), seed);
                        con.flush();
                        RunRecord r = train("sweep", ids.get(pi), p, run, seed, n, limit, stop, con);
                        runs.add(r);
                        summary(con, r);
                        BenchReport.writeRuns(out, context(s, commandLine, seedList, budget, cap, n, startedAt, started, false), runs);
                    }
                }
            }
            Problem main = problems.get(0);
            String mainId = ids.get(0);
            long seed0 = seedList.get(0);
            if (!stop.requested()) {
                costStudies(con, s, mainId, main, n, seed0, stop, costs);
            }
            if (!stop.requested() && n > 1) {
                threadStudy(con, s, mainId, main, n, seed0, stop, costs, runs, speedups);
            } else if (n == 1) {
                con.println("threads: skipped (--threads 1)");
            }
            finished = !stop.requested();
            double seconds = (System.nanoTime() - started) * 1e-9;
            List<Path> files = BenchReport.writeAll(out,
                    context(s, commandLine, seedList, budget, cap, n, startedAt, started, finished), runs, costs, speedups);
            con.printf(Locale.ROOT, "bench: %d runs in %.0f s; wrote %d files to %s%n", runs.size(), seconds, files.size(), out);
            con.flush();
            return finished ? 0 : 130;
        }
    }

    /** Kernel timings against collocation points and against parameters, with n threads. */
    private static void costStudies(PrintWriter con, Suite s, String id, Problem p, int n, long seed, Interrupts stop,
                                    List<CostProbe.Result> costs) {
        con.println("cost per iteration against collocation points and parameters ...");
        con.flush();
        for (CostModel m : s.pointModels()) {
            for (int points : s.costPoints()) {
                if (stop.requested()) {
                    return;
                }
                costs.add(costLine(con, CostProbe.measure("points", id, p, m, points, n, s.repetitions(), seed)));
            }
        }
        for (CostModel m : s.sizeModels()) {
            if (stop.requested()) {
                return;
            }
            costs.add(costLine(con, CostProbe.measure("parameters", id, p, m, s.costFixed(), n, s.repetitions(), seed)));
        }
    }

    /** Kernels and whole training runs on 1 thread and on n, same seed. */
    private void threadStudy(PrintWriter con, Suite s, String id, Problem p, int n, long seed, Interrupts stop,
                             List<CostProbe.Result> costs, List<RunRecord> runs, List<SpeedupRecord> speedups) {
        con.printf(Locale.ROOT, "threads: 1 against %d ...%n", n);
        con.flush();
        for (CostModel m : s.threadModels()) {
            if (stop.requested()) {
                return;
            }
            costs.add(costLine(con, CostProbe.measure("threads", id, p, m, s.costFixed(), 1, s.repetitions(), seed)));
            costs.add(costLine(con, CostProbe.measure("threads", id, p, m, s.costFixed(), n, s.repetitions(), seed)));
        }
        for (RunSpec run : s.speedupRuns()) {
            TrainingResult a = stop.requested() ? null : fit(p, run, seed, 1, Double.POSITIVE_INFINITY, stop, con);
            TrainingResult b = stop.requested() ? null : fit(p, run, seed, n, Double.POSITIVE_INFINITY, stop, con);
            if (stop.requested()) {
                return;
            }
            RunRecord one = new RunRecord("threads", id, p.dimension(), run, seed, 1, Double.POSITIVE_INFINITY, RunOutcome.of(a));
            RunRecord many = new RunRecord("threads", id, p.dimension(), run, seed, n, Double.POSITIVE_INFINITY, RunOutcome.of(b));
            runs.add(one);
            runs.add(many);
            SpeedupRecord sp = SpeedupRecord.of(one, a, many, b);
            speedups.add(sp);
            con.printf(Locale.ROOT, "  %s, %s: %.1f s on 1 thread, %.1f s on %d, speed-up %.2f, results %s%n", one.label(),
                    run.schedule(), one.result().wallSeconds(), many.result().wallSeconds(), n, sp.speedup(),
                    sp.identical() ? "identical" : "DIFFERENT");
            con.flush();
        }
    }

    /**
     * A few untimed iterations of every optimizer on small networks, so that the first timed run does
     * not pay for the JIT compilation of the kernels all runs share.
     */
    private static void warmUp(Problem p, int threads) {
        int[] one = {5};
        int[] ten = {10};
        int[] three = {3};
        List<RunSpec> warm = List.of(RunSpec.kan(three, 5, one, ten, 500),
                RunSpec.kan(org.kanpde.net.basis.BasisType.CHEBYSHEV, three, one, ten, 300),
                RunSpec.kan(org.kanpde.net.basis.BasisType.RBF, three, one, ten, 300),
                RunSpec.kan(org.kanpde.net.basis.BasisType.FOURIER, three, new int[] {2}, ten, 300),
                RunSpec.mlpLm(ten, 10, 300), RunSpec.mlpBudget(ten, 10, 300, 30));
        for (RunSpec w : warm) {
            w.solver(p, 1, threads, 1.0).solve(p);
        }
    }

    private RunRecord train(String section, String id, Problem p, RunSpec run, long seed, int threads, double limit,
                            Interrupts stop, PrintWriter con) {
        TrainingResult result = fit(p, run, seed, threads, limit, stop, con);
        return new RunRecord(section, id, p.dimension(), run, seed, threads, limit, RunOutcome.of(result));
    }

    private TrainingResult fit(Problem p, RunSpec run, long seed, int threads, double limit, Interrupts stop, PrintWriter con) {
        return run.solver(p, seed, threads, limit).solve(p, new Listener(con, quiet, stop.flag()));
    }

    private static void summary(PrintWriter con, RunRecord r) {
        con.printf(Locale.ROOT, "  %d parameters, %d iterations, %.1f s, rel. L2 %s, max %s, rel. H1 %s%s%n", r.parameters(),
                r.result().iterations(), r.result().wallSeconds(), BenchReport.sci(r.relL2()), BenchReport.sci(r.maxError()),
                BenchReport.sci(r.h1Error()), r.timeLimited() ? " (time-limited)" : "");
        con.flush();
    }

    private static CostProbe.Result costLine(PrintWriter con, CostProbe.Result c) {
        con.printf(Locale.ROOT, "  %-28s %6d rows %d thr: normal eq %s, Cholesky %s, LM it %s, gradient %s ms%n", c.model(), c.rows(),
                c.threads(), ms(c.normalEquations()), ms(c.cholesky()), ms(c.lmStep()), ms(c.gradient()));
        con.flush();
        return c;
    }

    private static String ms(CostProbe.Timing t) {
        return t.measured() ? String.format(Locale.ROOT, "%.1f", t.medianMs()) : "-";
    }

    private static BenchReport.Context context(Suite s, String commandLine, List<Long> seeds, double budget, double cap,
                                               int threads, String startedAt, long started, boolean finished) {
        return new BenchReport.Context(s.name(), commandLine, seeds, budget, cap, threads, Machine.describe(), startedAt,
                (System.nanoTime() - started) * 1e-9, finished);
    }

    /** A catalogue id or a JSON problem file; it must have an exact solution (the benchmark measures errors). */
    static Problem resolve(String id) {
        Problem p;
        if (ProblemCatalog.ids().contains(id)) {
            p = ProblemCatalog.get(id);
        } else if (id.endsWith(".json") || Files.exists(Path.of(id))) {
            if (!Files.isRegularFile(Path.of(id))) {
                throw new BadInputException("--problem: problem file " + id + " does not exist");
            }
            try {
                p = ProblemFiles.read(Path.of(id));
            } catch (IOException e) {
                throw new BadInputException("--problem: cannot read problem file " + id + ": " + e.getMessage());
            }
        } else {
            throw new BadInputException("--problem: unknown problem '" + id + "'; known: " + String.join(", ", ProblemCatalog.ids())
                    + " (or give a .json problem file)");
        }
        if (!p.hasExactSolution()) {
            throw new BadInputException("--problem " + id + " has no exact solution, so its errors cannot be measured");
        }
        if (p.dimension() > 3) {
            throw new BadInputException("--problem " + id + " is " + p.dimension() + "-D; the suites cover 1-D to 3-D");
        }
        return p;
    }

    /**
     * Parses {@code 1,2,3} into distinct seeds.
     *
     * @throws BadInputException naming the value if an entry is empty, not an integer, or repeated
     */
    static List<Long> parseSeeds(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new BadInputException("--seeds '" + text + "' is empty; expected comma-separated integers like 1,2,3");
        }
        LinkedHashSet<Long> out = new LinkedHashSet<>();
        String[] parts = t.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                throw new BadInputException("--seeds '" + text + "' has an empty entry at position " + (i + 1)
                        + "; expected comma-separated integers like 1,2,3");
            }
            long v;
            try {
                v = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new BadInputException("--seeds '" + text + "': '" + p + "' is not an integer; expected e.g. 1,2,3");
            }
            if (!out.add(v)) {
                throw new BadInputException("--seeds '" + text + "' repeats seed " + v);
            }
        }
        return List.copyOf(out);
    }

    /** Progress: a line per finished stage (unless quiet); stops training when a stop was requested. */
    private static final class Listener implements TrainingListener {
        private final PrintWriter con;
        private final boolean quiet;
        private final AtomicBoolean stop;

        Listener(PrintWriter con, boolean quiet, AtomicBoolean stop) {
            this.con = con;
            this.quiet = quiet;
            this.stop = stop;
        }

        @Override
        public boolean iteration(org.kanpde.solver.train.HistoryEntry entry) {
            return !stop.get();
        }

        @Override
        public void stageFinished(StageReport r) {
            if (!quiet) {
                con.printf(Locale.ROOT, "    stage %d (%s): %d iterations, %.1f s, rel. L2 %s, %s%n", r.index() + 1, r.stage(),
                        r.iterations(), r.seconds(), BenchReport.sci(r.relL2()),
                        r.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                con.flush();
            }
        }
    }

    /**
     * Ctrl-C: a shutdown hook raises the flag the training listeners read, then waits (up to 30 s)
     * for the command to write what it has.
     */
}
