package org.kanpde.solver.problem;

import java.util.function.Function;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/** A {@link Field} evaluated on Hipparchus derivative structures of order 2. */
final class SmoothField implements Field {
    private final int dimension;
    private final DSFactory second;
    private final DSFactory zeroth;
    private final Function<DerivativeStructure[], DerivativeStructure> f;
    private final int[][] firstOrders;
    private final int[][] secondOrders;

    SmoothField(int dimension, Function<DerivativeStructure[], DerivativeStructure> f) {
        if (dimension < 1) {
            throw new IllegalArgumentException("field dimension must be >= 1, got " + dimension);
        }
        this.dimension = dimension;
        this.f = f;
        this.second = new DSFactory(dimension, 2);
        this.zeroth = new DSFactory(dimension, 0);
        this.firstOrders = new int[dimension][dimension];
        this.secondOrders = new int[dimension][dimension];
        for (int k = 0; k < dimension; k++) {
            firstOrders[k][k] = 1;
            secondOrders[k][k] = 2;
        }
    }

    @Override
    public double value(double[] z) {
        check(z);
        DerivativeStructure[] vars = new DerivativeStructure[dimension];
        for (int k = 0; k < dimension; k++) {
            vars[k] = zeroth.variable(k, z[k]);
        }
        return f.apply(vars).getValue();
    }

    @Override
    public boolean hasDerivatives() {
        return true;
    }

    @Override
    public void derivatives(double[] z, double[] out) {
        check(z);
        DerivativeStructure[] vars = new DerivativeStructure[dimension];
        for (int k = 0; k < dimension; k++) {
            vars[k] = second.variable(k, z[k]);
        }
        DerivativeStructure r = f.apply(vars);
        out[0] = r.getValue();
        for (int k = 0; k < dimension; k++) {
            out[1 + k] = r.getPartialDerivative(firstOrders[k]);
            out[1 + dimension + k] = r.getPartialDerivative(secondOrders[k]);
        }
    }

    private void check(double[] z) {
        if (z.length != dimension) {
            throw new IllegalArgumentException("field of dimension " + dimension + " evaluated at a point of dimension " + z.length);
        }
    }
}
