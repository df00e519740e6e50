package org.kanpde.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.kanpde.plots.FigureFiles;
import org.kanpde.plots.ScalingFigure;
import org.kanpde.plots.ScalingSeries;
import org.kanpde.solver.io.AtomicFile;
import org.kanpde.solver.train.StageReport;

/**
 * Writes the results of {@code kanpde bench}: {@code bench.csv} (one row per training run),
 * {@code bench-stages.csv} (one row per training stage: the error after each KAN grid),
 * {@code bench-cost.csv} (kernel timings), {@code bench.md} (the tables) and one scaling figure per
 * problem ({@code scaling-<problem>.png} and {@code .svg}: error against parameters, log-log, with
 * fitted slopes). Every text file is written atomically. After a stop request (Ctrl-C) the
 * figures are left out.
 */
final class BenchReport {
    /** Parameter range of the KAN side of the KAN paper's claim. */
    static final int CLAIM_KAN_MIN = 100;
    /** Parameter range of the KAN side of the KAN paper's claim. */
    static final int CLAIM_KAN_MAX = 1000;
    /** Parameters from which an MLP counts as "about 10^4". */
    static final int CLAIM_MLP_MIN = 5000;

    private BenchReport() {
    }

    /**
     * What the run was and where.
     *
     * @param suite        suite name
     * @param commandLine  the bench command as given
     * @param seeds        seeds
     * @param budget       wall-time budget of budgeted runs in seconds
     * @param cap          wall-time cap of counted runs in seconds
     * @param threads      worker threads of the runs
     * @param machine      one line about the machine
     * @param started      start time (ISO-8601)
     * @param totalSeconds wall time of the whole benchmark so far
     * @param finished     false while the benchmark is still running or after a stop request
     */
    record Context(String suite, String commandLine, List<Long> seeds, double budget, double cap, int threads,
                   String machine, String started, double totalSeconds, boolean finished) {
    }

    /** Writes bench.csv and bench-stages.csv (cheap; called after every run so that a crash keeps the data). */
    static List<Path> writeRuns(Path dir, Context ctx, List<RunRecord> runs) throws IOException {
        Path csv = dir.resolve("bench.csv");
        AtomicFile.write(csv, runsCsv(ctx, runs));
        Path stages = dir.resolve("bench-stages.csv");
        AtomicFile.write(stages, stagesCsv(runs));
        return List.of(csv, stages);
    }

    /** Writes every file; returns their paths. */
    static List<Path> writeAll(Path dir, Context ctx, List<RunRecord> runs, List<CostProbe.Result> costs,
                               List<SpeedupRecord> speedups) throws IOException {
        List<Path> files = new ArrayList<>(writeRuns(dir, ctx, runs));
        Path cost = dir.resolve("bench-cost.csv");
        AtomicFile.write(cost, costCsv(costs));
        files.add(cost);
        Map<String, List<ScalingSeries>> series = scalingSeries(runs);
        Map<String, FigureFiles> figures = new LinkedHashMap<>();
        // after Ctrl-C the JVM is shutting down and the graphics stack cannot start: tables only
        for (Map.Entry<String, List<ScalingSeries>> e : ctx.finished() ? series.entrySet()
                : Map.<String, List<ScalingSeries>>of().entrySet()) {
            FigureFiles f = ScalingFigure.of(e.getValue()).withTitle(e.getKey() + ": relative L2 error against parameters")
                    .write(dir, "scaling-" + e.getKey(), ScalingFigure.WIDTH, ScalingFigure.HEIGHT);
            figures.put(e.getKey(), f);
            files.addAll(f.paths());
        }
        Path md = dir.resolve("bench.md");
        AtomicFile.write(md, markdown(ctx, runs, costs, speedups, series, figures));
        files.add(md);
        return files;
    }

    // ---------------------------------------------------------------- CSV

    static final List<String> RUN_COLUMNS = List.of("suite", "section", "problem", "model", "type", "basis", "widths", "grids", "k",
            "parameters", "optimizer", "schedule", "budgeted", "interior_points", "boundary_points", "iterations",
            "wall_seconds", "rel_l2", "max_error", "h1_rel_error", "loss", "seed", "threads", "time_limit", "stop", "command");

    static String runsCsv(Context ctx, List<RunRecord> runs) {
        StringBuilder sb = new StringBuilder(String.join(",", RUN_COLUMNS)).append('\n');
        for (RunRecord r : runs) {
            RunSpec s = r.spec();
            row(sb, ctx.suite(), r.section(), r.problem(), r.label(), s.isKan() ? "kan" : "mlp",
                    s.isKan() ? s.basis().id() : "", RunSpec.join(s.widths(r.dimension())),
                    s.isKan() ? RunSpec.join(s.grids()) : "", s.isSpline() ? String.valueOf(s.degree()) : "", String.valueOf(r.parameters()), s.optimizerList("+"),
                    s.schedule(), String.valueOf(s.budgeted()), String.valueOf(s.points()), String.valueOf(s.boundaryPoints()),
                    String.valueOf(r.result().iterations()), fixed(r.result().wallSeconds(), 3), full(r.relL2()),
                    full(r.maxError()), full(r.h1Error()), full(r.result().loss()), String.valueOf(r.seed()),
                    String.valueOf(r.threads()), RunSpec.seconds(r.timeLimit()), r.stops(), r.command());
        }
        return sb.toString();
    }

    static String stagesCsv(List<RunRecord> runs) {
        StringBuilder sb = new StringBuilder("section,problem,model,seed,threads,stage,optimizer,grid,parameters,iterations,"
                + "wall_seconds,loss,rel_l2,stop\n");
        for (RunRecord r : runs) {
            for (StageReport s : r.result().stages()) {
                int[] g = s.stage().gridSizes();
                row(sb, r.section(), r.problem(), r.label(), String.valueOf(r.seed()), String.valueOf(r.threads()),
                        String.valueOf(s.index() + 1), s.stage().optimizer().name(),
                        g == null ? "" : g.length == 1 ? String.valueOf(g[0]) : RunSpec.join(g), String.valueOf(s.parameters()),
                        String.valueOf(s.iterations()), fixed(s.seconds(), 3), full(s.loss()), full(s.relL2()),
                        s.reason().name().toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    static String costCsv(List<CostProbe.Result> costs) {
        StringBuilder sb = new StringBuilder("study,problem,model,parameters,trainable,rows,threads,repetitions,"
                + "normal_equations_ms,normal_equations_min_ms,cholesky_ms,cholesky_min_ms,lm_iteration_ms,"
                + "lm_iteration_min_ms,gradient_ms,gradient_min_ms\n");
        for (CostProbe.Result c : costs) {
            row(sb, c.study(), c.problem(), c.model(), String.valueOf(c.parameters()), String.valueOf(c.trainable()),
                    String.valueOf(c.rows()), String.valueOf(c.threads()), String.valueOf(c.gradient().repetitions()),
                    ms(c.normalEquations().medianMs()), ms(c.normalEquations().minMs()), ms(c.cholesky().medianMs()),
                    ms(c.cholesky().minMs()), ms(c.lmStep().medianMs()), ms(c.lmStep().minMs()), ms(c.gradient().medianMs()),
                    ms(c.gradient().minMs()));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            sb.append(i == 0 ? "" : ",").append(csvCell(cells[i]));
        }
        sb.append('\n');
    }

    /** RFC 4180: quotes a cell holding a comma, quote or line break, doubling inner quotes. */
    static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    // ---------------------------------------------------------------- scaling series

    /**
     * Per problem, the series of the scaling figure: one per KAN architecture over its grid stages
     * (grid extension), one per MLP training method over the MLP sizes. Errors are medians over
     * seeds; points without a finite positive error are left out.
     */
    static Map<String, List<ScalingSeries>> scalingSeries(List<RunRecord> runs) {
        Map<String, Map<String, List<double[]>>> byProblem = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunRecord>> e : groups(sweep(runs)).entrySet()) {
            List<RunRecord> seeds = e.getValue();
            RunRecord first = seeds.get(0);
            Map<String, List<double[]>> families = byProblem.computeIfAbsent(first.problem(), p -> new LinkedHashMap<>());
            List<double[]> points = families.computeIfAbsent(first.spec().family(first.dimension()), f -> new ArrayList<>());
            if (first.spec().isKan()) {
                int stages = seeds.stream().mapToInt(r -> r.result().stages().size()).min().orElse(0);
                for (int s = 0; s < stages; s++) {
                    int stage = s;
                    double err = median(seeds, r -> r.result().stages().get(stage).relL2());
                    points.add(new double[] {first.result().stages().get(s).parameters(), err});
                }
            } else {
                points.add(new double[] {first.parameters(), median(seeds, RunRecord::relL2)});
            }
        }
        Map<String, List<ScalingSeries>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<double[]>>> p : byProblem.entrySet()) {
            List<ScalingSeries> list = new ArrayList<>();
            for (Map.Entry<String, List<double[]>> f : p.getValue().entrySet()) {
                double[] x = f.getValue().stream().filter(BenchReport::plottable).mapToDouble(v -> v[0]).toArray();
                double[] y = f.getValue().stream().filter(BenchReport::plottable).mapToDouble(v -> v[1]).toArray();
                if (x.length > 0) {
                    list.add(new ScalingSeries(f.getKey(), x, y));
                }
            }
            if (!list.isEmpty()) {
                out.put(p.getKey(), list);
            }
        }
        return out;
    }

    private static boolean plottable(double[] v) {
        return v[0] > 0 && v[1] > 0 && Double.isFinite(v[1]);
    }

    /** The sweep runs grouped by problem and run (over seeds), in order of first appearance. */
    static Map<String, List<RunRecord>> groups(List<RunRecord> runs) {
        Map<String, List<RunRecord>> g = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            g.computeIfAbsent(r.problem() + "|" + r.spec().longLabel(r.dimension()) + "|" + r.spec().schedule(),
                    k -> new ArrayList<>()).add(r);
        }
        return g;
    }

    private static List<RunRecord> sweep(List<RunRecord> runs) {
        return runs.stream().filter(r -> r.section().equals("sweep")).toList();
    }

    static double median(List<RunRecord> runs, ToDoubleFunction<RunRecord> f) {
        double[] v = runs.stream().mapToDouble(f).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }

    // ---------------------------------------------------------------- markdown

    static String markdown(Context ctx, List<RunRecord> runs, List<CostProbe.Result> costs, List<SpeedupRecord> speedups,
                           Map<String, List<ScalingSeries>> series, Map<String, FigureFiles> figures) {
        StringBuilder md = new StringBuilder();
        md.append("# kanpde bench: suite ").append(ctx.suite()).append("\n\n");
        if (!ctx.finished()) {
            md.append("**Incomplete: the benchmark was stopped before the end; the tables hold the runs that finished "
                    + "(no figures).**\n\n");
        }
        md.append("- command: `").append(ctx.commandLine()).append("`\n");
        md.append("- machine: ").append(ctx.machine()).append('\n');
        md.append("- started ").append(ctx.started()).append(String.format(Locale.ROOT, ", total wall time %.0f s%n",
                ctx.totalSeconds()));
        md.append("- seeds ").append(ctx.seeds()).append(", ").append(ctx.threads()).append(" threads per run; budgeted runs ")
                .append("train for ").append(RunSpec.seconds(ctx.budget())).append(" s, runs with counted iterations are ")
                .append("capped at ").append(RunSpec.seconds(ctx.cap())).append(" s\n");
        md.append("- errors by Gauss quadrature independent of the training points; schedules that count iterations give ")
                .append("the same numbers on any machine and thread count (only the times vary); a run marked `time` in ")
                .append("the stop column was ended by its time limit, so its numbers depend on the machine\n\n");

        Map<String, List<RunRecord>> byProblem = new LinkedHashMap<>();
        for (RunRecord r : sweep(runs)) {
            byProblem.computeIfAbsent(r.problem(), p -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<RunRecord>> e : byProblem.entrySet()) {
            problemSection(md, ctx, e.getKey(), e.getValue(), series.get(e.getKey()), figures.get(e.getKey()));
        }
        costSection(md, costs);
        threadSection(md, costs, speedups);
        md.append("## Reproducing single runs\n\n")
                .append("Each run is the `solve` command below (same code path: the model from `Recipes`, the schedule, ")
                .append("the collocation and `PinnTrainer`), so with the same seed it prints the same numbers ")
                .append("(budgeted runs excepted: they stop on time). The `command` column of `bench.csv` has all of them.\n\n");
        List<String> seen = new ArrayList<>();
        for (RunRecord r : sweep(runs)) {
            String c = r.command();
            if (!seen.contains(c) && seen.size() < 40) {
                seen.add(c);
                md.append("    ").append(c).append('\n');
            }
        }
        md.append('\n');
        return md.toString();
    }

    private static void problemSection(StringBuilder md, Context ctx, String problem, List<RunRecord> runs,
                                       List<ScalingSeries> series, FigureFiles figure) {
        md.append("## ").append(problem).append("\n\n");
        md.append("| model | parameters | optimizer schedule | points | iterations | wall [s] | rel. L2 | max error | rel. H1 | seed | stop |\n");
        md.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (RunRecord r : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d + %d | %d | %.1f | %s | %s | %s | %d | %s |%n",
                    r.label(), r.parameters(), r.spec().schedule(), r.spec().points(), r.spec().boundaryPoints(),
                    r.result().iterations(), r.result().wallSeconds(), sci(r.relL2()), sci(r.maxError()), sci(r.h1Error()),
                    r.seed(), r.stops()));
        }
        md.append('\n');
        List<RunRecord> kans = runs.stream().filter(r -> r.spec().isKan()).toList();
        if (!kans.isEmpty()) {
            int maxStages = kans.stream().mapToInt(r -> r.result().stages().size()).max().orElse(0);
            md.append("Relative L2 error after each grid stage (parameters in brackets; G: B-spline grid intervals, n: the ")
                    .append("size of another basis):\n\n| model | seed |");
            for (int s = 1; s <= maxStages; s++) {
                md.append(" stage ").append(s).append(" |");
            }
            md.append("\n| --- | ---: |");
            md.append(" ---: |".repeat(maxStages)).append('\n');
            for (RunRecord r : kans) {
                md.append("| ").append(r.label()).append(" | ").append(r.seed()).append(" |");
                for (int s = 0; s < maxStages; s++) {
                    if (s < r.result().stages().size()) {
                        StageReport st = r.result().stages().get(s);
                        int[] g = st.stage().gridSizes();
                        md.append(String.format(Locale.ROOT, " %s=%s: %s (%d) |", r.spec().isSpline() ? "G" : "n",
                                g == null ? "-" : String.valueOf(g[0]), sci(st.relL2()), st.parameters()));
                    } else {
                        md.append(" |");
                    }
                }
                md.append('\n');
            }
            md.append('\n');
        }
        if (series != null && figure != null) {
            md.append("![error against parameters](").append(figure.png().getFileName()).append(")\n\n");
            md.append("Fitted slopes of log10(error) against log10(parameters) (a KAN series runs over its grid stages; ")
                    .append("spline theory predicts error ~ G^-(k+1), i.e. slope -(k+1), until training or collocation ")
                    .append("sets a floor; Chebyshev and Fourier series of smooth functions converge faster than any power ")
                    .append("of n, so their slopes have no fixed value):\n\n");
            for (ScalingSeries s : series) {
                double slope = s.slope();
                md.append("- ").append(s.label()).append(": ")
                        .append(Double.isNaN(slope) ? "one size only" : String.format(Locale.ROOT, "%.2f", slope))
                        .append(String.format(Locale.ROOT, " (%d points)%n", s.size()));
            }
            md.append('\n');
        }
        bases(md, runs);
        claim(md, ctx, problem, runs);
    }

    /**
     * KANs of the same widths with different edge bases, side by side: cost per iteration, the error
     * after each stage, and the final error against that of the best B-spline KAN of those widths
     * after as many stages (so after the same iterations when the schedules agree), with that
     * B-spline's wall time up to there.
     */
    private static void bases(StringBuilder md, List<RunRecord> runs) {
        Map<String, List<List<RunRecord>>> byWidths = new LinkedHashMap<>();
        for (List<RunRecord> g : groups(runs).values()) {
            RunRecord r = g.get(0);
            if (r.spec().isKan()) {
                byWidths.computeIfAbsent(RunSpec.join(r.spec().widths(r.dimension())), w -> new ArrayList<>()).add(g);
            }
        }
        List<List<List<RunRecord>>> compared = byWidths.values().stream()
                .filter(gs -> gs.stream().map(g -> g.get(0).spec().basis()).distinct().count() > 1).toList();
        if (compared.isEmpty()) {
            return;
        }
        md.append("### Edge bases\n\n")
                .append("KANs of the same widths with different edge bases, all trained with Levenberg-Marquardt on the ")
                .append("same points. Sizes: B-spline grid intervals G, Chebyshev degree n, Gaussian RBF centres n, Fourier ")
                .append("frequencies n. The error after each stage has the parameters in brackets. The last two columns ")
                .append("compare the final error with that of the best B-spline KAN of the same widths after as many stages ")
                .append("(the same iterations if the schedules agree), and give that B-spline's wall time up to there ")
                .append("(medians over seeds).\n\n");
        md.append("| model | parameters | iterations | wall [s] | ms per iteration | rel. L2 by stage | rel. L2 "
                + "| / B-spline at as many stages | B-spline wall [s] |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n");
        for (List<List<RunRecord>> gs : compared) {
            List<RunRecord> spline = null;
            double best = Double.NaN;
            for (List<RunRecord> g : gs) {
                double err = median(g, RunRecord::relL2);
                if (g.get(0).spec().isSpline() && Double.isFinite(err) && (Double.isNaN(best) || err < best)) {
                    spline = g;
                    best = err;
                }
            }
            for (List<RunRecord> g : gs) {
                RunRecord r = g.get(0);
                double err = median(g, RunRecord::relL2);
                double wall = median(g, x -> x.result().wallSeconds());
                double perIteration = median(g, x -> x.result().iterations() > 0
                        ? 1000 * x.result().wallSeconds() / x.result().iterations() : Double.NaN);
                StringBuilder stages = new StringBuilder();
                for (StageReport st : r.result().stages()) {
                    int stage = st.index();
                    double e = median(g, x -> stage < x.result().stages().size() ? x.result().stages().get(stage).relL2()
                            : Double.NaN);
                    int[] size = st.stage().gridSizes();
                    stages.append(stages.length() == 0 ? "" : ", ").append(size == null ? "-" : String.valueOf(size[0]))
                            .append(": ").append(sci(e)).append(" (").append(st.parameters()).append(')');
                }
                int last = r.result().stages().size() - 1;
                double splineErr = Double.NaN;
                double splineWall = Double.NaN;
                if (spline != null && last >= 0) {
                    splineErr = median(spline, x -> last < x.result().stages().size() ? x.result().stages().get(last).relL2()
                            : Double.NaN);
                    splineWall = median(spline, x -> last < x.result().stages().size() ? x.result().stages().subList(0, last + 1)
                            .stream().mapToDouble(StageReport::seconds).sum() : Double.NaN);
                }
                double ratio = err / splineErr;
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %s | %s | %s | %s |%n", r.label(),
                        r.parameters(), r.result().iterations(), wall, perIteration, stages, sci(err),
                        Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.3g", ratio) : "",
                        Double.isFinite(splineWall) ? String.format(Locale.ROOT, "%.1f", splineWall) : ""));
            }
        }
        md.append('\n');
    }

    /** The KAN paper's claim: a small KAN against MLPs of about 10^4 parameters at the same wall time. */
    private static void claim(StringBuilder md, Context ctx, String problem, List<RunRecord> runs) {
        List<List<RunRecord>> groups = new ArrayList<>(groups(runs).values());
        List<RunRecord> kan = best(groups, r -> r.spec().isKan() && r.parameters() >= CLAIM_KAN_MIN
                && r.parameters() <= CLAIM_KAN_MAX);
        boolean kanInRange = kan != null;
        if (kan == null) {
            kan = best(groups, r -> r.spec().isKan());
        }
        List<List<RunRecord>> big = groups.stream()
                .filter(g -> g.get(0).spec().budgeted() && g.get(0).parameters() >= CLAIM_MLP_MIN).toList();
        boolean bigInRange = !big.isEmpty();
        if (!bigInRange) {
            big = groups.stream().filter(g -> g.get(0).spec().budgeted()).toList();
        }
        List<RunRecord> bestMlp = best(groups, r -> !r.spec().isKan());
        if (kan == null || (big.isEmpty() && bestMlp == null)) {
            return;
        }
        md.append("### The KAN paper's claim at equal wall time\n\n");
        md.append(String.format(Locale.ROOT, "The best KAN %s against the MLPs%s that train for the "
                        + "whole budget of %s s (Adam, then L-BFGS), and the best MLP of any size and optimizer. Errors are "
                        + "medians over %d seed(s).%n%n",
                kanInRange ? "with " + CLAIM_KAN_MIN + "-" + CLAIM_KAN_MAX + " parameters"
                        : "(no KAN of this suite has " + CLAIM_KAN_MIN + "-" + CLAIM_KAN_MAX + " parameters)",
                bigInRange ? " of " + CLAIM_MLP_MIN + " or more parameters" : " (none of this "
                        + "suite reaches " + CLAIM_MLP_MIN + " parameters; the largest budgeted ones are shown)",
                RunSpec.seconds(ctx.budget()), kan.size()));
        md.append("| side | model | parameters | optimizer schedule | wall [s] | rel. L2 | error ratio MLP / KAN |\n");
        md.append("| --- | --- | ---: | --- | ---: | ---: | ---: |\n");
        double kanErr = median(kan, RunRecord::relL2);
        claimRow(md, "KAN", kan, kanErr);
        List<List<RunRecord>> mlps = new ArrayList<>(big);
        if (bestMlp != null && !mlps.contains(bestMlp)) {
            mlps.add(bestMlp);
        }
        for (List<RunRecord> m : mlps) {
            claimRow(md, m == bestMlp ? "best MLP" : "MLP ~10^4", m, kanErr);
        }
        md.append('\n');
        for (List<RunRecord> m : mlps) {
            double ratio = median(m, RunRecord::relL2) / kanErr;
            if (Double.isFinite(ratio) && ratio > 0) {
                md.append(String.format(Locale.ROOT, "- %s (%d parameters, %.1f s): the %s error is %.3g times the %s error%n",
                        m.get(0).label(), m.get(0).parameters(), median(m, r -> r.result().wallSeconds()),
                        ratio >= 1 ? "MLP" : "KAN", ratio >= 1 ? ratio : 1 / ratio, ratio >= 1 ? "KAN" : "MLP"));
            }
        }
        double kanWall = median(kan, r -> r.result().wallSeconds());
        md.append(String.format(Locale.ROOT, "%n%s%n%n", kanWall <= ctx.budget() * 1.05
                ? String.format(Locale.ROOT, "The KAN used %.1f s of the %s s budget.", kanWall, RunSpec.seconds(ctx.budget()))
                : String.format(Locale.ROOT, "Note: the KAN took %.1f s, more than the %s s budget of the budgeted MLPs, so "
                        + "this comparison favours the KAN.", kanWall, RunSpec.seconds(ctx.budget()))));
    }

    private static void claimRow(StringBuilder md, String side, List<RunRecord> g, double kanErr) {
        RunRecord r = g.get(0);
        double err = median(g, RunRecord::relL2);
        md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %s | %s |%n", side, r.label(), r.parameters(),
                r.spec().schedule(), median(g, x -> x.result().wallSeconds()), sci(err),
                side.equals("KAN") ? "1" : String.format(Locale.ROOT, "%.3g", err / kanErr)));
    }

    /** The group (one run over seeds) with the smallest median error among those whose first run passes. */
    private static List<RunRecord> best(List<List<RunRecord>> groups, java.util.function.Predicate<RunRecord> filter) {
        List<RunRecord> best = null;
        double bestErr = Double.POSITIVE_INFINITY;
        for (List<RunRecord> g : groups) {
            double err = median(g, RunRecord::relL2);
            if (filter.test(g.get(0)) && err < bestErr) {
                best = g;
                bestErr = err;
            }
        }
        return best;
    }

    private static void costSection(StringBuilder md, List<CostProbe.Result> costs) {
        List<CostProbe.Result> points = costs.stream().filter(c -> c.study().equals("points")).toList();
        List<CostProbe.Result> sizes = costs.stream().filter(c -> c.study().equals("parameters")).toList();
        if (points.isEmpty() && sizes.isEmpty()) {
            return;
        }
        md.append("## Cost per iteration\n\n")
                .append("Median wall time in milliseconds of the kernels of one iteration, on the residual system the ")
                .append("trainer builds (random interior points plus a tenth as many boundary points). Levenberg-Marquardt: ")
                .append("the normal equations J^T J and J^T r, the damped Cholesky factorization with its solve, and whole ")
                .append("iterations as they run from the initial point (factorization, trial residuals, new normal equations; ")
                .append("a rejected trial costs another factorization and residual evaluation). Adam and L-BFGS: one loss ")
                .append("gradient (an L-BFGS iteration needs one or more). `bench-cost.csv` also has the minima.\n\n");
        if (!points.isEmpty()) {
            md.append("### Against collocation points\n\n");
            costTable(md, points);
            md.append("Fitted exponent p of time ~ rows^p (1 is linear):\n\n");
            for (List<CostProbe.Result> g : byModel(points).values()) {
                double[] rows = g.stream().mapToDouble(CostProbe.Result::rows).toArray();
                md.append("- ").append(g.get(0).model()).append(": ");
                md.append(exponent("normal equations", rows, g, c -> c.normalEquations().medianMs()));
                md.append(exponent("LM iteration", rows, g, c -> c.lmStep().medianMs()));
                md.append(exponent("gradient", rows, g, c -> c.gradient().medianMs()));
                trimSeparator(md);
                md.append('\n');
            }
            md.append('\n');
        }
        if (!sizes.isEmpty()) {
            md.append("### Against parameters\n\n");
            costTable(md, sizes);
            md.append("Fitted exponent p of time ~ (trainable parameters)^p:\n\n");
            Map<String, List<CostProbe.Result>> families = new LinkedHashMap<>();
            for (CostProbe.Result c : sizes) {
                families.computeIfAbsent(!c.kan() ? "MLP (widths)" : c.basis().equals("bspline") ? "KAN (grid sizes)"
                        : "KAN " + c.basis() + " (sizes)", k -> new ArrayList<>()).add(c);
            }
            for (Map.Entry<String, List<CostProbe.Result>> e : families.entrySet()) {
                List<CostProbe.Result> g = e.getValue();
                if (g.size() < 2) {
                    continue;
                }
                md.append("- ").append(e.getKey()).append(": ");
                List<CostProbe.Result> lm = g.stream().filter(c -> c.cholesky().measured()).toList();
                double[] nLm = lm.stream().mapToDouble(CostProbe.Result::trainable).toArray();
                md.append(exponent("normal equations", nLm, lm, c -> c.normalEquations().medianMs()));
                md.append(exponent("Cholesky", nLm, lm, c -> c.cholesky().medianMs()));
                md.append(exponent("gradient", g.stream().mapToDouble(CostProbe.Result::trainable).toArray(), g,
                        c -> c.gradient().medianMs()));
                trimSeparator(md);
                md.append('\n');
            }
            md.append('\n');
        }
    }

    private static void costTable(StringBuilder md, List<CostProbe.Result> rows) {
        md.append("| model | parameters (trainable) | rows | threads | normal equations | Cholesky + solve | LM iteration | gradient |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (CostProbe.Result c : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d (%d) | %d | %d | %s | %s | %s | %s |%n", c.model(), c.parameters(),
                    c.trainable(), c.rows(), c.threads(), msText(c.normalEquations()), msText(c.cholesky()),
                    msText(c.lmStep()), msText(c.gradient())));
        }
        md.append('\n');
    }

    private static Map<String, List<CostProbe.Result>> byModel(List<CostProbe.Result> costs) {
        Map<String, List<CostProbe.Result>> m = new LinkedHashMap<>();
        for (CostProbe.Result c : costs) {
            m.computeIfAbsent(c.model(), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    private static String exponent(String name, double[] x, List<CostProbe.Result> g, ToDoubleFunction<CostProbe.Result> f) {
        double[] y = g.stream().mapToDouble(f).toArray();
        double p = CostProbe.logSlope(x, y);
        return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%s %.2f; ", name, p);
    }

    private static void trimSeparator(StringBuilder md) {
        int n = md.length();
        if (n >= 2 && md.charAt(n - 2) == ';') {
            md.setLength(n - 2);
        }
    }

    private static void threadSection(StringBuilder md, List<CostProbe.Result> costs, List<SpeedupRecord> speedups) {
        List<CostProbe.Result> kernels = costs.stream().filter(c -> c.study().equals("threads")).toList();
        if (kernels.isEmpty() && speedups.isEmpty()) {
            return;
        }
        md.append("## Threads\n\n")
                .append("Partial sums are combined in a fixed order, so the same seed gives bit-identical results on any ")
                .append("number of threads; only the time differs.\n\n");
        if (!kernels.isEmpty()) {
            md.append("| model | rows | kernel | 1 thread [ms] | N threads [ms] | N | speed-up |\n");
            md.append("| --- | ---: | --- | ---: | ---: | ---: | ---: |\n");
            for (List<CostProbe.Result> g : byModel(kernels).values()) {
                CostProbe.Result one = g.stream().filter(c -> c.threads() == 1).findFirst().orElse(null);
                CostProbe.Result many = g.stream().filter(c -> c.threads() > 1).findFirst().orElse(null);
                if (one == null || many == null) {
                    continue;
                }
                kernelRow(md, one, many, "normal equations", c -> c.normalEquations());
                kernelRow(md, one, many, "Cholesky + solve", c -> c.cholesky());
                kernelRow(md, one, many, "LM iteration", c -> c.lmStep());
                kernelRow(md, one, many, "gradient", c -> c.gradient());
            }
            md.append('\n');
        }
        if (!speedups.isEmpty()) {
            md.append("| training run | iterations | 1 thread [s] | N threads [s] | N | speed-up | identical results |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
            for (SpeedupRecord s : speedups) {
                md.append(String.format(Locale.ROOT, "| %s on %s, %s | %d | %.1f | %.1f | %d | %.2f | %s |%n", s.one().label(),
                        s.one().problem(), s.one().spec().schedule(), s.many().result().iterations(),
                        s.one().result().wallSeconds(), s.many().result().wallSeconds(), s.many().threads(), s.speedup(),
                        s.identical() ? "yes (rel. L2 " + sci(s.many().relL2()) + " both)" : "NO: rel. L2 "
                                + sci(s.one().relL2()) + " vs " + sci(s.many().relL2())));
            }
            md.append('\n');
        }
    }

    private static void kernelRow(StringBuilder md, CostProbe.Result one, CostProbe.Result many, String kernel,
                                  java.util.function.Function<CostProbe.Result, CostProbe.Timing> f) {
        CostProbe.Timing a = f.apply(one);
        CostProbe.Timing b = f.apply(many);
        if (!a.measured() || !b.measured()) {
            return;
        }
        md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %d | %.2f |%n", one.model(), one.rows(), kernel,
                msText(a), msText(b), many.threads(), a.medianMs() / b.medianMs()));
    }

    // ---------------------------------------------------------------- numbers

    static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : "";
    }

    /** Full precision (round-trips), empty when not finite. */
    static String full(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "";
    }

    private static String fixed(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String ms(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "";
    }

    private static String msText(CostProbe.Timing t) {
        if (!t.measured()) {
            return "-";
        }
        double v = t.medianMs();
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

}
