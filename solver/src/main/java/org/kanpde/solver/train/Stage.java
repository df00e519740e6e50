package org.kanpde.solver.train;

import java.util.Arrays;

/**
 * One stage of a training schedule: an optimizer run for at most a number of iterations and a
 * wall-time budget, optionally on a new KAN grid (grid extension before the stage) and on freshly
 * sampled collocation points. Immutable; {@code withX} methods return modified copies.
 */
public final class Stage {
    private final Optimizer optimizer;
    private final int iterations;
    private final double seconds;
    private final int[] gridSizes;
    private final boolean resample;
    private final double learningRate;
    private final double lossTolerance;
    private final double weight;

    private Stage(Optimizer optimizer, int iterations, double seconds, int[] gridSizes, boolean resample,
                  double learningRate, double lossTolerance) {
        this(optimizer, iterations, seconds, gridSizes, resample, learningRate, lossTolerance, 1.0);
    }

    private Stage(Optimizer optimizer, int iterations, double seconds, int[] gridSizes, boolean resample,
                  double learningRate, double lossTolerance, double weight) {
        this.weight = weight;
        this.optimizer = optimizer;
        this.iterations = iterations;
        this.seconds = seconds;
        this.gridSizes = gridSizes;
        this.resample = resample;
        this.learningRate = learningRate;
        this.lossTolerance = lossTolerance;
    }

    /** A stage of {@code optimizer} with no iteration or time limit yet (set them with withX). */
    public static Stage of(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        return new Stage(optimizer, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, null, false, 1e-3, 0.0);
    }

    /** At most this many iterations (&gt;= 0). */
    public Stage withIterations(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("stage iterations must be >= 0, got " + count);
        }
        return new Stage(optimizer, count, seconds, gridSizes, resample, learningRate, lossTolerance, weight);
    }

    /** At most this much wall time in seconds (&gt; 0, may be infinite). */
    public Stage withSeconds(double s) {
        if (!(s > 0)) {
            throw new IllegalArgumentException("stage time budget must be > 0 seconds, got " + s);
        }
        return new Stage(optimizer, iterations, s, gridSizes, resample, learningRate, lossTolerance, weight);
    }

    /** KAN grid size(s) for this stage: one for all layers or one per layer; the grid is extended before it. */
    public Stage withGrid(int... sizes) {
        for (int g : sizes) {
            if (g < 1) {
                throw new IllegalArgumentException("grid size must be >= 1, got " + g + " in " + Arrays.toString(sizes));
            }
        }
        return new Stage(optimizer, iterations, seconds, sizes.length == 0 ? null : sizes.clone(), resample, learningRate,
                lossTolerance, weight);
    }

    /** Whether to draw new collocation points before this stage. */
    public Stage withResampling(boolean on) {
        return new Stage(optimizer, iterations, seconds, gridSizes, on, learningRate, lossTolerance, weight);
    }

    /** Adam's learning rate (&gt; 0; ignored by other optimizers). */
    public Stage withLearningRate(double rate) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + rate);
        }
        return new Stage(optimizer, iterations, seconds, gridSizes, resample, rate, lossTolerance, weight);
    }

    /** Stop the stage once the loss is at most this (&gt;= 0; 0 disables). */
    public Stage withLossTolerance(double tolerance) {
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("loss tolerance must be finite and >= 0, got " + tolerance);
        }
        return new Stage(optimizer, iterations, seconds, gridSizes, resample, learningRate, tolerance, weight);
    }

    /**
     * Relative expected cost of the stage (&gt; 0, default 1): under a total time limit
     * ({@link TrainingSettings.Builder#timeLimit}) every later stage keeps at least half of its
     * weight's share of the limit, so an early stage that runs long cannot starve the later ones.
     */
    public Stage withWeight(double w) {
        if (!(w > 0) || !Double.isFinite(w)) {
            throw new IllegalArgumentException("stage weight must be finite and > 0, got " + w);
        }
        return new Stage(optimizer, iterations, seconds, gridSizes, resample, learningRate, lossTolerance, w);
    }

    /** Relative expected cost under a total time limit. */
    public double weight() {
        return weight;
    }

    /** The optimizer. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Iteration limit. */
    public int iterations() {
        return iterations;
    }

    /** Time budget in seconds. */
    public double seconds() {
        return seconds;
    }

    /** Grid sizes, or null to keep the current grid. */
    public int[] gridSizes() {
        return gridSizes == null ? null : gridSizes.clone();
    }

    /** Whether collocation points are redrawn before the stage. */
    public boolean resample() {
        return resample;
    }

    /** Adam's learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Loss tolerance. */
    public double lossTolerance() {
        return lossTolerance;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(optimizer.id());
        if (gridSizes != null) {
            sb.append(" G=").append(gridSizes.length == 1 ? String.valueOf(gridSizes[0]) : Arrays.toString(gridSizes));
        }
        if (iterations != Integer.MAX_VALUE) {
            sb.append(", ").append(iterations).append(" it");
        }
        if (seconds != Double.POSITIVE_INFINITY) {
            sb.append(String.format(java.util.Locale.ROOT, ", %.1f s", seconds));
        }
        if (optimizer == Optimizer.ADAM) {
            sb.append(", lr ").append(learningRate);
        }
        return sb.toString();
    }
}
