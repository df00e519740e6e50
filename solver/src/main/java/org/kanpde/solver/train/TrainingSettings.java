package org.kanpde.solver.train;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.solver.geometry.SamplingScheme;

/**
 * Everything about how a problem is trained except the problem and the initial network:
 * collocation, loss weights, boundary enforcement, the stage schedule, which KAN parameters train,
 * threads and seed. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults (the best recipe measured on the KAN paper's Poisson problem): 6000 random interior
 * and 600 random boundary points, boundary weight 1000, soft boundary conditions, only the KAN
 * spline coefficients train (freeing w_b and w_s made Levenberg-Marquardt about ten times slower
 * to converge), no grid update between stages (first-layer grids already span the domain),
 * errors measured every 10 iterations (Levenberg-Marquardt; 20 for L-BFGS, 100 for Adam) on a
 * coarser quadrature than the final errors, all available processors, seed 0.
 */
public final class TrainingSettings {
    /** Most collocation points of each kind: beyond it point arrays of 3-D problems overflow. */
    public static final int MAX_POINTS = 50_000_000;

    private final int interiorPoints;
    private final int boundaryPoints;
    private final SamplingScheme interiorSampling;
    private final SamplingScheme boundarySampling;
    private final double boundaryWeight;
    private final boolean hardDirichlet;
    private final List<Stage> stages;
    private final EnumSet<EdgeParameter> trainableKan;
    private final boolean gridUpdate;
    private final double gridUniformFraction;
    private final int metricsEvery;
    private final int quadraturePoints;
    private final int quadratureSubdivisions;
    private final double divergenceFactor;
    private final double timeLimit;
    private final java.nio.file.Path checkpointFile;
    private final int checkpointEvery;
    private final int threads;
    private final long seed;

    private TrainingSettings(Builder b) {
        this.interiorPoints = b.interiorPoints;
        this.boundaryPoints = b.boundaryPoints;
        this.interiorSampling = b.interiorSampling;
        this.boundarySampling = b.boundarySampling;
        this.boundaryWeight = b.boundaryWeight;
        this.hardDirichlet = b.hardDirichlet;
        this.stages = List.copyOf(b.stages);
        this.trainableKan = EnumSet.copyOf(b.trainableKan);
        this.gridUpdate = b.gridUpdate;
        this.gridUniformFraction = b.gridUniformFraction;
        this.metricsEvery = b.metricsEvery;
        this.quadraturePoints = b.quadraturePoints;
        this.quadratureSubdivisions = b.quadratureSubdivisions;
        this.divergenceFactor = b.divergenceFactor;
        this.timeLimit = b.timeLimit;
        this.checkpointFile = b.checkpointFile;
        this.checkpointEvery = b.checkpointEvery;
        this.threads = b.threads;
        this.seed = b.seed;
    }

    /** A builder with the defaults listed in the class comment. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialized with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.interiorPoints = interiorPoints;
        b.boundaryPoints = boundaryPoints;
        b.interiorSampling = interiorSampling;
        b.boundarySampling = boundarySampling;
        b.boundaryWeight = boundaryWeight;
        b.hardDirichlet = hardDirichlet;
        b.stages = new ArrayList<>(stages);
        b.trainableKan = EnumSet.copyOf(trainableKan);
        b.gridUpdate = gridUpdate;
        b.gridUniformFraction = gridUniformFraction;
        b.metricsEvery = metricsEvery;
        b.quadraturePoints = quadraturePoints;
        b.quadratureSubdivisions = quadratureSubdivisions;
        b.divergenceFactor = divergenceFactor;
        b.timeLimit = timeLimit;
        b.checkpointFile = checkpointFile;
        b.checkpointEvery = checkpointEvery;
        b.threads = threads;
        b.seed = seed;
        return b;
    }

    /** Number of interior collocation points. */
    public int interiorPoints() {
        return interiorPoints;
    }

    /** Number of boundary points. */
    public int boundaryPoints() {
        return boundaryPoints;
    }

    /** Sampling scheme of interior points. */
    public SamplingScheme interiorSampling() {
        return interiorSampling;
    }

    /** Sampling scheme of boundary points. */
    public SamplingScheme boundarySampling() {
        return boundarySampling;
    }

    /** Weight of the mean squared boundary residual. */
    public double boundaryWeight() {
        return boundaryWeight;
    }

    /** Whether Dirichlet data are imposed exactly. */
    public boolean hardDirichlet() {
        return hardDirichlet;
    }

    /** The schedule. */
    public List<Stage> stages() {
        return stages;
    }

    /** Which KAN parameters train. */
    public EnumSet<EdgeParameter> trainableKan() {
        return EnumSet.copyOf(trainableKan);
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

    /** Subdivisions per direction of the error quadrature for a problem of dimension d. */
    public int quadratureSubdivisions(int d) {
        if (quadratureSubdivisions > 0) {
            return quadratureSubdivisions;
        }
        return d == 1 ? 64 : d == 2 ? 16 : 4;
    }

    /** Loss blow-up factor that counts as divergence. */
    public double divergenceFactor() {
        return divergenceFactor;
    }

    /** Worker threads. */
    public int threads() {
        return threads;
    }

    /** Seed of collocation sampling. */
    public long seed() {
        return seed;
    }

    /** File that checkpoints are written to, or null. */
    public java.nio.file.Path checkpointFile() {
        return checkpointFile;
    }

    /** Checkpoint interval in iterations (0: never). */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** Total wall-time limit in seconds over all stages (infinite by default). */
    public double timeLimit() {
        return timeLimit;
    }

    /**
     * The settings that decide a run's numbers, by name, as exact text (doubles in their
     * round-tripping form): what a {@link Checkpoint} records and {@link TrainingSession#resume}
     * compares, so that a resumed run cannot silently differ from the interrupted one. Keys, in
     * this order: {@code seed}, {@code stages}; per stage s (from 1) {@code stage s optimizer},
     * {@code stage s iterations}, {@code stage s grid}, {@code stage s resample},
     * {@code stage s lossTolerance} and, for Adam stages, {@code stage s learningRate}; then
     * {@code interiorPoints}, {@code boundaryPoints}, {@code interiorSampling},
     * {@code boundarySampling}, {@code boundaryWeight}, {@code hardDirichlet},
     * {@code trainableKan}, {@code gridUpdate}, {@code gridUniformFraction}, {@code metricsEvery},
     * {@code quadrature}, {@code divergenceFactor}.
     *
     * <p>Left out on purpose: threads (results do not depend on them), the checkpoint file and
     * interval, and the time limits and stage weights, which only cap the stages (a run that hits
     * a cap depends on the machine anyway, and a resumed run may be given more time).
     *
     * @return an ordered, unmodifiable map
     */
    public java.util.Map<String, String> fingerprint() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("seed", Long.toString(seed));
        m.put("stages", Integer.toString(stages.size()));
        // the schedule first: recipes derive other defaults (boundary weight, iterations) from it,
        // so a changed optimizer is named rather than what follows from it
        for (int i = 0; i < stages.size(); i++) {
            Stage st = stages.get(i);
            String p = "stage " + (i + 1) + " ";
            m.put(p + "optimizer", st.optimizer().id());
            m.put(p + "iterations", Integer.toString(st.iterations()));
            int[] g = st.gridSizes();
            m.put(p + "grid", g == null ? "unchanged" : java.util.Arrays.toString(g).replace(" ", ""));
            m.put(p + "resample", Boolean.toString(st.resample()));
            m.put(p + "lossTolerance", Double.toString(st.lossTolerance()));
            if (st.optimizer() == Optimizer.ADAM) {
                m.put(p + "learningRate", Double.toString(st.learningRate()));
            }
        }
        m.put("interiorPoints", Integer.toString(interiorPoints));
        m.put("boundaryPoints", Integer.toString(boundaryPoints));
        m.put("interiorSampling", interiorSampling.name().toLowerCase(java.util.Locale.ROOT));
        m.put("boundarySampling", boundarySampling.name().toLowerCase(java.util.Locale.ROOT));
        m.put("boundaryWeight", Double.toString(boundaryWeight));
        m.put("hardDirichlet", Boolean.toString(hardDirichlet));
        m.put("trainableKan", trainableKan.toString());
        m.put("gridUpdate", Boolean.toString(gridUpdate));
        m.put("gridUniformFraction", Double.toString(gridUniformFraction));
        m.put("metricsEvery", Integer.toString(metricsEvery));
        m.put("quadrature", quadraturePoints + " points, " + (quadratureSubdivisions > 0
                ? quadratureSubdivisions + " subdivisions" : "default subdivisions"));
        m.put("divergenceFactor", Double.toString(divergenceFactor));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Builds {@link TrainingSettings}; every setter validates its argument. */
    public static final class Builder {
        private int interiorPoints = 6000;
        private int boundaryPoints = 600;
        private SamplingScheme interiorSampling = SamplingScheme.RANDOM;
        private SamplingScheme boundarySampling = SamplingScheme.RANDOM;
        private double boundaryWeight = 1000;
        private boolean hardDirichlet;
        private List<Stage> stages = new ArrayList<>();
        private EnumSet<EdgeParameter> trainableKan = EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS);
        private boolean gridUpdate;
        private double gridUniformFraction = 0.02;
        private int metricsEvery = 10;
        private int quadraturePoints = 8;
        private int quadratureSubdivisions;
        private double divergenceFactor = 1e8;
        private double timeLimit = Double.POSITIVE_INFINITY;
        private java.nio.file.Path checkpointFile;
        private int checkpointEvery;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed;

        private Builder() {
        }

        /** Number of interior collocation points (&gt;= 1). */
        public Builder interiorPoints(int n) {
            if (n < 1 || n > MAX_POINTS) {
                throw new IllegalArgumentException("interior points must be in [1, " + MAX_POINTS + "], got " + n);
            }
            this.interiorPoints = n;
            return this;
        }

        /** Number of boundary points (&gt;= 0; ignored with hard Dirichlet enforcement). */
        public Builder boundaryPoints(int n) {
            if (n < 0 || n > MAX_POINTS) {
                throw new IllegalArgumentException("boundary points must be in [0, " + MAX_POINTS + "], got " + n);
            }
            this.boundaryPoints = n;
            return this;
        }

        /** Sampling of interior points (default RANDOM). */
        public Builder interiorSampling(SamplingScheme scheme) {
            this.interiorSampling = java.util.Objects.requireNonNull(scheme, "interior sampling");
            return this;
        }

        /** Sampling of boundary points (default RANDOM). */
        public Builder boundarySampling(SamplingScheme scheme) {
            this.boundarySampling = java.util.Objects.requireNonNull(scheme, "boundary sampling");
            return this;
        }

        /** Weight beta of mean(bc^2) in the loss (finite, &gt;= 0; default 1000). */
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
            this.stages = new ArrayList<>(list);
            return this;
        }

        /** Appends a stage. */
        public Builder stage(Stage stage) {
            this.stages.add(java.util.Objects.requireNonNull(stage, "stage"));
            return this;
        }

        /** Which KAN parameters train (default: spline coefficients only). */
        public Builder trainableKan(EnumSet<EdgeParameter> kinds) {
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
         * and, by dimension, 64, 16 or 4: about 500, 16,000 or 33,000 nodes in 1, 2 or 3 D).
         * Histories use half the subdivisions; final errors the full rule.
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

        /**
         * Total wall-time limit over all stages (&gt; 0; default infinite). A stage stops when the
         * time left is what the later stages are guaranteed: half of their weights' share of the
         * limit (see {@link Stage#withWeight}). Runs that hit a time limit are not reproducible
         * to the bit; iteration limits are.
         */
        public Builder timeLimit(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("time limit must be > 0 seconds, got " + seconds);
            }
            this.timeLimit = seconds;
            return this;
        }

        /**
         * Writes a checkpoint to {@code file} (atomically) every {@code iterations} iterations and
         * at the end of every stage; resume with {@link TrainingSession#resume}.
         */
        public Builder checkpoint(java.nio.file.Path file, int iterations) {
            if (file == null) {
                throw new IllegalArgumentException("checkpoint file must not be null");
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("checkpoint interval must be >= 1 iteration, got " + iterations);
            }
            this.checkpointFile = file;
            this.checkpointEvery = iterations;
            return this;
        }

        /** Writes no checkpoints (the default): undoes {@link #checkpoint}. */
        public Builder noCheckpoint() {
            this.checkpointFile = null;
            this.checkpointEvery = 0;
            return this;
        }

        /** Worker threads (&gt;= 1; default: available processors). Results do not depend on it. */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + n);
            }
            this.threads = n;
            return this;
        }

        /** Seed of collocation sampling. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @throws IllegalArgumentException if the schedule is empty
         */
        public TrainingSettings build() {
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("a schedule needs at least one stage");
            }
            return new TrainingSettings(this);
        }
    }
}
