package org.kanpde.solver.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.collocation.CollocationPoints;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.ResidualRows;
import org.kanpde.solver.residual.ResidualSystem;

/**
 * What a training run is, everything that decides its numbers: the collocation points, the
 * schedule of stages (each with its configured optimizer), the loss (boundary weight, exactly
 * imposed Dirichlet data), which KAN parameters train, grid updates, how often and how finely the
 * error is measured, what counts as divergence, and the seed. Immutable; build with
 * {@link #builder()}. How a run executes (threads, time limit, checkpoints) is an
 * {@link Execution}, which never changes the numbers.
 *
 * <p>Defaults: the KAN recipe's collocation ({@link Recipes#KAN_POINTS} random interior points and a
 * tenth as many on the boundary), boundary weight {@link Recipes#BOUNDARY_WEIGHT_LM}, soft boundary
 * conditions, only the KAN spline coefficients train (freeing w_b and w_s made Levenberg-Marquardt
 * about ten times slower to converge), no grid update between stages (first-layer grids already
 * span the domain), errors measured every 10 iterations (Levenberg-Marquardt; 20 for L-BFGS, 100
 * for Adam) on a coarser quadrature than the final errors, divergence at 1e8 times the stage's best
 * loss, seed 0. The schedule has no default.
 */
public final class Training {
    private final Collocation collocation;
    private final List<Stage> stages;
    private final double boundaryWeight;
    private final boolean hardDirichlet;
    private final Set<EdgeParameter> trainableKan;
    private final boolean gridUpdate;
    private final double gridUniformFraction;
    private final int metricsEvery;
    private final int quadraturePoints;
    private final int quadratureSubdivisions;
    private final double divergenceFactor;
    private final long seed;

    private Training(Builder b) {
        this.collocation = b.collocation;
        this.stages = List.copyOf(b.stages);
        this.boundaryWeight = b.boundaryWeight;
        this.hardDirichlet = b.hardDirichlet;
        this.trainableKan = Collections.unmodifiableSet(EnumSet.copyOf(b.trainableKan));
        this.gridUpdate = b.gridUpdate;
        this.gridUniformFraction = b.gridUniformFraction;
        this.metricsEvery = b.metricsEvery;
        this.quadraturePoints = b.quadraturePoints;
        this.quadratureSubdivisions = b.quadratureSubdivisions;
        this.divergenceFactor = b.divergenceFactor;
        this.seed = b.seed;
    }

    /** A builder with the defaults listed in the class comment. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialized with this training. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.collocation = collocation;
        b.stages = new ArrayList<>(stages);
        b.boundaryWeight = boundaryWeight;
        b.hardDirichlet = hardDirichlet;
        b.trainableKan = EnumSet.copyOf(trainableKan);
        b.gridUpdate = gridUpdate;
        b.gridUniformFraction = gridUniformFraction;
        b.metricsEvery = metricsEvery;
        b.quadraturePoints = quadraturePoints;
        b.quadratureSubdivisions = quadratureSubdivisions;
        b.divergenceFactor = divergenceFactor;
        b.seed = seed;
        return b;
    }

    /** The collocation points. */
    public Collocation collocation() {
        return collocation;
    }

    /** The schedule. */
    public List<Stage> stages() {
        return stages;
    }

    /** Weight of the mean squared boundary residual. */
    public double boundaryWeight() {
        return boundaryWeight;
    }

    /** Whether Dirichlet data are imposed exactly. */
    public boolean hardDirichlet() {
        return hardDirichlet;
    }

    /** Which KAN parameters train (an unmodifiable set). */
    public Set<EdgeParameter> trainableKan() {
        return trainableKan;
    }

    /** Whether hidden-layer grids follow their inputs before grid extension. */
    public boolean gridUpdate() {
        return gridUpdate;
    }

    /** Weight of the uniform grid in grid updates. */
    public double gridUniformFraction() {
        return gridUniformFraction;
    }

    /** Error measurement interval in iterations. */
    public int metricsEvery() {
        return metricsEvery;
    }

    /** Gauss points per direction of the error quadrature. */
    public int quadraturePoints() {
        return quadraturePoints;
    }

    /**
     * Subdivisions per direction of the error quadrature for a problem of dimension d: as set, or
     * 64, 16 and 4 in 1, 2 and 3 D (about 500, 16,000 or 33,000 nodes with 8 points) and 1 above
     * (8^d nodes; boxes replace rules of more than 2^16 nodes by Sobol points).
     */
    public int quadratureSubdivisions(int d) {
        if (quadratureSubdivisions > 0) {
            return quadratureSubdivisions;
        }
        return d == 1 ? 64 : d == 2 ? 16 : d == 3 ? 4 : 1;
    }

    /** Loss blow-up factor that counts as divergence. */
    public double divergenceFactor() {
        return divergenceFactor;
    }

    /** Seed of collocation sampling. */
    public long seed() {
        return seed;
    }

    /**
     * The residual system this training minimizes for {@code model} on {@code points}: its loss
     * weights and boundary enforcement, over the trainable parameters (for a {@link Kan}, those of
     * {@link #trainableKan()}; for other trial functions all).
     *
     * @param model  the trial function (its live parameters are what the system moves)
     * @param points the collocation points, from {@link Collocation#draw}
     * @param runner the threads the system evaluates rows on
     */
    public ResidualSystem residualSystem(Problem problem, TrialFunction model, CollocationPoints points,
                                         ParallelRunner runner) {
        ResidualRows rows = ResidualRows.of(problem, points.interior(), points.boundary(), boundaryWeight, hardDirichlet);
        int[] free;
        if (model instanceof Kan kan) {
            free = kan.parameterIndices(trainableKan);
        } else {
            free = new int[model.parameterCount()];
            for (int i = 0; i < free.length; i++) {
                free[i] = i;
            }
        }
        return new ResidualSystem(model, rows, free, runner);
    }

    /**
     * Every setting by name, as exact text (doubles in their round-tripping form): what a
     * {@link Checkpoint} records and {@link TrainingSession#resume} compares, so that a resumed run
     * cannot silently differ from the interrupted one. Keys, in this order: {@code seed},
     * {@code stages}; per stage s (from 1) {@code stage s optimizer}, every setting of its optimizer
     * ({@code stage s initialDamping}, {@code stage s learningRate}, ...), {@code stage s iterations},
     * {@code stage s grid}, {@code stage s lossTolerance}; then the collocation's settings
     * ({@link Collocation#fingerprint()}), {@code boundaryWeight}, {@code hardDirichlet},
     * {@code trainableKan}, {@code gridUpdate}, {@code gridUniformFraction}, {@code metricsEvery},
     * {@code quadrature}, {@code divergenceFactor}.
     *
     * <p>Stage time budgets and weights are left out: they only cap the stages (a run that hits a
     * cap depends on the machine anyway, and a resumed run may be given more time).
     *
     * @return an ordered, unmodifiable map
     */
    public Map<String, String> fingerprint() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", Long.toString(seed));
        m.put("stages", Integer.toString(stages.size()));
        // the schedule first: recipes derive other defaults (boundary weight, iterations) from it,
        // so a changed optimizer is named rather than what follows from it
        for (int i = 0; i < stages.size(); i++) {
            Stage st = stages.get(i);
            String p = "stage " + (i + 1) + " ";
            m.put(p + "optimizer", st.optimizer().name());
            st.optimizer().settings().forEach((k, v) -> m.put(p + k, v));
            m.put(p + "iterations", Integer.toString(st.iterations()));
            int[] g = st.gridSizes();
            m.put(p + "grid", g == null ? "unchanged" : Arrays.toString(g).replace(" ", ""));
            m.put(p + "lossTolerance", Double.toString(st.lossTolerance()));
        }
        m.putAll(collocation.fingerprint());
        m.put("boundaryWeight", Double.toString(boundaryWeight));
        m.put("hardDirichlet", Boolean.toString(hardDirichlet));
        m.put("trainableKan", EnumSet.copyOf(trainableKan).toString());
        m.put("gridUpdate", Boolean.toString(gridUpdate));
        m.put("gridUniformFraction", Double.toString(gridUniformFraction));
        m.put("metricsEvery", Integer.toString(metricsEvery));
        m.put("quadrature", quadraturePoints + " points, " + (quadratureSubdivisions > 0
                ? quadratureSubdivisions + " subdivisions" : "default subdivisions"));
        m.put("divergenceFactor", Double.toString(divergenceFactor));
        return Collections.unmodifiableMap(m);
    }

    /** Builds a {@link Training}; every setter validates its argument and names bad values. */
    public static final class Builder {
        private Collocation collocation = Collocation.of(Recipes.KAN_POINTS);
        private List<Stage> stages = new ArrayList<>();
        private double boundaryWeight = Recipes.BOUNDARY_WEIGHT_LM;
        private boolean hardDirichlet;
        private EnumSet<EdgeParameter> trainableKan = EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS);
        private boolean gridUpdate;
        private double gridUniformFraction = 0.02;
        private int metricsEvery = 10;
        private int quadraturePoints = 8;
        private int quadratureSubdivisions;
        private double divergenceFactor = 1e8;
        private long seed;

        private Builder() {
        }

        /** The collocation points. */
        public Builder collocation(Collocation points) {
            this.collocation = Objects.requireNonNull(points, "collocation");
            return this;
        }

        /** Weight beta of mean(bc^2) in the loss (finite, &gt;= 0). */
        public Builder boundaryWeight(double beta) {
            if (!(beta >= 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("boundary weight must be finite and >= 0, got " + beta);
            }
            this.boundaryWeight = beta;
            return this;
        }

        /** Impose Dirichlet data exactly by u = g + D N instead of a penalty (pure Dirichlet problems). */
        public Builder hardDirichlet(boolean on) {
            this.hardDirichlet = on;
            return this;
        }

        /** Replaces the schedule. */
        public Builder stages(List<Stage> list) {
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException("a schedule needs at least one stage");
            }
            for (Stage s : list) {
                Objects.requireNonNull(s, "stage");
            }
            this.stages = new ArrayList<>(list);
            return this;
        }

        /** Appends a stage. */
        public Builder stage(Stage stage) {
            this.stages.add(Objects.requireNonNull(stage, "stage"));
            return this;
        }

        /** Which KAN parameters train (default: spline coefficients only). */
        public Builder trainableKan(Set<EdgeParameter> kinds) {
            if (kinds == null || kinds.isEmpty()) {
                throw new IllegalArgumentException("at least one kind of KAN parameter must train");
            }
            this.trainableKan = EnumSet.copyOf(kinds);
            return this;
        }

        /** Move hidden-layer grids to the distribution of their inputs before each grid extension. */
        public Builder gridUpdate(boolean on) {
            this.gridUpdate = on;
            return this;
        }

        /** Weight of the uniform grid in grid updates, in (0, 1] (default 0.02). */
        public Builder gridUniformFraction(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("grid uniform fraction must be in (0, 1], got " + fraction);
            }
            this.gridUniformFraction = fraction;
            return this;
        }

        /** Measure the error every this many iterations (&gt;= 1), time permitting. */
        public Builder metricsEvery(int iterations) {
            if (iterations < 1) {
                throw new IllegalArgumentException("metrics interval must be >= 1, got " + iterations);
            }
            this.metricsEvery = iterations;
            return this;
        }

        /**
         * Error quadrature: Gauss points per direction and subdivisions per direction (defaults 8
         * and, by dimension, 64, 16 or 4). Histories use half the subdivisions; final errors the
         * full rule.
         */
        public Builder quadrature(int pointsPerDirection, int subdivisions) {
            if (pointsPerDirection < 1 || subdivisions < 1) {
                throw new IllegalArgumentException("quadrature needs >= 1 point and >= 1 subdivision, got "
                        + pointsPerDirection + " and " + subdivisions);
            }
            this.quadraturePoints = pointsPerDirection;
            this.quadratureSubdivisions = subdivisions;
            return this;
        }

        /** A loss above this factor times the best loss of the stage counts as divergence (&gt; 1). */
        public Builder divergenceFactor(double factor) {
            if (!(factor > 1)) {
                throw new IllegalArgumentException("divergence factor must be > 1, got " + factor);
            }
            this.divergenceFactor = factor;
            return this;
        }

        /** Seed of collocation sampling (the initial network has its own). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the training.
         *
         * @throws IllegalArgumentException if the schedule is empty
         */
        public Training build() {
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("a schedule needs at least one stage");
            }
            return new Training(this);
        }
    }
}
