package org.kanpde.solver.geometry;

/**
 * Distance function of a disk: {@code D(z) = (R^2 - |z - c|^2) / R^2}, 1 at the centre, 0 on the
 * circle, positive inside and negative outside. A quadratic polynomial, so smooth everywhere; its
 * normal derivative on the circle is {@code -2 / R} (not normalised to 1).
 */
final class DiskDistance implements DistanceFunction {

    private final double cx;
    private final double cy;
    private final double inverseRadiusSquared;

    DiskDistance(double cx, double cy, double radius) {
        this.cx = cx;
        this.cy = cy;
        this.inverseRadiusSquared = 1.0 / (radius * radius);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] z) {
        Checks.requirePoint(z, 2);
        double dx = z[0] - cx, dy = z[1] - cy;
        return 1.0 - (dx * dx + dy * dy) * inverseRadiusSquared;
    }

    @Override
    public double evaluate(double[] z, double[] gradient, double[] hessian) {
        Checks.requirePoint(z, 2);
        Checks.requireOutputs(gradient, 2, hessian, 4);
        double dx = z[0] - cx, dy = z[1] - cy;
        gradient[0] = -2.0 * dx * inverseRadiusSquared;
        gradient[1] = -2.0 * dy * inverseRadiusSquared;
        hessian[0] = -2.0 * inverseRadiusSquared;
        hessian[1] = 0.0;
        hessian[2] = 0.0;
        hessian[3] = -2.0 * inverseRadiusSquared;
        return 1.0 - (dx * dx + dy * dy) * inverseRadiusSquared;
    }

    @Override
    public double evaluateDiagonal(double[] z, double[] gradient, double[] secondDerivatives) {
        Checks.requirePoint(z, 2);
        Checks.requireOutputs(gradient, 2, secondDerivatives, 2);
        double dx = z[0] - cx, dy = z[1] - cy;
        gradient[0] = -2.0 * dx * inverseRadiusSquared;
        gradient[1] = -2.0 * dy * inverseRadiusSquared;
        secondDerivatives[0] = -2.0 * inverseRadiusSquared;
        secondDerivatives[1] = -2.0 * inverseRadiusSquared;
        return 1.0 - (dx * dx + dy * dy) * inverseRadiusSquared;
    }
}
