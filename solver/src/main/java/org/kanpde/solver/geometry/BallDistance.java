package org.kanpde.solver.geometry;

/**
 * Distance function of a ball in any dimension: {@code D(z) = (R^2 - |z - c|^2) / R^2}, 1 at the
 * centre, 0 on the sphere, positive inside and negative outside. A quadratic polynomial, so smooth
 * everywhere; its normal derivative on the sphere is {@code -2 / R}. For a disk it equals
 * {@link DiskDistance}.
 */
final class BallDistance implements DistanceFunction {

    private final double[] centre;
    private final double inverseRadiusSquared;
    private final double scale;

    /**
     * @param centre the centre (copied)
     * @param radius the radius, {@code > 0}
     * @param scale  a factor applied to D (1 for the function above; R / 2 normalises the gradient
     *               on the sphere to unit length)
     */
    BallDistance(double[] centre, double radius, double scale) {
        this.centre = centre.clone();
        this.inverseRadiusSquared = 1.0 / (radius * radius);
        this.scale = scale;
    }

    @Override
    public int dimension() {
        return centre.length;
    }

    @Override
    public double value(double[] z) {
        Checks.requirePoint(z, centre.length);
        double r2 = 0;
        for (int k = 0; k < centre.length; k++) {
            double dz = z[k] - centre[k];
            r2 += dz * dz;
        }
        return scale * (1.0 - r2 * inverseRadiusSquared);
    }

    @Override
    public double evaluate(double[] z, double[] gradient, double[] hessian) {
        int d = centre.length;
        Checks.requirePoint(z, d);
        Checks.requireOutputs(gradient, d, hessian, d * d);
        java.util.Arrays.fill(hessian, 0, d * d, 0.0);
        for (int k = 0; k < d; k++) {
            hessian[k * d + k] = -2.0 * scale * inverseRadiusSquared;
        }
        return gradientAndValue(z, gradient);
    }

    @Override
    public double evaluateDiagonal(double[] z, double[] gradient, double[] secondDerivatives) {
        int d = centre.length;
        Checks.requirePoint(z, d);
        Checks.requireOutputs(gradient, d, secondDerivatives, d);
        for (int k = 0; k < d; k++) {
            secondDerivatives[k] = -2.0 * scale * inverseRadiusSquared;
        }
        return gradientAndValue(z, gradient);
    }

    private double gradientAndValue(double[] z, double[] gradient) {
        double r2 = 0;
        for (int k = 0; k < centre.length; k++) {
            double dz = z[k] - centre[k];
            gradient[k] = -2.0 * scale * dz * inverseRadiusSquared;
            r2 += dz * dz;
        }
        return scale * (1.0 - r2 * inverseRadiusSquared);
    }
}
