package org.kanpde.solver;

import java.util.Arrays;
import java.util.List;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.kan.GridSchedule;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Optimizer;
import org.kanpde.solver.train.Recipes;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.TrainingListener;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.solver.train.TrainingSession;
import org.kanpde.solver.train.TrainingSettings;

/**
 * The one-stop entry point for simulation codes: a configuration (immutable, built with defaults
 * that are the best recipes measured) that solves problems.
 *
 * <pre>{@code
 * Problem problem = Problem.builder().domain(Box.cube(2, -1, 1))
 *         .source(Field.of(z -> 2 * Math.PI * Math.PI * Math.sin(Math.PI * z[0]) * Math.sin(Math.PI * z[1])))
 *         .boundary(BoundaryCondition.dirichlet(Field.constant(0))).build();
 * Solution u = PdeSolver.kan().seed(7).build().solve(problem).solution();
 * double value = u.value(0.25, 0.5);
 * }</pre>
 *
 * <p>KAN defaults: widths [d, 2d+1, 1], spline order 5, grids 5, 10, 20, 50 (5, 10, 20 in 3-D) with
 * Levenberg-Marquardt for 150, 150, 300 and 400 iterations (150, 300, 400 in 3-D), 6000 random interior points and 600 boundary points,
 * boundary weight 1000. MLP defaults: [d, 20, 20, 1] tanh, 600 Levenberg-Marquardt iterations,
 * 3000 points; MLPs of more than {@value Recipes#MLP_LM_MAX_PARAMETERS} parameters train with
 * {@value Recipes#ADAM_WARMUP} Adam iterations, then L-BFGS, with boundary weight
 * {@value Recipes#BOUNDARY_WEIGHT_FIRST_ORDER} (see {@link Recipes}). Seed 0, all processors, no
 * time limit. Schedules count iterations, so the same seed gives bit-identical results on any
 * number of threads.
 */
public final class PdeSolver {
    private final boolean kan;
    private final int[] widths;
    private final int[] grids;
    private final int[] order;
    private final BasisType[] basis;
    private final int[] layerGridMax;
    private final Optimizer[] optimizers;
    private final int[] iterations;
    private final TrainingSettings base;
    private final Integer points;
    private final Integer boundaryPoints;
    private final double learningRate;
    private final Double boundaryWeight;

    private PdeSolver(Builder b) {
        this.kan = b.kan;
        this.widths = b.widths;
        this.grids = b.grids;
        this.order = b.order;
        this.basis = b.basis;
        this.layerGridMax = b.layerGridMax;
        this.optimizers = b.optimizers;
        this.iterations = b.iterations;
        this.base = b.settings.build();
        this.points = b.points;
        this.boundaryPoints = b.boundaryPoints;
        this.learningRate = b.learningRate;
        this.boundaryWeight = b.boundaryWeight;
    }

    /** A builder for the default KAN recipe. */
    public static Builder kan() {
        return new Builder(true);
    }

    /** A builder for the default MLP recipe. */
    public static Builder mlp() {
        return new Builder(false);
    }

    private int[] mlpWidths(Problem problem) {
        return widths != null ? widths : Recipes.mlpWidths(problem.dimension());
    }

    /** The initial (untrained) trial function this configuration uses for a problem. */
    public TrialFunction initialModel(Problem problem) {
        int d = problem.dimension();
        int[] w = widths != null ? widths : kan ? Recipes.kanWidths(d) : Recipes.mlpWidths(d);
        long seed = base.seed();
        return kan ? Recipes.kan(problem, w, perLayer(d)[0], order, basis, seed) : Recipes.mlp(problem, w, seed);
    }

    /** The training settings this configuration uses for a problem. */
    public TrainingSettings settings(Problem problem) {
        int[][] g = kan ? perLayer(problem.dimension()) : null;
        Optimizer[] chosen = optimizers != null ? optimizers
                : Recipes.optimizers(kan, kan ? 0 : (int) Math.min(Integer.MAX_VALUE, Mlp.parameterCount(mlpWidths(problem))));
        int stages = kan ? g.length : chosen.length;
        Optimizer[] perStage = chosen;
        if (chosen.length == 1 && stages > 1) {
            perStage = new Optimizer[stages];
            Arrays.fill(perStage, chosen[0]);
        } else if (chosen.length != stages) {
            throw new IllegalArgumentException("need one optimizer or one per grid stage (" + stages + "), got "
                    + Arrays.toString(chosen));
        }
        int[] it = iterations != null ? iterations : Recipes.iterations(perStage);
        if (it.length == 1 && stages > 1) {
            it = new int[stages];
            Arrays.fill(it, iterations[0]);
        } else if (it.length != stages) {
            throw new IllegalArgumentException("need one iteration count or one per stage (" + stages + "), got "
                    + Arrays.toString(it));
        }
        List<Stage> schedule = Recipes.schedule(perStage, g, it).stream().map(s -> s.withLearningRate(learningRate)).toList();
        int n = points != null ? points : kan ? Recipes.KAN_POINTS : Recipes.MLP_POINTS;
        double beta = boundaryWeight != null ? boundaryWeight : Recipes.boundaryWeight(kan, perStage);
        return base.toBuilder().stages(schedule).interiorPoints(n).boundaryWeight(beta)
                .boundaryPoints(boundaryPoints != null ? boundaryPoints : Math.max(1, n / 10)).build();
    }

    private int[] schedule(int d) {
        return grids != null ? grids : Recipes.kanGrids(d);
    }

    /** Grid sizes per stage and layer: the schedule, capped per layer if caps were given. */
    private int[][] perLayer(int d) {
        int[] schedule = schedule(d);
        if (layerGridMax != null) {
            return GridSchedule.capped(schedule, layerGridMax);
        }
        int[][] out = new int[schedule.length][];
        for (int s = 0; s < schedule.length; s++) {
            out[s] = new int[] {schedule[s]};
        }
        return out;
    }

    /** Solves a problem (blocking) and returns the trained solution with its history and errors. */
    public TrainingResult solve(Problem problem) {
        return solve(problem, TrainingListener.silent());
    }

    /** Solves a problem, reporting progress to {@code listener} (return false from it to stop). */
    public TrainingResult solve(Problem problem, TrainingListener listener) {
        try (TrainingSession session = session(problem, listener)) {
            return session.run();
        }
    }

    /** A session the host drives step by step (close it when done). */
    public TrainingSession session(Problem problem, TrainingListener listener) {
        return TrainingSession.start(problem, initialModel(problem), settings(problem), listener);
    }

    /** Builds a {@link PdeSolver}; every setter validates its argument and names bad values. */
    public static final class Builder {
        private final boolean kan;
        private int[] widths;
        private int[] grids;
        private int[] order = {Recipes.KAN_ORDER};
        private BasisType[] basis = {BasisType.BSPLINE};
        private int[] layerGridMax;
        /** Null: the recipe's choice for the model ({@link Recipes#optimizers}). */
        private Optimizer[] optimizers;
        /** Null: the recipe's choice for the optimizers ({@link Recipes#boundaryWeight}). */
        private Double boundaryWeight;
        private int[] iterations;
        private Integer points;
        private Integer boundaryPoints;
        private double learningRate = 1e-3;
        private final TrainingSettings.Builder settings = TrainingSettings.builder()
                .stage(Stage.of(Optimizer.LM));

        private Builder(boolean kan) {
            this.kan = kan;
        }

        /** Layer widths, input dimension first and 1 last (default: KAN [d,2d+1,1], MLP [d,20,20,1]). */
        public Builder widths(int... w) {
            if (w == null || w.length < 2 || w[w.length - 1] != 1) {
                throw new IllegalArgumentException("widths must have at least two entries and end with 1, got " + Arrays.toString(w));
            }
            for (int x : w) {
                if (x < 1) {
                    throw new IllegalArgumentException("widths must be >= 1, got " + Arrays.toString(w));
                }
            }
            this.widths = w.clone();
            return this;
        }

        /** KAN grid sizes, one training stage each (default 5, 10, 20, 50). */
        public Builder grids(int... g) {
            requireKan("grids");
            this.grids = positive("grid sizes", g);
            return this;
        }

        /** KAN spline order: one value or one per layer (default 5). */
        public Builder order(int... k) {
            requireKan("spline order");
            this.order = positive("spline orders", k);
            return this;
        }

        /** KAN edge basis: one for all layers or one per layer (default B-splines). */
        public Builder basis(BasisType... types) {
            requireKan("edge bases");
            if (types == null || types.length == 0) {
                throw new IllegalArgumentException("need at least one edge basis");
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
         * The optimizer of every stage, or one per stage (default Levenberg-Marquardt; for MLPs of
         * more than {@value Recipes#MLP_LM_MAX_PARAMETERS} parameters Adam, then L-BFGS).
         */
        public Builder optimizer(Optimizer... o) {
            if (o == null || o.length == 0) {
                throw new IllegalArgumentException("need at least one optimizer");
            }
            this.optimizers = o.clone();
            return this;
        }

        /** Iterations of every stage, or one per stage. */
        public Builder iterations(int... n) {
            this.iterations = positive("iterations", n);
            return this;
        }

        /** Adam's learning rate (default 1e-3). */
        public Builder learningRate(double rate) {
            if (!(rate > 0) || !Double.isFinite(rate)) {
                throw new IllegalArgumentException("learning rate must be finite and > 0, got " + rate);
            }
            this.learningRate = rate;
            return this;
        }

        /** Interior collocation points (default 6000 for a KAN, 3000 for an MLP; a tenth on the boundary). */
        public Builder points(int n) {
            settings.interiorPoints(n);
            this.points = n;
            return this;
        }

        /** Boundary points. */
        public Builder boundaryPoints(int n) {
            settings.boundaryPoints(n);
            this.boundaryPoints = n;
            return this;
        }

        /** Sampling of interior and boundary points (default random). */
        public Builder sampling(SamplingScheme scheme) {
            settings.interiorSampling(scheme).boundarySampling(scheme);
            return this;
        }

        /**
         * Weight of the mean squared boundary residual (default 1000; 10 for MLPs whose every stage
         * uses Adam or L-BFGS).
         */
        public Builder boundaryWeight(double beta) {
            settings.boundaryWeight(beta);
            this.boundaryWeight = beta;
            return this;
        }

        /** Impose Dirichlet data exactly (pure Dirichlet problems with one data field). */
        public Builder hardDirichlet(boolean on) {
            settings.hardDirichlet(on);
            return this;
        }

        /** Seed of initialization and sampling (default 0). */
        public Builder seed(long seed) {
            settings.seed(seed);
            return this;
        }

        /** Worker threads (default: all processors; results do not depend on it). */
        public Builder threads(int n) {
            settings.threads(n);
            return this;
        }

        /** Total wall-time limit in seconds (default none). */
        public Builder timeLimit(double seconds) {
            settings.timeLimit(seconds);
            return this;
        }

        /** Writes a checkpoint every {@code iterations} iterations to {@code file} (atomically). */
        public Builder checkpoint(java.nio.file.Path file, int iterations) {
            settings.checkpoint(file, iterations);
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
                    throw new IllegalArgumentException(what + " must be >= 1, got " + Arrays.toString(values));
                }
            }
            return values.clone();
        }
    }
}
