package org.kanpde.solver.quadrature;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * An immutable quadrature rule in R^d: nodes {@code z_i} and weights {@code w_i} such that
 * {@code sum_i w_i f(z_i)} approximates the integral of {@code f} over some region.
 *
 * <p>Nodes are stored flat and row-major: coordinate {@code k} of node {@code i} is at
 * {@code i * dimension + k}. Rules are used for error metrics (relative L2, H1 seminorm) that must not
 * depend on the training points.
 */
public final class QuadratureRule {

    private final int dimension;
    private final double[] points;
    private final double[] weights;

    /**
     * Creates a rule from flat nodes and weights (both copied).
     *
     * @param dimension the dimension d of the space, at least 1
     * @param points    the nodes, flat row-major, length {@code n * d}
     * @param weights   the weights, length n; all finite (negative weights are allowed)
     * @throws IllegalArgumentException if {@code dimension < 1}, the lengths do not match, the rule
     *                                  is empty or a node or weight is not finite
     */
    public QuadratureRule(int dimension, double[] points, double[] weights) {
        this(dimension, points.clone(), weights.clone(), true);
    }

    private QuadratureRule(int dimension, double[] points, double[] weights, boolean validate) {
        if (validate) {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
            }
            if (weights.length == 0) {
                throw new IllegalArgumentException("a quadrature rule needs at least one node, got 0 weights");
            }
            if (points.length != weights.length * dimension) {
                throw new IllegalArgumentException("points length must be weights length * dimension = "
                        + weights.length + " * " + dimension + ", got " + points.length);
            }
            for (int j = 0; j < points.length; j++) {
                if (!Double.isFinite(points[j])) {
                    throw new IllegalArgumentException("coordinate " + (j % dimension) + " of node "
                            + (j / dimension) + " is not finite: " + points[j]);
                }
            }
            for (int i = 0; i < weights.length; i++) {
                if (!Double.isFinite(weights[i])) {
                    throw new IllegalArgumentException("weight " + i + " is not finite: " + weights[i]);
                }
            }
        }
        this.dimension = dimension;
        this.points = points;
        this.weights = weights;
    }

    /**
     * Wraps arrays built by the factories of this package without copying or re-validating them.
     * The caller must not modify the arrays afterwards.
     */
    static QuadratureRule wrap(int dimension, double[] points, double[] weights) {
        return new QuadratureRule(dimension, points, weights, false);
    }

    /**
     * Concatenates rules over disjoint regions into one rule over their union.
     *
     * @param rules at least one rule, all of the same dimension
     * @return a rule with the nodes of all rules, in order
     * @throws IllegalArgumentException if the list is empty or the dimensions differ
     */
    public static QuadratureRule concatenate(List<QuadratureRule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("need at least one rule to concatenate, got 0");
        }
        int d = rules.get(0).dimension;
        int total = 0;
        for (int r = 0; r < rules.size(); r++) {
            QuadratureRule rule = rules.get(r);
            if (rule.dimension != d) {
                throw new IllegalArgumentException("rule " + r + " has dimension " + rule.dimension
                        + ", expected " + d);
            }
            total += rule.size();
        }
        double[] p = new double[total * d];
        double[] w = new double[total];
        int offset = 0;
        for (QuadratureRule rule : rules) {
            System.arraycopy(rule.points, 0, p, offset * d, rule.points.length);
            System.arraycopy(rule.weights, 0, w, offset, rule.weights.length);
            offset += rule.size();
        }
        return wrap(d, p, w);
    }

    /** @return the dimension d of the nodes */
    public int dimension() {
        return dimension;
    }

    /** @return the number of nodes */
    public int size() {
        return weights.length;
    }

    /**
     * @param i node index, {@code 0 <= i < size()}
     * @param k coordinate index, {@code 0 <= k < dimension()}
     * @return coordinate k of node i
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double coordinate(int i, int k) {
        if (i < 0 || i >= weights.length || k < 0 || k >= dimension) {
            throw new IndexOutOfBoundsException("node " + i + ", coordinate " + k + " out of range for "
                    + weights.length + " nodes in dimension " + dimension);
        }
        return points[i * dimension + k];
    }

    /**
     * @param i node index, {@code 0 <= i < size()}
     * @return the weight of node i
     * @throws IndexOutOfBoundsException if i is out of range
     */
    public double weight(int i) {
        return weights[i];
    }

    /**
     * Copies node i into {@code out}.
     *
     * @param i   node index
     * @param out receives the d coordinates (modified); length at least d
     * @throws IndexOutOfBoundsException if i is out of range or out is too short
     */
    public void point(int i, double[] out) {
        if (i < 0 || i >= weights.length) {
            throw new IndexOutOfBoundsException("node " + i + " out of range for " + weights.length + " nodes");
        }
        System.arraycopy(points, i * dimension, out, 0, dimension);
    }

    /** @return a copy of the nodes, flat row-major, length {@code size() * dimension()} */
    public double[] points() {
        return points.clone();
    }

    /** @return a copy of the weights */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the sum of the weights, i.e. the measure of the region for a consistent rule */
    public double totalWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /**
     * Applies the rule to {@code f}. The array handed to {@code f} is one scratch buffer reused for
     * every node: read it, do not keep or modify it.
     *
     * @param f the integrand
     * @return {@code sum_i w_i f(z_i)}
     */
    public double integrate(ToDoubleFunction<double[]> f) {
        double[] z = new double[dimension];
        double sum = 0;
        for (int i = 0, base = 0; i < weights.length; i++, base += dimension) {
            System.arraycopy(points, base, z, 0, dimension);
            sum += weights[i] * f.applyAsDouble(z);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "QuadratureRule[dimension=" + dimension + ", nodes=" + weights.length
                + ", totalWeight=" + totalWeight() + "]";
    }
}
