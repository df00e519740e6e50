package org.kanpde.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fourth-order central finite-difference checks of every analytic derivative of a {@link TrialFunction}: input
 * gradient against values, second derivatives against the gradient, parameter gradients (dense
 * and sparse rows) against the adjoint-weighted output.
 */
public final class DerivativeChecks {
    /** Step of the fourth-order central difference, relative to max(1, |x|). */
    private static final double STEP = 1e-4;
    private static final double[] OFFSETS = {-2, -1, 1, 2};

    private DerivativeChecks() {
    }

    /** Fourth-order central difference from f(x-2h), f(x-h), f(x+h), f(x+2h). */
    private static double stencil(double m2, double m1, double p1, double p2, double h) {
        return (m2 - 8 * m1 + 8 * p1 - p2) / (12 * h);
    }

    /** Checks grad u against difference quotients of u, at the given point. */
    public static void checkInputGradient(TrialFunction f, double[] z, double tolerance) {
        int d = f.inputDimension();
        Evaluator ev = f.evaluator(Derivatives.GRADIENT);
        Evaluator plain = f.evaluator(Derivatives.VALUE);
        Jet jet = ev.forward(z, 0);
        double u = jet.value();
        assertEquals(u, plain.forward(z, 0).value(), 1e-14 * (1 + Math.abs(u)), "value differs between levels");
        for (int k = 0; k < d; k++) {
            double h = STEP * Math.max(1, Math.abs(z[k]));
            double fd = stencil(valueAt(plain, z, k, -2 * h), valueAt(plain, z, k, -h), valueAt(plain, z, k, h),
                    valueAt(plain, z, k, 2 * h), h);
            assertClose(fd, jet.gradient(k), tolerance, "du/dz" + k + " at " + Arrays.toString(z));
        }
    }

    /** Checks the second derivatives carried at {@code level} against difference quotients of grad u. */
    public static void checkSecondDerivatives(TrialFunction f, Derivatives level, double[] z, double tolerance) {
        int d = f.inputDimension();
        Evaluator ev = f.evaluator(level);
        Evaluator grad = f.evaluator(Derivatives.GRADIENT);
        Jet jet = ev.forward(z, 0);
        SecondPairs pairs = jet.pairs();
        Jet g0 = grad.forward(z, 0);
        assertEquals(g0.value(), jet.value(), 1e-14 * (1 + Math.abs(jet.value())));
        for (int k = 0; k < d; k++) {
            assertEquals(g0.gradient(k), jet.gradient(k), 1e-13 * (1 + Math.abs(jet.gradient(k))));
        }
        for (int p = 0; p < pairs.count(); p++) {
            int k = pairs.k(p);
            int l = pairs.l(p);
            double best = Double.POSITIVE_INFINITY;
            double fd = Double.NaN;
            // splines of degree k have a piecewise-continuous k-th derivative: a stencil that straddles
            // a knot (of any layer) is wrong by O(h), so a second, shorter stencil gets a chance
            for (double step : new double[] {STEP, STEP / 8}) {
                double h = step * Math.max(1, Math.abs(z[l]));
                double[] q = new double[4];
                for (int s = 0; s < 4; s++) {
                    double[] zp = z.clone();
                    zp[l] += OFFSETS[s] * h;
                    q[s] = grad.forward(zp, 0).gradient(k);
                }
                double estimate = stencil(q[0], q[1], q[2], q[3], h);
                if (Math.abs(estimate - jet.second(p)) < best) {
                    best = Math.abs(estimate - jet.second(p));
                    fd = estimate;
                }
            }
            assertClose(fd, jet.second(p), tolerance, "d2u/dz" + k + "dz" + l + " at " + Arrays.toString(z));
        }
    }

    /**
     * Checks backward and backwardSparse against central differences of
     * L(theta) = ubar u + gbar . grad u + sbar . s with random adjoints.
     */
    public static void checkParameterGradient(TrialFunction f, Derivatives level, double[] z, long seed, double tolerance) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = f.inputDimension();
        Evaluator ev = f.evaluator(level);
        Jet jet = ev.forward(z, 0);
        int pairs = jet.pairs().count();
        double ubar = random.nextDouble(-1, 1);
        double[] gbar = level.order() >= 1 ? random.doubles(d, -1, 1).toArray() : null;
        double[] sbar = pairs > 0 ? random.doubles(pairs, -1, 1).toArray() : null;
        int n = f.parameterCount();
        double[] grad = new double[n];
        ev.backward(ubar, gbar, sbar, grad);

        int[] index = new int[ev.maxNonZeros()];
        double[] value = new double[ev.maxNonZeros()];
        ev.forward(z, 0);
        int nnz = ev.backwardSparse(ubar, gbar, sbar, index, value);
        double[] sparse = new double[n];
        boolean[] seen = new boolean[n];
        for (int t = 0; t < nnz; t++) {
            assertTrue(!seen[index[t]], "sparse row repeats parameter " + index[t]);
            seen[index[t]] = true;
            sparse[index[t]] = value[t];
        }
        double scale = 0;
        for (double g : grad) {
            scale = Math.max(scale, Math.abs(g));
        }
        double[] theta = f.parameters();
        for (int i = 0; i < n; i++) {
            assertEquals(grad[i], sparse[i], 1e-13 * (1 + scale), "sparse and dense rows differ at parameter " + i);
            double saved = theta[i];
            double h = STEP * Math.max(1, Math.abs(saved));
            double[] q = new double[4];
            for (int s = 0; s < 4; s++) {
                theta[i] = saved + OFFSETS[s] * h;
                q[s] = adjointWeighted(ev.forward(z, 0), ubar, gbar, sbar);
            }
            theta[i] = saved;
            double fd = stencil(q[0], q[1], q[2], q[3], h);
            assertEquals(fd, grad[i], tolerance * (1 + scale), "dL/dtheta" + i + " at " + Arrays.toString(z));
        }
    }

    private static double adjointWeighted(Jet jet, double ubar, double[] gbar, double[] sbar) {
        double l = ubar * jet.value();
        if (gbar != null) {
            for (int k = 0; k < gbar.length; k++) {
                l += gbar[k] * jet.gradient(k);
            }
        }
        if (sbar != null) {
            for (int p = 0; p < sbar.length; p++) {
                l += sbar[p] * jet.second(p);
            }
        }
        return l;
    }

    private static double valueAt(Evaluator ev, double[] z, int k, double h) {
        double[] zp = z.clone();
        zp[k] += h;
        return ev.forward(zp, 0).value();
    }

    /** |expected - actual| &lt;= tolerance * max(1, |expected|). */
    public static void assertClose(double expected, double actual, double tolerance, String what) {
        double err = Math.abs(expected - actual);
        assertTrue(err <= tolerance * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + " but was " + actual + " (error " + err + ")");
    }
}
