package org.kanpde.solver.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.kanpde.solver.optim.Optimizer;

/**
 * One stage of a training schedule: a configured {@link Optimizer} run for at most a number of
 * iterations, optionally on a new KAN grid (grid extension before the stage). Immutable;
 * {@code withX} methods return modified copies.
 *
 * <pre>{@code
 * Stage.of(new LevenbergMarquardt().withInitialDamping(1e-2)).withGrid(10).withIterations(150)
 * }</pre>
 */
public final class Stage {
    private final Optimizer optimizer;
    private final int iterations;
    private final double seconds;
    private final int[] gridSizes;
    private final double lossTolerance;
    private final double weight;

    private Stage(Optimizer optimizer, int iterations, double seconds, int[] gridSizes, double lossTolerance,
                  double weight) {
        this.optimizer = optimizer;
        this.iterations = iterations;
        this.seconds = seconds;
        this.gridSizes = gridSizes;
        this.lossTolerance = lossTolerance;
        this.weight = weight;
    }

    /** A stage of {@code optimizer} with no iteration or time limit yet (set them with withX). */
    public static Stage of(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        return new Stage(optimizer, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, null, 0.0, 1.0);
    }

    /** The same stage with another configured optimizer. */
    public Stage withOptimizer(Optimizer o) {
        return new Stage(Objects.requireNonNull(o, "optimizer"), iterations, seconds, gridSizes, lossTolerance, weight);
    }

    /** At most this many iterations (&gt;= 0). */
    public Stage withIterations(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("stage iterations must be >= 0, got " + count);
        }
        return new Stage(optimizer, count, seconds, gridSizes, lossTolerance, weight);
    }

    /** At most this much wall time in seconds (&gt; 0, may be infinite). */
    public Stage withSeconds(double s) {
        if (!(s > 0)) {
            throw new IllegalArgumentException("stage time budget must be > 0 seconds, got " + s);
        }
        return new Stage(optimizer, iterations, s, gridSizes, lossTolerance, weight);
    }

    /** KAN grid size(s) for this stage: one for all layers or one per layer; the grid is extended before it. */
    public Stage withGrid(int... sizes) {
        for (int g : sizes) {
            if (g < 1) {
                throw new IllegalArgumentException("grid size must be >= 1, got " + g + " in " + Arrays.toString(sizes));
            }
        }
        return new Stage(optimizer, iterations, seconds, sizes.length == 0 ? null : sizes.clone(), lossTolerance, weight);
    }

    /** Stop the stage once the loss is at most this (&gt;= 0; 0 disables). */
    public Stage withLossTolerance(double tolerance) {
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("loss tolerance must be finite and >= 0, got " + tolerance);
        }
        return new Stage(optimizer, iterations, seconds, gridSizes, tolerance, weight);
    }

    /**
     * Relative expected cost of the stage (&gt; 0, default 1): under a total time limit
     * ({@link Execution#withTimeLimit}) every later stage keeps at least half of its weight's share
     * of the limit, so an early stage that runs long cannot starve the later ones.
     */
    public Stage withWeight(double w) {
        if (!(w > 0) || !Double.isFinite(w)) {
            throw new IllegalArgumentException("stage weight must be finite and > 0, got " + w);
        }
        return new Stage(optimizer, iterations, seconds, gridSizes, lossTolerance, w);
    }

    /** The configured optimizer. */
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

    /** Loss tolerance. */
    public double lossTolerance() {
        return lossTolerance;
    }

    /** Relative expected cost under a total time limit. */
    public double weight() {
        return weight;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(optimizer.name());
        if (gridSizes != null) {
            sb.append(" G=").append(gridSizes.length == 1 ? String.valueOf(gridSizes[0]) : Arrays.toString(gridSizes));
        }
        if (iterations != Integer.MAX_VALUE) {
            sb.append(", ").append(iterations).append(" it");
        }
        if (seconds != Double.POSITIVE_INFINITY) {
            sb.append(String.format(Locale.ROOT, ", %.1f s", seconds));
        }
        return sb.toString();
    }
}
