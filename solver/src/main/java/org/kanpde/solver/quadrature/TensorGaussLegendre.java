package org.kanpde.solver.quadrature;

import org.kanpde.net.quadrature.GaussLegendre;

/**
 * Tensor-product composite Gauss-Legendre rules on axis-aligned boxes.
 *
 * <p>Each axis is split into {@code subintervals} equal pieces carrying {@code p} Gauss-Legendre
 * nodes each, so the rule has {@code (p * subintervals)^d} nodes and integrates exactly every
 * polynomial of degree at most {@code 2p - 1} in each variable (on each sub-box). Refine by raising
 * {@code p} (spectral convergence for analytic integrands) or {@code subintervals} (algebraic
 * convergence of order 2p, robust for less smooth integrands).
 *
 * <p>Node order: the last coordinate varies fastest.
 */
public final class TensorGaussLegendre {

    /** Largest dimension of a box rule. */
    public static final int MAX_DIMENSION = 10;

    /** Most coordinates (nodes times d) of a rule, so that its arrays stay within memory. */
    static final double MAX_NODES = 1 << 28;

    private TensorGaussLegendre() {
    }

    /**
     * Builds the composite tensor rule on the box {@code [lower_0, upper_0] x ... }.
     *
     * @param lower             lower corner, length d in 1..{@link #MAX_DIMENSION} (not modified)
     * @param upper             upper corner, same length (not modified)
     * @param pointsPerDirection Gauss-Legendre nodes per subinterval and axis, at least 1
     * @param subintervals      pieces per axis, at least 1
     * @return the rule
     * @throws IllegalArgumentException if the corners have different or unsupported lengths, an axis
     *                                  is empty or not finite, or a count is below 1
     */
    public static QuadratureRule box(double[] lower, double[] upper, int pointsPerDirection, int subintervals) {
        int d = lower.length;
        if (d < 1 || d > MAX_DIMENSION) {
            throw new IllegalArgumentException("box dimension must be 1 to " + MAX_DIMENSION + ", got " + d);
        }
        if (upper.length != d) {
            throw new IllegalArgumentException("upper corner has length " + upper.length + ", expected " + d);
        }
        if (pointsPerDirection < 1) {
            throw new IllegalArgumentException("pointsPerDirection must be >= 1, got " + pointsPerDirection);
        }
        if (subintervals < 1) {
            throw new IllegalArgumentException("subintervals must be >= 1, got " + subintervals);
        }
        GaussLegendre rule = GaussLegendre.of(pointsPerDirection);
        int m = pointsPerDirection * subintervals;
        double[][] x = new double[d][m];
        double[][] w = new double[d][m];
        for (int k = 0; k < d; k++) {
            rule.composite(lower[k], upper[k], subintervals, x[k], w[k]);
        }
        double nodes = Math.pow(m, d);
        if (nodes * d > MAX_NODES) {
            throw new IllegalArgumentException("a tensor rule with " + m + " nodes per axis in " + d + "-D has " + (long) nodes
                    + " nodes, too many; use fewer points or subintervals");
        }
        int total = 1;
        for (int k = 0; k < d; k++) {
            total = Math.multiplyExact(total, m);
        }
        double[] points = new double[total * d];
        double[] weights = new double[total];
        int[] digit = new int[d];
        for (int i = 0; i < total; i++) {
            double weight = 1.0;
            for (int k = 0; k < d; k++) {
                points[i * d + k] = x[k][digit[k]];
                weight *= w[k][digit[k]];
            }
            weights[i] = weight;
            // Odometer increment, last coordinate fastest.
            for (int k = d - 1; k >= 0; k--) {
                if (++digit[k] < m) {
                    break;
                }
                digit[k] = 0;
            }
        }
        return QuadratureRule.wrap(d, points, weights);
    }
}
