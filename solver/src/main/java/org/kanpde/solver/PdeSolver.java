package org.kanpde.solver;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.kan.GridSchedule;
import org.kanpde.net.kan.Kan;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Execution;
import org.kanpde.solver.train.Recipes;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.train.TrainingListener;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.solver.train.TrainingSession;

/**
 * The one-stop entry point for simulation codes: an immutable configuration, built with defaults
 * that are the best recipes measured ({@link Recipes}), that solves problems with its own initial
 * trial function or with one the caller gives.
 *
 * <pre>{@code
 * Problem problem = Problem.builder().domain(Box.cube(2, -1, 1))
 *         .source(Field.of(z -> 2 * Math.PI * Math.PI * Math.sin(Math.PI * z[0]) * Math.sin(Math.PI * z[1])))
 *         .boundary(BoundaryCondition.dirichlet(Field.constant(0))).build();
 * Solution u = PdeSolver.kan().seed(7).build().solve(problem).solution();
 * TrainingResult mine = PdeSolver.mlp()
 *         .stages(Stage.of(new LevenbergMarquardt().withInitialDamping(1e-2)).withIterations(300))
 *         .build().solve(problem, myTrialFunction);
 * }</pre>
 *
 * <p>A solver resolves, for a problem, three values that {@link TrainingSession} runs: the initial
 * trial function ({@link #initialModel}), the {@link Training} (collocation, schedule, loss, seed:
 * everything that decides the numbers) and the {@link Execution} (threads, time limit, checkpoints).
 * Whatever the builder was not told comes from the recipe of its kind ({@link #kan()} or
 * {@link #mlp()}):
 * <ul>
 *   <li>KAN: widths [d, 2d+1, 1], B-spline edges of degree 5, grids 5, 10, 20, 50 (5, 10, 20 in
 *       3-D), one Levenberg-Marquardt stage per grid for 150, 150, 300 and 400 iterations (150, 300,
 *       400 in 3-D), {@value Recipes#KAN_POINTS} random interior points and a tenth as many on the
 *       boundary, boundary weight {@value Recipes#BOUNDARY_WEIGHT_LM};</li>
 *   <li>MLP: [d, 20, 20, 1] tanh, 600 Levenberg-Marquardt iterations, {@value Recipes#MLP_POINTS}
 *       points; MLPs of more than {@value Recipes#MLP_LM_MAX_PARAMETERS} parameters train with
 *       {@value Recipes#ADAM_WARMUP} Adam iterations, then L-BFGS, with boundary weight
 *       {@value Recipes#BOUNDARY_WEIGHT_FIRST_ORDER}.</li>
 * </ul>
 * Seed 0, all processors, no time limit. Schedules count iterations, so the same seed gives
 * bit-identical results on any number of threads.
 *
 * <p>With a caller's trial function the kind's recipe supplies the rest: the default optimizers
 * follow its parameter count, and the grid schedule applies only to a {@link Kan}.
 */
public final class PdeSolver {
    private final boolean kan;
    private final int[] widths;
    private final int[] grids;
    private final int[] degrees;
    private final BasisType[] basis;
    private final int[] layerGridMax;
    private final List<Stage> stages;
    private final Optimizer[] optimizers;
    private final int[] iterations;
    private final Collocation collocation;
    private final Double boundaryWeight;
    private final boolean hardDirichlet;
    private final long seed;
    private final Execution execution;

    private PdeSolver(Builder b) {
        this.kan = b.kan;
        this.widths = b.widths;
        this.grids = b.grids;
        this.degrees = b.degrees;
        this.basis = b.basis;
        this.layerGridMax = b.layerGridMax;
        this.stages = b.stages;
        this.optimizers = b.optimizers;
        this.iterations = b.iterations;
        this.collocation = b.collocation;
        this.boundaryWeight = b.boundaryWeight;
        this.hardDirichlet = b.hardDirichlet;
        this.seed = b.seed;
        this.execution = b.execution;
    }

    /** A builder for the default KAN recipe. */
    public static Builder kan() {
        return new Builder(true);
    }

    /** A builder for the default MLP recipe. */
    public static Builder mlp() {
        return new Builder(false);
    }

    /** Whether this is the KAN recipe. */
    public boolean isKan() {
        return kan;
    }

    /** The layer widths for a problem: as set, or the recipe's. */
    public int[] widths(Problem problem) {
        int d = problem.dimension();
        return widths != null ? widths.clone() : kan ? Recipes.kanWidths(problem) : Recipes.mlpWidths(d);
    }

    /** The KAN grid schedule for a problem (one stage per size), or null for the MLP recipe. */
    public int[] grids(Problem problem) {
        if (!kan) {
            return null;
        }
        return grids != null ? grids.clone() : Recipes.kanGrids(problem.dimension());
    }

    /** The KAN spline degrees (one, or one per layer), or null for the MLP recipe. */
    public int[] degrees() {
        return kan ? degrees.clone() : null;
    }

    /** How training runs execute. */
    public Execution execution() {
        return execution;
    }

    /**
     * The initial (untrained) trial function of this recipe for a problem.
     *
     * @throws IllegalArgumentException if the widths do not fit the problem, naming them
     */
    public TrialFunction initialModel(Problem problem) {
        int[] w = widths(problem);
        return kan ? Recipes.kan(problem, w, perLayer(problem)[0], degrees, basis, seed) : Recipes.mlp(problem, w, seed);
    }

    /** The training of {@link #initialModel(Problem)} on a problem. */
    public Training training(Problem problem) {
        return training(problem, initialModel(problem));
    }

    /**
     * The training of a trial function on a problem: the stages as set, or the recipe's schedule
     * (grid stages only for a {@link Kan} under the KAN recipe, default optimizers by the
     * function's parameter count), the collocation, the boundary weight (as set, or the recipe's
     * for the schedule), exactly imposed Dirichlet data if asked for, and the seed.
     *
     * @throws IllegalArgumentException if optimizers or iteration counts do not match the stages,
     *                                  or per-layer settings do not match the layers
     */
    public Training training(Problem problem, TrialFunction initial) {
        List<Stage> schedule = stages != null ? stages : schedule(problem, initial);
        double beta = boundaryWeight != null ? boundaryWeight : Recipes.boundaryWeight(kan, schedule);
        return Training.builder().collocation(collocation).stages(schedule).boundaryWeight(beta)
                .hardDirichlet(hardDirichlet).seed(seed).build();
    }

    private List<Stage> schedule(Problem problem, TrialFunction initial) {
        int[][] g = kan && initial instanceof Kan ? perLayer(problem) : null;
        Optimizer[] chosen = optimizers != null ? optimizers : Recipes.optimizers(kan, initial.parameterCount());
        int count = g != null ? g.length : chosen.length;
        Optimizer[] perStage = chosen;
        if (chosen.length == 1 && count > 1) {
            perStage = new Optimizer[count];
            Arrays.fill(perStage, chosen[0]);
        } else if (chosen.length != count) {
            throw new IllegalArgumentException("need one optimizer or one per grid stage (" + count + "), got "
                    + chosen.length);
        }
        int[] it = iterations != null ? iterations : Recipes.iterations(perStage);
        if (it.length == 1 && count > 1) {
            it = new int[count];
            Arrays.fill(it, iterations[0]);
        } else if (it.length != count) {
            throw new IllegalArgumentException("need one iteration count or one per stage (" + count + "), got "
                    + list(it));
        }
        return Recipes.schedule(perStage, g, it);
    }

    /** Grid sizes per stage and layer: the schedule, capped per layer if caps were given. */
    private int[][] perLayer(Problem problem) {
        int[] schedule = grids(problem);
        int layers = widths(problem).length - 1;
        if (layerGridMax != null) {
            if (layerGridMax.length != layers) {
                throw new IllegalArgumentException("per-layer grid caps " + list(layerGridMax)
                        + " need one cap per layer (" + layers + ")");
            }
            return GridSchedule.capped(schedule, layerGridMax);
        }
        int[][] out = new int[schedule.length][];
        for (int s = 0; s < schedule.length; s++) {
            out[s] = new int[] {schedule[s]};
        }
        return out;
    }

    /** Solves a problem (blocking) with this recipe's initial trial function. */
    public TrainingResult solve(Problem problem) {
        return solve(problem, TrainingListener.silent());
    }

    /** Solves a problem, reporting progress to {@code listener} (return false from it to stop). */
    public TrainingResult solve(Problem problem, TrainingListener listener) {
        return solve(problem, initialModel(problem), listener);
    }

    /** Solves a problem starting from a copy of the caller's trial function (it is not modified). */
    public TrainingResult solve(Problem problem, TrialFunction initial) {
        return solve(problem, initial, TrainingListener.silent());
    }

    /** Solves a problem from a copy of the caller's trial function, reporting progress to {@code listener}. */
    public TrainingResult solve(Problem problem, TrialFunction initial, TrainingListener listener) {
        try (TrainingSession session = session(problem, initial, listener)) {
            return session.run();
        }
    }

    /** A session of this recipe's initial trial function that the host drives step by step (close it when done). */
    public TrainingSession session(Problem problem, TrainingListener listener) {
        return session(problem, initialModel(problem), listener);
    }

    /** A session from a copy of the caller's trial function (close it when done). */
    public TrainingSession session(Problem problem, TrialFunction initial, TrainingListener listener) {
        return TrainingSession.start(problem, initial, training(problem, initial), execution, listener);
    }

    /** {@code [5,10,20]}: an array as the command line writes it, so that messages name the value as given. */
    private static String list(int[] values) {
        return Arrays.toString(values).replace(" ", "");
    }

    private static String list(Object[] values) {
        return Arrays.toString(values);
    }

    /**
     * Builds a {@link PdeSolver}. Every setter validates its argument and names bad values;
     * settings that depend on the problem (widths against its dimension, per-layer lists against
     * the layers) are checked when the solver resolves them for a problem.
     */
    public static final class Builder {
        private final boolean kan;
        private int[] widths;
        private int[] grids;
        private int[] degrees = {Recipes.KAN_DEGREE};
        private BasisType[] basis = {BasisType.BSPLINE};
        private int[] layerGridMax;
        /** Null: the recipe's schedule. */
        private List<Stage> stages;
        /** Null: the recipe's choice for the model ({@link Recipes#optimizers}). */
        private Optimizer[] optimizers;
        /** Null: the recipe's choice for the optimizers ({@link Recipes#iterations}). */
        private int[] iterations;
        private Collocation collocation;
        /** Null: the recipe's choice for the schedule ({@link Recipes#boundaryWeight}). */
        private Double boundaryWeight;
        private boolean hardDirichlet;
        private long seed;
        private Execution execution = Execution.defaults();

        private Builder(boolean kan) {
            this.kan = kan;
            this.collocation = Collocation.of(Recipes.points(kan));
        }

        /**
         * Layer widths, input dimension first and 1 last (default: KAN [d,2d+1,1], [2,10,1] on a 2-D
         * domain with holes, MLP [d,20,20,1]).
         */
        public Builder widths(int... w) {
            if (w == null || w.length < 2 || w[w.length - 1] != 1 || Arrays.stream(w).anyMatch(x -> x < 1)) {
                throw new IllegalArgumentException("widths must have at least two entries >= 1 and end with 1, got "
                        + list(w));
            }
            this.widths = w.clone();
            return this;
        }

        /** KAN grid sizes, one training stage each (default 5, 10, 20, 50; 5, 10, 20 in 3-D). */
        public Builder grids(int... g) {
            requireKan("grids");
            this.grids = positive("grid sizes", g);
            return this;
        }

        /** KAN spline degree k: one value or one per layer (default 5). */
        public Builder degree(int... k) {
            requireKan("spline degree");
            this.degrees = positive("spline degrees", k);
            return this;
        }

        /** KAN edge basis: one for all layers or one per layer (default B-splines). */
        public Builder basis(BasisType... types) {
            requireKan("edge bases");
            if (types == null || types.length == 0 || Arrays.stream(types).anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("need at least one edge basis and no null, got " + list(types));
            }
            this.basis = types.clone();
            return this;
        }

        /**
         * Per-layer caps of the grid schedule, one per layer: e.g. grids 5, 10, 20, 50 with caps
         * 20, 50 stop the first layer at G = 20 while the second goes on to 50.
         */
        public Builder layerGridMax(int... caps) {
            requireKan("per-layer grid caps");
            this.layerGridMax = positive("per-layer grid caps", caps);
            return this;
        }

        /**
         * The whole schedule, replacing the recipe's grids, optimizers and iterations: each stage
         * with its configured optimizer, iteration count and (for KANs) grid.
         */
        public Builder stages(Stage... list) {
            if (list == null || list.length == 0 || Arrays.stream(list).anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("a schedule needs at least one stage and no null, got "
                        + list(list));
            }
            this.stages = List.of(list);
            return this;
        }

        /**
         * The configured optimizer of every stage of the recipe's schedule, or one per stage (default
         * Levenberg-Marquardt; for MLPs of more than {@value Recipes#MLP_LM_MAX_PARAMETERS}
         * parameters Adam, then L-BFGS).
         */
        public Builder optimizer(Optimizer... o) {
            if (o == null || o.length == 0 || Arrays.stream(o).anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("need at least one optimizer and no null, got " + list(o));
            }
            this.optimizers = o.clone();
            return this;
        }

        /** Iterations of every stage of the recipe's schedule, or one per stage. */
        public Builder iterations(int... n) {
            this.iterations = positive("iterations", n);
            return this;
        }

        /** The collocation points (default: the recipe's count, random, a tenth on the boundary). */
        public Builder collocation(Collocation points) {
            this.collocation = Objects.requireNonNull(points, "collocation");
            return this;
        }

        /** Interior collocation points (default 6000 for a KAN, 3000 for an MLP; a tenth on the boundary). */
        public Builder points(int n) {
            this.collocation = collocation.withInteriorPoints(n);
            return this;
        }

        /** Boundary points. */
        public Builder boundaryPoints(int n) {
            this.collocation = collocation.withBoundaryPoints(n);
            return this;
        }

        /** Sampling of interior and boundary points (default random). */
        public Builder sampling(SamplingScheme scheme) {
            this.collocation = collocation.withSampling(scheme);
            return this;
        }

        /** Whether fresh collocation points are drawn before every stage after the first (default false). */
        public Builder resampling(boolean on) {
            this.collocation = collocation.withResampling(on);
            return this;
        }

        /**
         * Weight of the mean squared boundary residual (default 1000; 10 for MLPs whose every stage
         * uses Adam or L-BFGS).
         */
        public Builder boundaryWeight(double beta) {
            if (!(beta >= 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("boundary weight must be finite and >= 0, got " + beta);
            }
            this.boundaryWeight = beta;
            return this;
        }

        /** Impose Dirichlet data exactly (pure Dirichlet problems with one data field). */
        public Builder hardDirichlet(boolean on) {
            this.hardDirichlet = on;
            return this;
        }

        /** Seed of initialization and sampling (default 0). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** How runs execute (default {@link Execution#defaults()}). */
        public Builder execution(Execution e) {
            this.execution = Objects.requireNonNull(e, "execution");
            return this;
        }

        /** Worker threads (default: all processors; results do not depend on it). */
        public Builder threads(int n) {
            this.execution = execution.withThreads(n);
            return this;
        }

        /** Total wall-time limit in seconds (default none). */
        public Builder timeLimit(double seconds) {
            this.execution = execution.withTimeLimit(seconds);
            return this;
        }

        /** Writes a checkpoint every {@code iterations} iterations to {@code file} (atomically). */
        public Builder checkpoint(Path file, int iterations) {
            this.execution = execution.withCheckpoint(file, iterations);
            return this;
        }

        /** The configuration. */
        public PdeSolver build() {
            return new PdeSolver(this);
        }

        private void requireKan(String what) {
            if (!kan) {
                throw new IllegalArgumentException(what + " apply to KANs only");
            }
        }

        private static int[] positive(String what, int[] values) {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException(what + " need at least one value");
            }
            for (int v : values) {
                if (v < 1) {
                    throw new IllegalArgumentException(what + " must be >= 1, got " + list(values));
                }
            }
            return values.clone();
        }
    }
}
