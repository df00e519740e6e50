package org.kanpde.solver.inverse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.collocation.CollocationPoints;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.MinimizerRun;
import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.quadrature.QuadratureRule;
import org.kanpde.solver.solution.ErrorMeasure;
import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.solution.Solution;
import org.kanpde.solver.train.HistoryEntry;
import org.kanpde.solver.train.Recipes;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.StageReport;
import org.kanpde.solver.train.StopReason;
import org.kanpde.solver.train.TrainingListener;

/**
 * Solves inverse problems: u and every unknown field get a trial function of their own (KANs by
 * default, MLPs for the baseline), scalar unknowns one raw parameter each, and all of them train
 * jointly on the {@link InverseSystem} with Levenberg-Marquardt (or the optimizer given), stage by
 * stage; for KANs each stage may refine the grids of both networks (grid extension, which keeps
 * the functions). Immutable; build with {@link #kan()} or {@link #mlp()}.
 *
 * <p>Defaults (KAN): u and each unknown field a KAN [d, 2d+1, 1] of degree {@value #KAN_DEGREE},
 * grids 5, 10, 20, 40 with 100, 100, 200, 100 Levenberg-Marquardt iterations, data weight
 * {@value #DATA_WEIGHT}; only spline coefficients train. That schedule is for accurate data (PInv
 * without noise: a to 6e-6, u to 6e-7 in 35 s on 2 cores). Noisy data need fewer degrees of
 * freedom, or the networks fit the noise (PInv with sigma = 0.1: a 1.2e-1 after the full schedule).
 * So the default KAN solve also trains a stiff model (degree 3, grid 5, {@value #STIFF_ITERATIONS}
 * iterations, unknown KAN [d, 2, 1], data weight {@value #STIFF_DATA_WEIGHT}) and keeps, by the
 * discrepancy principle ({@link Discrepancy}), the least flexible of the stiff model and the
 * stage ends of the full schedule whose data misfit is at most {@value #TAU} sigma; sigma is the
 * noise level given to the builder or stated by the observations or, if unknown, estimated from
 * the full schedule's residual as RSS / (N - p) with p its effective parameters. Clean data keep the
 * full schedule's result, digit for digit. Setting any of the model's size, schedule or data weight
 * turns the selection off: the caller then chose the model. MLP: [d, 20, 20, 1] tanh for both, one
 * stage of {@value #MLP_ITERATIONS} iterations, no selection.
 *
 * <p>{@value #POINTS} random interior collocation points and a tenth as many on the boundary,
 * boundary weight {@value Recipes#BOUNDARY_WEIGHT_LM}, seed 0, all processors, no time limit. Same
 * seed, same digits on any number of threads.
 */
public final class InverseSolver {
    /** Spline degree of the default KANs. */
    public static final int KAN_DEGREE = 5;
    /** Default KAN grid sizes, one stage each. */
    static final int[] KAN_GRIDS = {5, 10, 20, 40};
    /** Default Levenberg-Marquardt iterations per KAN stage. */
    static final int[] KAN_ITERATIONS = {100, 100, 200, 100};
    /** Default iterations of the single MLP stage. */
    public static final int MLP_ITERATIONS = 600;
    /** Default interior collocation points. */
    public static final int POINTS = 6000;
    /**
     * Default weight of the mean squared data misfit, chosen by measurement on noise-free PInv
     * (0.1 misses the accuracy targets, 1 and 10 meet them; 1 gave the smaller error in a).
     */
    public static final double DATA_WEIGHT = 1;
    /** Spline degree of the stiff candidate. */
    static final int STIFF_DEGREE = 3;
    /** Grid of the stiff candidate. */
    static final int STIFF_GRID = 5;
    /** Iterations of the stiff candidate. */
    static final int STIFF_ITERATIONS = 200;
    /** Hidden width of the stiff candidate's unknown fields. */
    static final int STIFF_UNKNOWN_WIDTH = 2;
    /**
     * Data weight of the stiff candidate: with the data noisy, the PDE should dominate (measured on
     * PInv with sigma 0.1: a 1.0e-2 at 0.1 against 1.4e-2 at 1).
     */
    static final double STIFF_DATA_WEIGHT = 0.1;
    /**
     * The discrepancy ratio tau. Above 1, because the estimate of sigma scatters (relative standard
     * deviation about 1 / sqrt(2 (N - p)): 1.5 % on PInv's 2,500 observations); well below the ratio
     * at which a candidate's misfit shows bias: on PInv with sigma 0.01 the stiff candidate misfits
     * 1.08 sigma and its u error is 5 times the kept model's.
     */
    public static final double TAU = 1.05;
    /** Share of the time limit the stiff candidate may use (it needs about a sixth of the full schedule). */
    static final double STIFF_TIME_SHARE = 0.2;

    private final boolean kan;
    private final Capacity capacity;
    private final boolean selecting;
    private final double noise;
    private final Optimizer optimizer;
    private final int points;
    private final int boundaryPoints;
    private final double boundaryWeight;
    private final long seed;
    private final int threads;
    private final double timeLimit;

    private InverseSolver(Builder b) {
        this.kan = b.kan;
        this.capacity = new Capacity(b.widths, b.unknownWidths, b.grids, b.unknownGridMax, b.degree, b.iterations,
                b.dataWeight);
        this.selecting = b.kan && !b.fixed;
        this.noise = b.noise;
        this.optimizer = b.optimizer;
        this.points = b.points;
        this.boundaryPoints = b.boundaryPoints;
        this.boundaryWeight = b.boundaryWeight;
        this.seed = b.seed;
        this.threads = b.threads;
        this.timeLimit = b.timeLimit;
    }

    /** A builder for the KAN recipe. */
    public static Builder kan() {
        return new Builder(true);
    }

    /** A builder for the MLP baseline. */
    public static Builder mlp() {
        return new Builder(false);
    }

    /** Whether both networks are KANs. */
    public boolean isKan() {
        return kan;
    }

    /** The data weight of the full schedule. */
    public double dataWeight() {
        return capacity.dataWeight;
    }

    /** Whether the solver selects its model for the noise in the data (see {@link Discrepancy}). */
    public boolean selectsForNoise() {
        return selecting;
    }

    /**
     * The schedule: with the selection, the stiff candidate's stage first, then one stage per grid
     * size of the full schedule (KAN); one stage (MLP).
     */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        if (selecting) {
            stages.addAll(stiff(2).stages(kan, optimizer));
        }
        stages.addAll(capacity.stages(kan, optimizer));
        return stages;
    }

    /** The initial trial function of u for a problem (full schedule). */
    public TrialFunction initialU(Problem problem) {
        return capacity.network(problem, kan, capacity.widths, seed, capacity.grids[0]);
    }

    /** The initial trial function of an unknown field (the k-th unknown gets seed + 1 + k; full schedule). */
    public TrialFunction initialField(Problem problem, int k) {
        return capacity.field(problem, kan, seed, k);
    }

    /** Solves without progress reports. */
    public InverseResult solve(InverseProblem problem) {
        return solve(problem, TrainingListener.silent());
    }

    /**
     * Identifies the unknowns and u.
     *
     * @param listener progress (stages, iterations with the loss; returning false stops)
     * @throws IllegalArgumentException if the widths do not fit the problem or its data are not finite
     */
    public InverseResult solve(InverseProblem problem, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener");
        Problem p = problem.problem();
        Run run = new Run(problem, listener);
        CollocationPoints cp = Collocation.of(points).withBoundaryPoints(boundaryPoints).draw(p.domain(), seed, 0, true);
        try (ParallelRunner runner = threads > 0 ? new ParallelRunner(threads) : ParallelRunner.forAvailableProcessors()) {
            if (!selecting) {
                Fit full = fit(run, capacity, 0, timeLimit, cp, runner, Double.NaN, false);
                return run.result(full.last(), List.of(full), null, runner);
            }
            double given = Double.isNaN(noise) ? problem.observations().noise() : noise;
            Capacity stiff = stiff(p.dimension());
            Fit first = fit(run, stiff, 0, STIFF_TIME_SHARE * timeLimit, cp, runner, Double.NaN, false);
            List<Snapshot> candidates = new ArrayList<>(first.snapshots);
            Fit full = null;
            boolean stiffFits = !Double.isNaN(given) && first.last().dataRms <= TAU * given;
            if (stiffFits) {
                run.note("the stiff model fits the data to the given noise " + sci(given)
                        + ": the full schedule is not needed");
            } else if (!first.stopped) {
                // with sigma given, the full schedule stops at the first stage that reaches the discrepancy
                full = fit(run, capacity, first.stages, timeLimit - run.seconds(), cp, runner,
                        Double.isNaN(given) ? Double.NaN : TAU * given, Double.isNaN(given));
                candidates.addAll(full.snapshots);
            }
            boolean estimated = Double.isNaN(given);
            double dof = Double.NaN;
            double sigma = given;
            if (estimated) {
                Snapshot flexible = candidates.get(candidates.size() - 1);
                int n = problem.observations().size();
                dof = full == null ? Double.NaN : full.dataDegreesOfFreedom;
                sigma = dof < n - 0.5 ? flexible.dataRms * Math.sqrt(n / (n - dof)) : Double.NaN;
                if (Double.isNaN(sigma)) {
                    run.note("cannot estimate the noise: the most flexible model uses " + (Double.isNaN(dof) ? "an unknown number of"
                            : String.format(Locale.ROOT, "%.1f", dof)) + " effective parameters of " + n
                            + " observations; kept it (give the noise level to select)");
                    return run.result(flexible, full == null ? List.of(first) : List.of(first, full), null, runner);
                }
            }
            int chosen = candidates.size() - 1;
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).dataRms <= TAU * sigma) {
                    chosen = i;
                    break;
                }
            }
            List<Discrepancy.Candidate> list = new ArrayList<>();
            for (Snapshot s : candidates) {
                list.add(new Discrepancy.Candidate(s.model, s.parameters, s.dataRms));
            }
            Discrepancy d = new Discrepancy(sigma, estimated, dof, TAU, list, chosen);
            run.note(describe(d));
            Snapshot kept = candidates.get(chosen);
            return run.result(kept, full == null ? List.of(first) : List.of(first, full), d, runner);
        }
    }

    private static String describe(Discrepancy d) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "noise sigma %s (%s); kept %s: data RMS misfit %s = %.3f sigma",
                sci(d.sigma()), d.estimated() ? String.format(Locale.ROOT, "estimated from the most flexible model's misfit and "
                        + "its %.1f effective parameters", d.effectiveParameters()) : "given",
                d.kept().model(), sci(d.kept().dataRms()), d.kept().dataRms() / d.sigma()));
        if (d.kept().dataRms() > d.tau() * d.sigma()) {
            b.append(String.format(Locale.ROOT, ", above %.2f sigma: no model fits the data to the given noise level", d.tau()));
        } else if (d.chosen() > 0) {
            b.append(String.format(Locale.ROOT, " <= %.2f sigma; the next less flexible model misfits %s (bias)", d.tau(),
                    sci(d.candidates().get(d.chosen() - 1).dataRms())));
        } else {
            b.append(String.format(Locale.ROOT, " <= %.2f sigma%s", d.tau(),
                    d.candidates().size() > 1 ? "; more flexible models would fit the noise" : ""));
        }
        return b.toString();
    }

    /** The stiff candidate for d dimensions: degree 3, one grid-5 stage, narrow unknowns, PDE-weighted. */
    private Capacity stiff(int d) {
        return new Capacity(capacity.widths, new int[] {d, STIFF_UNKNOWN_WIDTH, 1}, new int[] {STIFF_GRID}, Integer.MAX_VALUE,
                STIFF_DEGREE, new int[] {STIFF_ITERATIONS}, STIFF_DATA_WEIGHT);
    }

    /**
     * Trains one model through its stages, keeping the state at each stage end.
     *
     * @param offset index of its first stage in {@link #stages()}
     * @param budget seconds this fit may use (infinite: no limit)
     * @param enough stop after the first stage whose data misfit is at most this (NaN: never)
     * @param degreesOfFreedom whether to find the effective parameters of the data at the last stage
     */
    private Fit fit(Run run, Capacity c, int offset, double budget, CollocationPoints cp, ParallelRunner runner, double enough,
                    boolean degreesOfFreedom) {
        InverseProblem problem = run.problem;
        Problem p = problem.problem();
        List<Unknown> unknowns = problem.unknowns();
        TrialFunction u = c.network(p, kan, c.widths, seed, c.grids[0]);
        List<TrialFunction> fields = new ArrayList<>();
        double[] scalars = new double[unknowns.size()];
        for (int k = 0; k < unknowns.size(); k++) {
            Unknown unknown = unknowns.get(k);
            if (unknown.isScalar()) {
                fields.add(null);
                scalars[k] = unknown.outputMap().inverse(unknown.initial());
            } else {
                fields.add(c.field(p, kan, seed, k));
            }
        }
        long started = System.nanoTime();
        Fit fit = new Fit();
        List<Stage> stages = c.stages(kan, optimizer);
        double[] coordinates = cp.interior().coordinates();
        for (int s = 0; s < stages.size(); s++) {
            Stage stage = stages.get(s);
            if (kan && (s > 0 || ((Kan) u).gridSizes()[0] != c.grids[s])) {
                u = extend((Kan) u, c.grids[s], coordinates);
                for (int k = 0; k < fields.size(); k++) {
                    if (fields.get(k) != null) {
                        fields.set(k, extend((Kan) fields.get(k), Math.min(c.grids[s], c.unknownGridMax), coordinates));
                    }
                }
                run.note("grid " + c.grids[s] + ": " + parameterCount(u, fields) + " parameters");
            }
            List<int[]> free = new ArrayList<>();
            for (TrialFunction f : fields) {
                free.add(f == null ? null : free(f));
            }
            InverseSystem system = new InverseSystem(problem, u, free(u), fields, free, scalars, cp.interior(), cp.boundary(),
                    boundaryWeight, c.dataWeight, runner);
            int parameters = system.dimension();
            String model = describe(u, fields);
            run.listener.stageStarted(offset + s, stage, model, parameters);
            long stageStart = System.nanoTime();
            double cap = stageCap(budget, stages, s, seconds(started));
            MinimizerRun minimizer = stage.optimizer().start(system, system.currentPoint(), runner);
            double[] best = minimizer.point().clone();
            double bestLoss = minimizer.value();
            int it = 0;
            StopReason reason = StopReason.ITERATIONS;
            while (it < stage.iterations()) {
                if (seconds(stageStart) >= cap) {
                    reason = StopReason.TIME;
                    run.note(String.format(Locale.ROOT, "stage %d hit its time budget of %.1f s after %d iterations",
                            offset + s, cap, it));
                    break;
                }
                if (!minimizer.step()) {
                    reason = minimizer.leftFiniteNumbers() ? StopReason.DIVERGED : StopReason.NO_PROGRESS;
                    break;
                }
                it++;
                run.iterations++;
                if (minimizer.value() <= bestLoss) {
                    bestLoss = minimizer.value();
                    System.arraycopy(minimizer.point(), 0, best, 0, best.length);
                }
                HistoryEntry entry = new HistoryEntry(offset + s, run.iterations, run.seconds(), minimizer.value(), Double.NaN,
                        parameters);
                fit.history.add(entry);
                if (!run.listener.iteration(entry)) {
                    reason = StopReason.STOPPED;
                    fit.stopped = true;
                    break;
                }
            }
            system.setPoint(best);
            Snapshot snap = new Snapshot(u.copy(), copies(fields), scalars.clone(), bestLoss, system.lossParts(best),
                    dataRms(u, problem.observations(), runner), model, parameters);
            fit.snapshots.add(snap);
            double rel = run.measure == null ? Double.NaN : run.measure.measure(u, runner).relL2();
            StageReport report = new StageReport(offset + s, stage, it, seconds(stageStart), bestLoss, rel, reason, parameters);
            fit.reports.add(report);
            fit.stages++;
            run.listener.stageFinished(report);
            if (degreesOfFreedom && s + 1 == stages.size()) {
                fit.dataDegreesOfFreedom = system.dataDegreesOfFreedom(best);
            }
            if (fit.stopped || reason == StopReason.DIVERGED) {
                fit.stopped = true;
                break;
            }
            if (snap.dataRms <= enough && s + 1 < stages.size()) {
                run.note(String.format(Locale.ROOT, "data misfit %s reached %s (tau times the given noise): later stages "
                        + "would fit the noise", sci(snap.dataRms), sci(enough)));
                break;
            }
        }
        return fit;
    }

    private static double dataRms(TrialFunction u, Observations obs, ParallelRunner runner) {
        double[] fit = org.kanpde.net.Batch.values(u, obs.points(), runner);
        double ss = 0;
        for (int j = 0; j < fit.length; j++) {
            ss += (fit[j] - obs.value(j)) * (fit[j] - obs.value(j));
        }
        return Math.sqrt(ss / fit.length);
    }

    private static List<TrialFunction> copies(List<TrialFunction> fields) {
        List<TrialFunction> c = new ArrayList<>();
        for (TrialFunction f : fields) {
            c.add(f == null ? null : f.copy());
        }
        return c;
    }

    private double stageCap(double budget, List<Stage> stages, int s, double elapsed) {
        if (!Double.isFinite(budget)) {
            return Double.POSITIVE_INFINITY;
        }
        double later = 0;
        for (int t = s + 1; t < stages.size(); t++) {
            later += stages.get(t).weight();
        }
        // later stages keep half of their share of the limit
        return Math.max(0, budget - elapsed - 0.5 * budget * later);
    }

    private static Kan extend(Kan k, int g, double[] coordinates) {
        int[] target = new int[k.layerCount()];
        Arrays.fill(target, g);
        return Arrays.equals(target, k.gridSizes()) ? k : k.extendGrid(target, coordinates);
    }

    private static int[] free(TrialFunction f) {
        if (f instanceof Kan k) {
            return k.parameterIndices(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS));
        }
        int[] all = new int[f.parameterCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private static int parameterCount(TrialFunction u, List<TrialFunction> fields) {
        int n = u.parameterCount();
        for (TrialFunction f : fields) {
            n += f == null ? 1 : f.parameterCount();
        }
        return n;
    }

    private static String describe(TrialFunction u, List<TrialFunction> fields) {
        StringBuilder b = new StringBuilder("u: " + u.describe());
        for (TrialFunction f : fields) {
            if (f != null) {
                b.append(", unknown: ").append(f.describe());
            }
        }
        return b.toString();
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) * 1e-9;
    }

    /** The size and schedule of one model: u's and the unknowns' networks, stages, data weight. */
    private record Capacity(int[] widths, int[] unknownWidths, int[] grids, int unknownGridMax, int degree, int[] iterations,
                            double dataWeight) {
        List<Stage> stages(boolean kan, Optimizer optimizer) {
            List<Stage> stages = new ArrayList<>();
            int count = kan ? grids.length : 1;
            double total = 0;
            double[] cost = new double[count];
            for (int s = 0; s < count; s++) {
                cost[s] = iterations(s) * (kan ? grids[s] + 10 : 1);
                total += cost[s];
            }
            for (int s = 0; s < count; s++) {
                Stage st = Stage.of(optimizer).withIterations(iterations(s)).withWeight(cost[s] / total);
                stages.add(kan ? st.withGrid(grids[s]) : st);
            }
            return stages;
        }

        private int iterations(int s) {
            return iterations.length == 1 ? iterations[0] : iterations[s];
        }

        TrialFunction field(Problem problem, boolean kan, long seed, int k) {
            return network(problem, kan, unknownWidths, seed + 1 + k, Math.min(grids[0], unknownGridMax));
        }

        TrialFunction network(Problem problem, boolean kan, int[] w, long s, int grid) {
            int[] widths = w != null ? w.clone() : kan ? Recipes.kanWidths(problem.dimension()) : Recipes.mlpWidths(problem.dimension());
            if (kan) {
                return Recipes.kan(problem, widths, new int[] {grid}, new int[] {degree}, new BasisType[] {BasisType.BSPLINE}, s);
            }
            return Recipes.mlp(problem, widths, s);
        }
    }

    /** The state at the end of one stage. */
    private record Snapshot(TrialFunction u, List<TrialFunction> fields, double[] scalars, double loss, double[] parts,
                            double dataRms, String model, int parameters) {
    }

    /** One model's training: its stage-end states, history and reports. */
    private static final class Fit {
        final List<Snapshot> snapshots = new ArrayList<>();
        final List<HistoryEntry> history = new ArrayList<>();
        final List<StageReport> reports = new ArrayList<>();
        int stages;
        boolean stopped;
        /** Effective parameters of the data at the last stage, if asked for and it ran. */
        double dataDegreesOfFreedom = Double.NaN;

        Snapshot last() {
            return snapshots.get(snapshots.size() - 1);
        }
    }

    /** What one solve shares across its fits: the problem, listener, clock, iteration count, notes. */
    private static final class Run {
        final InverseProblem problem;
        final TrainingListener listener;
        final long started = System.nanoTime();
        final List<String> messages = new ArrayList<>();
        final ErrorMeasure measure;
        final QuadratureRule rule;
        int iterations;

        Run(InverseProblem problem, TrainingListener listener) {
            this.problem = problem;
            this.listener = listener;
            Problem p = problem.problem();
            this.rule = p.domain().quadrature(8, p.dimension() == 1 ? 64 : p.dimension() == 2 ? 16 : 4);
            this.measure = p.hasExactSolution() ? new ErrorMeasure(p, rule) : null;
        }

        double seconds() {
            return InverseSolver.seconds(started);
        }

        void note(String text) {
            messages.add(text);
            listener.message(text);
        }

        /** The result of a kept state, with the history and stage reports of every fit that ran. */
        InverseResult result(Snapshot kept, List<Fit> fits, Discrepancy discrepancy, ParallelRunner runner) {
            Problem p = problem.problem();
            List<Unknown> unknowns = problem.unknowns();
            List<Identified> identified = new ArrayList<>();
            for (int k = 0; k < unknowns.size(); k++) {
                identified.add(kept.fields.get(k) == null ? Identified.scalar(unknowns.get(k), p.dimension(), kept.scalars[k])
                        : Identified.field(unknowns.get(k), kept.fields.get(k), rule, runner));
            }
            ErrorMetrics metrics = measure == null ? null : measure.measure(kept.u, runner);
            List<StageReport> reports = new ArrayList<>();
            List<HistoryEntry> history = new ArrayList<>();
            for (Fit f : fits) {
                reports.addAll(f.reports);
                history.addAll(f.history);
            }
            return new InverseResult(new Solution(p, kept.u), identified, metrics, kept.loss, kept.parts, kept.dataRms,
                    kept.parameters, iterations, seconds(), reports, history, messages, discrepancy);
        }
    }

    /** Builds an {@link InverseSolver}; setters validate and name bad values. */
    public static final class Builder {
        private final boolean kan;
        private int[] widths;
        private int[] unknownWidths;
        private int[] grids = KAN_GRIDS.clone();
        private int unknownGridMax = Integer.MAX_VALUE;
        private int degree = KAN_DEGREE;
        private int[] iterations;
        private Optimizer optimizer = new LevenbergMarquardt();
        private int points = POINTS;
        private int boundaryPoints = -1;
        private double boundaryWeight = Recipes.BOUNDARY_WEIGHT_LM;
        private double dataWeight = DATA_WEIGHT;
        private long seed;
        private int threads;
        private double timeLimit = Double.POSITIVE_INFINITY;
        private double noise = Double.NaN;
        private boolean fixed;

        private Builder(boolean kan) {
            this.kan = kan;
            this.iterations = kan ? KAN_ITERATIONS.clone() : new int[] {MLP_ITERATIONS};
        }

        /** Widths of u's network (default [d, 2d+1, 1] for KANs, [d, 20, 20, 1] for MLPs). */
        public Builder widths(int... w) {
            fixed = true;
            this.widths = w.clone();
            return this;
        }

        /** Widths of every unknown field's network (default as for u). */
        public Builder unknownWidths(int... w) {
            fixed = true;
            this.unknownWidths = w.clone();
            return this;
        }

        /** KAN grid sizes, one stage each (each &gt;= 1). */
        public Builder grids(int... g) {
            fixed = true;
            if (g.length == 0 || Arrays.stream(g).anyMatch(v -> v < 1)) {
                throw new IllegalArgumentException("grid sizes must be >= 1 and at least one, got " + Arrays.toString(g));
            }
            this.grids = g.clone();
            return this;
        }

        /**
         * Largest grid of the unknown fields' KANs (&gt;= 1; default: none, they follow u's schedule):
         * a coarser unknown has fewer degrees of freedom for noise to excite.
         */
        public Builder unknownGridMax(int g) {
            fixed = true;
            if (g < 1) {
                throw new IllegalArgumentException("unknown grid limit must be >= 1, got " + g);
            }
            this.unknownGridMax = g;
            return this;
        }

        /** KAN spline degree (&gt;= 1). */
        public Builder degree(int k) {
            fixed = true;
            if (k < 1) {
                throw new IllegalArgumentException("spline degree must be >= 1, got " + k);
            }
            this.degree = k;
            return this;
        }

        /** Iterations per stage: one value for all, or one per stage (each &gt;= 0). */
        public Builder iterations(int... n) {
            fixed = true;
            if (n.length == 0 || Arrays.stream(n).anyMatch(v -> v < 0)) {
                throw new IllegalArgumentException("iterations must be >= 0, got " + Arrays.toString(n));
            }
            this.iterations = n.clone();
            return this;
        }

        /** The optimizer of every stage (default Levenberg-Marquardt). */
        public Builder optimizer(Optimizer o) {
            this.optimizer = Objects.requireNonNull(o, "optimizer");
            return this;
        }

        /** Interior collocation points (&gt;= 1); the boundary gets a tenth as many unless set. */
        public Builder points(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("collocation points must be >= 1, got " + n);
            }
            this.points = n;
            return this;
        }

        /** Boundary collocation points (&gt;= 0). */
        public Builder boundaryPoints(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("boundary points must be >= 0, got " + n);
            }
            this.boundaryPoints = n;
            return this;
        }

        /** Weight of the mean squared boundary residuals (finite, &gt;= 0). */
        public Builder boundaryWeight(double w) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("boundary weight must be finite and >= 0, got " + w);
            }
            this.boundaryWeight = w;
            return this;
        }

        /** Weight of the mean squared data misfit (finite, &gt; 0). */
        public Builder dataWeight(double w) {
            fixed = true;
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("data weight must be finite and > 0, got " + w);
            }
            this.dataWeight = w;
            return this;
        }

        /**
         * The standard deviation of the observations' noise, if known (&gt;= 0; overrides the
         * observations' own statement). The default KAN solve selects its model against it instead of
         * estimating it.
         */
        public Builder noise(double sigma) {
            if (!(sigma >= 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("noise level must be finite and >= 0, got " + sigma);
            }
            this.noise = sigma;
            return this;
        }

        /** Seed of the networks (u: seed, unknown k: seed + 1 + k) and of the collocation points. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Worker threads (0: all processors); results do not depend on it. */
        public Builder threads(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("threads must be >= 0, got " + n);
            }
            this.threads = n;
            return this;
        }

        /** Wall-time limit in seconds (&gt; 0), shared out over the stages by their expected cost. */
        public Builder timeLimit(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("time limit must be > 0, got " + seconds);
            }
            this.timeLimit = seconds;
            return this;
        }

        /**
         * Builds the solver.
         *
         * @throws IllegalArgumentException if per-stage iterations do not match the stages
         */
        public InverseSolver build() {
            int stages = kan ? grids.length : 1;
            if (iterations.length != 1 && iterations.length != stages) {
                throw new IllegalArgumentException("need one iteration count or one per stage (" + stages + "), got "
                        + Arrays.toString(iterations));
            }
            if (boundaryPoints < 0) {
                boundaryPoints = Math.max(1, points / Collocation.BOUNDARY_DIVISOR);
            }
            return new InverseSolver(this);
        }
    }
}
