package org.kanpde.solver.geometry;

import java.util.Arrays;

/**
 * The signed function of the slab {@code a <= z_k <= b}: {@code (z_k - a)(b - z_k) / (b - a)},
 * positive inside, zero on both faces, negative outside, with unit slope on the faces. The signed
 * function of a box is the R-conjunction of its slabs ({@link SignedDistances}).
 */
final class SlabDistance implements DistanceFunction {

    private final int d;
    private final int axis;
    private final double a;
    private final double b;

    SlabDistance(int d, int axis, double a, double b) {
        this.d = d;
        this.axis = axis;
        this.a = a;
        this.b = b;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double value(double[] z) {
        Checks.requirePoint(z, d);
        return (z[axis] - a) * (b - z[axis]) / (b - a);
    }

    @Override
    public double evaluate(double[] z, double[] gradient, double[] hessian) {
        Checks.requirePoint(z, d);
        Checks.requireOutputs(gradient, d, hessian, d * d);
        Arrays.fill(hessian, 0, d * d, 0.0);
        hessian[axis * d + axis] = -2.0 / (b - a);
        return gradientAndValue(z, gradient);
    }

    @Override
    public double evaluateDiagonal(double[] z, double[] gradient, double[] secondDerivatives) {
        Checks.requirePoint(z, d);
        Checks.requireOutputs(gradient, d, secondDerivatives, d);
        Arrays.fill(secondDerivatives, 0, d, 0.0);
        secondDerivatives[axis] = -2.0 / (b - a);
        return gradientAndValue(z, gradient);
    }

    private double gradientAndValue(double[] z, double[] gradient) {
        Arrays.fill(gradient, 0, d, 0.0);
        gradient[axis] = (a + b - 2.0 * z[axis]) / (b - a);
        return (z[axis] - a) * (b - z[axis]) / (b - a);
    }
}
