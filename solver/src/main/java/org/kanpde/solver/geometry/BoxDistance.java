package org.kanpde.solver.geometry;

/**
 * Distance function of a box: {@code D(z) = prod_k (z_k - a_k)(b_k - z_k) / h_k^2} with
 * {@code h_k = (b_k - a_k) / 2}, a polynomial of degree 2 per axis that is 1 at the centre, vanishes
 * on every face and is positive inside. Smooth everywhere (no corner caveat), but not normalised:
 * its normal derivative on a face is {@code 2 / h_k} times the product over the other axes, which
 * goes to 0 towards the edges and corners.
 */
final class BoxDistance implements DistanceFunction {

    private final int dimension;
    private final double[] lower;
    private final double[] upper;
    private final double[] inverseHalfSquared;

    BoxDistance(double[] lower, double[] upper) {
        this.dimension = lower.length;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.inverseHalfSquared = new double[dimension];
        for (int k = 0; k < dimension; k++) {
            double h = 0.5 * (upper[k] - lower[k]);
            inverseHalfSquared[k] = 1.0 / (h * h);
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double value(double[] z) {
        Checks.requirePoint(z, dimension);
        double v = 1;
        for (int k = 0; k < dimension; k++) {
            v *= (z[k] - lower[k]) * (upper[k] - z[k]) * inverseHalfSquared[k];
        }
        return v;
    }

    @Override
    public double evaluate(double[] z, double[] gradient, double[] hessian) {
        Checks.requirePoint(z, dimension);
        Checks.requireOutputs(gradient, dimension, hessian, dimension * dimension);
        return compute(z, gradient, hessian, false);
    }

    @Override
    public double evaluateDiagonal(double[] z, double[] gradient, double[] secondDerivatives) {
        Checks.requirePoint(z, dimension);
        Checks.requireOutputs(gradient, dimension, secondDerivatives, dimension);
        return compute(z, gradient, secondDerivatives, true);
    }

    /**
     * Pads the box to three axes with constant factors (value 1, derivatives 0) so one set of
     * product formulas serves d = 1, 2, 3 without scratch arrays.
     */
    private double compute(double[] z, double[] gradient, double[] second, boolean diagonalOnly) {
        if (dimension > 3) {
            return computeProducts(z, gradient, second, diagonalOnly);
        }
        double q0 = factor(z, 0), p0 = slope(z, 0), s0 = curvature(0);
        double q1 = 1, p1 = 0, s1 = 0;
        double q2 = 1, p2 = 0, s2 = 0;
        if (dimension > 1) {
            q1 = factor(z, 1);
            p1 = slope(z, 1);
            s1 = curvature(1);
        }
        if (dimension > 2) {
            q2 = factor(z, 2);
            p2 = slope(z, 2);
            s2 = curvature(2);
        }
        double g0 = p0 * q1 * q2, g1 = q0 * p1 * q2, g2 = q0 * q1 * p2;
        double h00 = s0 * q1 * q2, h11 = q0 * s1 * q2, h22 = q0 * q1 * s2;
        double h01 = p0 * p1 * q2, h02 = p0 * q1 * p2, h12 = q0 * p1 * p2;
        int d = dimension;
        gradient[0] = g0;
        if (diagonalOnly) {
            second[0] = h00;
            if (d > 1) {
                gradient[1] = g1;
                second[1] = h11;
            }
            if (d > 2) {
                gradient[2] = g2;
                second[2] = h22;
            }
        } else {
            second[0] = h00;
            if (d > 1) {
                gradient[1] = g1;
                second[1] = h01;
                second[d] = h01;
                second[d + 1] = h11;
            }
            if (d > 2) {
                gradient[2] = g2;
                second[2] = h02;
                second[6] = h02;
                second[5] = h12;
                second[7] = h12;
                second[8] = h22;
            }
        }
        return q0 * q1 * q2;
    }

    /**
     * The product rule above 3-D, without divisions (a factor may be zero):
     * {@code g_k = p_k prod_{j != k} q_j}, {@code H_kk = s_k prod_{j != k} q_j},
     * {@code H_kl = p_k p_l prod_{j != k, l} q_j}. At most d^3 = 1000 multiplications.
     */
    private double computeProducts(double[] z, double[] gradient, double[] second, boolean diagonalOnly) {
        int d = dimension;
        double value = 1;
        for (int k = 0; k < d; k++) {
            value *= factor(z, k);
        }
        for (int k = 0; k < d; k++) {
            double others = 1;
            for (int j = 0; j < d; j++) {
                others *= j == k ? 1 : factor(z, j);
            }
            gradient[k] = slope(z, k) * others;
            if (diagonalOnly) {
                second[k] = curvature(k) * others;
                continue;
            }
            second[k * d + k] = curvature(k) * others;
            for (int l = 0; l < d; l++) {
                if (l == k) {
                    continue;
                }
                double rest = slope(z, k) * slope(z, l);
                for (int j = 0; j < d; j++) {
                    rest *= j == k || j == l ? 1 : factor(z, j);
                }
                second[k * d + l] = rest;
            }
        }
        return value;
    }

    private double factor(double[] z, int k) {
        return (z[k] - lower[k]) * (upper[k] - z[k]) * inverseHalfSquared[k];
    }

    private double slope(double[] z, int k) {
        return (lower[k] + upper[k] - 2.0 * z[k]) * inverseHalfSquared[k];
    }

    private double curvature(int k) {
        return -2.0 * inverseHalfSquared[k];
    }
}
