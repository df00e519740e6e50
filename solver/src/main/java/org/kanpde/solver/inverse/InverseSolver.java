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
 * grids 5, 10, 20, 40 with 100, 100, 200, 100 Levenberg-Marquardt iterations; only spline
 * coefficients train. This recipe is for accurate data (PInv without noise: a to 6e-6, u to 6e-7 in
 * 35 s on 2 cores). Noisy data need fewer degrees of freedom, or the networks fit the noise: for
 * PInv with sigma = 0.1 the measured recipe is degree 3, grid 5 only, 200 iterations, an unknown
 * KAN [2, 2, 1] and data weight 0.1 (see BENCHMARKS.md). MLP: [d, 20, 20, 1] tanh for both, one stage of
 * {@value #MLP_ITERATIONS} iterations. {@value #POINTS} random interior collocation points and a
 * tenth as many on the boundary, boundary weight {@value Recipes#BOUNDARY_WEIGHT_LM}, data weight
 * {@value #DATA_WEIGHT}, seed 0, all processors, no time limit. Same seed, same digits on any
 * number of threads.
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

    private final boolean kan;
    private final int[] widths;
    private final int[] unknownWidths;
    private final int[] grids;
    private final int unknownGridMax;
    private final int degree;
    private final int[] iterations;
    private final Optimizer optimizer;
    private final int points;
    private final int boundaryPoints;
    private final double boundaryWeight;
    private final double dataWeight;
    private final long seed;
    private final int threads;
    private final double timeLimit;

    private InverseSolver(Builder b) {
        this.kan = b.kan;
        this.widths = b.widths;
        this.unknownWidths = b.unknownWidths;
        this.grids = b.grids;
        this.unknownGridMax = b.unknownGridMax;
        this.degree = b.degree;
        this.iterations = b.iterations;
        this.optimizer = b.optimizer;
        this.points = b.points;
        this.boundaryPoints = b.boundaryPoints;
        this.boundaryWeight = b.boundaryWeight;
        this.dataWeight = b.dataWeight;
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

    /** The data weight. */
    public double dataWeight() {
        return dataWeight;
    }

    /** The schedule: one stage per grid size (KAN) or one stage (MLP). */
    public List<Stage> stages() {
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

    /** The initial trial function of u for a problem. */
    public TrialFunction initialU(Problem problem) {
        return network(problem, widths, seed);
    }

    /** The initial trial function of an unknown field (the k-th unknown gets seed + 1 + k). */
    public TrialFunction initialField(Problem problem, int k) {
        return network(problem, unknownWidths, seed + 1 + k, Math.min(grids[0], unknownGridMax));
    }

    private TrialFunction network(Problem problem, int[] w, long s) {
        return network(problem, w, s, grids[0]);
    }

    private TrialFunction network(Problem problem, int[] w, long s, int grid) {
        int[] widths = w != null ? w.clone() : kan ? Recipes.kanWidths(problem.dimension()) : Recipes.mlpWidths(problem.dimension());
        if (kan) {
            return Recipes.kan(problem, widths, new int[] {grid}, new int[] {degree}, new BasisType[] {BasisType.BSPLINE}, s);
        }
        return Recipes.mlp(problem, widths, s);
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
        List<Unknown> unknowns = problem.unknowns();
        TrialFunction u = initialU(p);
        List<TrialFunction> fields = new ArrayList<>();
        double[] scalars = new double[unknowns.size()];
        for (int k = 0; k < unknowns.size(); k++) {
            Unknown unknown = unknowns.get(k);
            if (unknown.isScalar()) {
                fields.add(null);
                scalars[k] = unknown.outputMap().inverse(unknown.initial());
            } else {
                fields.add(initialField(p, k));
            }
        }
        long started = System.nanoTime();
        CollocationPoints cp = Collocation.of(points).withBoundaryPoints(boundaryPoints).draw(p.domain(), seed, 0, true);
        List<String> messages = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>();
        List<StageReport> reports = new ArrayList<>();
        List<Stage> stages = stages();
        int done = 0;
        double loss = Double.NaN;
        double[] parts = new double[4];
        QuadratureRule rule = p.domain().quadrature(8, p.dimension() == 1 ? 64 : p.dimension() == 2 ? 16 : 4);
        ErrorMeasure measure = p.hasExactSolution() ? new ErrorMeasure(p, rule) : null;
        try (ParallelRunner runner = threads > 0 ? new ParallelRunner(threads) : ParallelRunner.forAvailableProcessors()) {
            double[] coordinates = cp.interior().coordinates();
            for (int s = 0; s < stages.size(); s++) {
                Stage stage = stages.get(s);
                if (kan && (s > 0 || ((Kan) u).gridSizes()[0] != grids[s])) {
                    u = extend((Kan) u, grids[s], coordinates);
                    for (int k = 0; k < fields.size(); k++) {
                        if (fields.get(k) != null) {
                            fields.set(k, extend((Kan) fields.get(k), Math.min(grids[s], unknownGridMax), coordinates));
                        }
                    }
                    note(messages, listener, "grid " + grids[s] + ": " + parameterCount(u, fields) + " parameters");
                }
                List<int[]> free = new ArrayList<>();
                for (TrialFunction f : fields) {
                    free.add(f == null ? null : free(f));
                }
                InverseSystem system = new InverseSystem(problem, u, free(u), fields, free, scalars, cp.interior(), cp.boundary(),
                        boundaryWeight, dataWeight, runner);
                int parameters = system.dimension();
                listener.stageStarted(s, stage, describe(u, fields), parameters);
                long stageStart = System.nanoTime();
                double cap = stageCap(stages, s, seconds(started));
                MinimizerRun run = stage.optimizer().start(system, system.currentPoint(), runner);
                double[] best = run.point().clone();
                double bestLoss = run.value();
                int it = 0;
                StopReason reason = StopReason.ITERATIONS;
                boolean stop = false;
                while (it < stage.iterations()) {
                    if (seconds(stageStart) >= cap) {
                        reason = StopReason.TIME;
                        note(messages, listener, String.format(Locale.ROOT,
                                "stage %d hit its time budget of %.1f s after %d iterations", s, cap, it));
                        break;
                    }
                    if (!run.step()) {
                        reason = run.leftFiniteNumbers() ? StopReason.DIVERGED : StopReason.NO_PROGRESS;
                        break;
                    }
                    it++;
                    done++;
                    if (run.value() <= bestLoss) {
                        bestLoss = run.value();
                        System.arraycopy(run.point(), 0, best, 0, best.length);
                    }
                    HistoryEntry entry = new HistoryEntry(s, done, seconds(started), run.value(), Double.NaN, parameters);
                    history.add(entry);
                    if (!listener.iteration(entry)) {
                        reason = StopReason.STOPPED;
                        stop = true;
                        break;
                    }
                }
                system.setPoint(best);
                loss = bestLoss;
                parts = system.lossParts(best);
                double rel = measure == null ? Double.NaN : measure.measure(u, runner).relL2();
                StageReport report = new StageReport(s, stage, it, seconds(stageStart), bestLoss, rel, reason, parameters);
                reports.add(report);
                listener.stageFinished(report);
                if (stop || reason == StopReason.DIVERGED) {
                    break;
                }
            }
            List<Identified> identified = new ArrayList<>();
            for (int k = 0; k < unknowns.size(); k++) {
                identified.add(fields.get(k) == null ? Identified.scalar(unknowns.get(k), p.dimension(), scalars[k])
                        : Identified.field(unknowns.get(k), fields.get(k), rule, runner));
            }
            ErrorMetrics metrics = measure == null ? null : measure.measure(u, runner);
            Observations obs = problem.observations();
            double[] fit = org.kanpde.net.Batch.values(u, obs.points(), runner);
            double ss = 0;
            for (int j = 0; j < fit.length; j++) {
                ss += (fit[j] - obs.value(j)) * (fit[j] - obs.value(j));
            }
            return new InverseResult(new Solution(p, u), identified, metrics, loss, parts, Math.sqrt(ss / fit.length), done,
                    seconds(started), reports, history, messages);
        }
    }

    private double stageCap(List<Stage> stages, int s, double elapsed) {
        if (!Double.isFinite(timeLimit)) {
            return Double.POSITIVE_INFINITY;
        }
        double later = 0;
        for (int t = s + 1; t < stages.size(); t++) {
            later += stages.get(t).weight();
        }
        // later stages keep half of their share of the limit
        return Math.max(0, timeLimit - elapsed - 0.5 * timeLimit * later);
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

    private static void note(List<String> messages, TrainingListener listener, String text) {
        messages.add(text);
        listener.message(text);
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

    private static double seconds(long since) {
        return (System.nanoTime() - since) * 1e-9;
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

        private Builder(boolean kan) {
            this.kan = kan;
            this.iterations = kan ? KAN_ITERATIONS.clone() : new int[] {MLP_ITERATIONS};
        }

        /** Widths of u's network (default [d, 2d+1, 1] for KANs, [d, 20, 20, 1] for MLPs). */
        public Builder widths(int... w) {
            this.widths = w.clone();
            return this;
        }

        /** Widths of every unknown field's network (default as for u). */
        public Builder unknownWidths(int... w) {
            this.unknownWidths = w.clone();
            return this;
        }

        /** KAN grid sizes, one stage each (each &gt;= 1). */
        public Builder grids(int... g) {
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
            if (g < 1) {
                throw new IllegalArgumentException("unknown grid limit must be >= 1, got " + g);
            }
            this.unknownGridMax = g;
            return this;
        }

        /** KAN spline degree (&gt;= 1). */
        public Builder degree(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("spline degree must be >= 1, got " + k);
            }
            this.degree = k;
            return this;
        }

        /** Iterations per stage: one value for all, or one per stage (each &gt;= 0). */
        public Builder iterations(int... n) {
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
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("data weight must be finite and > 0, got " + w);
            }
            this.dataWeight = w;
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
