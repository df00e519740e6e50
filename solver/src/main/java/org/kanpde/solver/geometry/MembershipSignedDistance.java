package org.kanpde.solver.geometry;

/**
 * A domain's own distance function made signed: {@code |D|} inside the closed domain,
 * {@code -|D|} outside. Used for polygons, whose distance function is positive on both sides of
 * an edge and behaves like the unsigned distance |f| near it, so that the signed version behaves
 * like f and stays smooth across edges. The flip sits exactly on the boundary, where D = 0.
 */
final class MembershipSignedDistance implements DistanceFunction {

    private final Domain domain;
    private final DistanceFunction distance;

    MembershipSignedDistance(Domain domain, DistanceFunction distance) {
        this.domain = domain;
        this.distance = distance;
    }

    @Override
    public int dimension() {
        return distance.dimension();
    }

    @Override
    public double value(double[] z) {
        double v = distance.value(z);
        return domain.contains(z) ? Math.abs(v) : -Math.abs(v);
    }

    @Override
    public double evaluate(double[] z, double[] gradient, double[] hessian) {
        double v = distance.evaluate(z, gradient, hessian);
        return flip(z, v, gradient, hessian, dimension() * dimension());
    }

    @Override
    public double evaluateDiagonal(double[] z, double[] gradient, double[] secondDerivatives) {
        double v = distance.evaluateDiagonal(z, gradient, secondDerivatives);
        return flip(z, v, gradient, secondDerivatives, dimension());
    }

    private double flip(double[] z, double v, double[] gradient, double[] second, int entries) {
        boolean negative = (v < 0) == domain.contains(z);
        if (!negative) {
            return v;
        }
        for (int k = 0; k < dimension(); k++) {
            gradient[k] = -gradient[k];
        }
        for (int e = 0; e < entries; e++) {
            second[e] = -second[e];
        }
        return -v;
    }
}
