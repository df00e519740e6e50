package org.kanpde.interpret.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.net.DerivativeChecks;
import org.kanpde.net.Derivatives;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.LayerChain;

/** Every analytic derivative of symbolic KANs and of the symbolic functions against finite differences. */
class SymbolicKanDerivativeTest {
    /** Functions defined and smooth on every real argument. */
    private static final SymbolicFunction[] SMOOTH = {
        SymbolicFunction.X, SymbolicFunction.X2, SymbolicFunction.X3, SymbolicFunction.X4, SymbolicFunction.X5,
        SymbolicFunction.EXP, SymbolicFunction.SIN, SymbolicFunction.COS, SymbolicFunction.TANH, SymbolicFunction.GAUSSIAN,
        SymbolicFunction.SIGMOID, SymbolicFunction.ARCTAN, SymbolicFunction.SINH, SymbolicFunction.ZERO};

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(new int[] {1, 3, 1}, 3, 1L),
                Arguments.of(new int[] {2, 3, 1}, 5, 2L),
                Arguments.of(new int[] {2, 4, 1}, 3, 3L),
                Arguments.of(new int[] {3, 4, 2, 1}, 3, 4L));
    }

    /** A network with a random mix of spline, symbolic and zero edges. */
    static SymbolicKan mixed(int[] widths, int k, long seed) {
        SymbolicKan net = SymbolicKan.of(SymbolicKanTest.randomKan(widths, k, 5, seed));
        SplittableRandom r = new SplittableRandom(seed * 31);
        for (int l = 0; l < widths.length - 1; l++) {
            for (int j = 0; j < widths[l + 1]; j++) {
                for (int i = 0; i < widths[l]; i++) {
                    double u = r.nextDouble();
                    if (u < 0.6) {
                        SymbolicFunction f = SMOOTH[r.nextInt(SMOOTH.length)];
                        net = net.withSymbolic(l, j, i, f, r.nextDouble(-1.2, 1.2), r.nextDouble(-1, 1), r.nextDouble(-1, 1),
                                r.nextDouble(-0.5, 0.5));
                    } else if (u < 0.7) {
                        net = net.withZero(l, j, i);
                    }
                }
            }
        }
        return net;
    }

    @ParameterizedTest
    @MethodSource("networks")
    void everyDerivativeOfMixedNetworksMatchesFiniteDifferences(int[] widths, int k, long seed) {
        SymbolicKan net = mixed(widths, k, seed);
        SplittableRandom r = new SplittableRandom(seed + 100);
        for (int t = 0; t < 6; t++) {
            double[] z = r.doubles(widths[0], -1.2, 1.2).toArray();
            DerivativeChecksBridge.checkAll(net, z, seed + t);
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void partlyFrozenNetworksHaveConsistentGradients(int[] widths, int k, long seed) {
        SymbolicKan net = mixed(widths, k, seed + 7).withTrainable(
                EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS, EdgeParameter.OUTER_SCALE, EdgeParameter.INNER_SHIFT));
        SplittableRandom r = new SplittableRandom(seed + 200);
        for (int t = 0; t < 3; t++) {
            double[] z = r.doubles(widths[0], -1, 1).toArray();
            DerivativeChecksBridge.checkAll(net, z, seed + t);
        }
    }

    @Test
    void functionsWithARestrictedDomainHaveExactDerivativesInside() {
        SymbolicKan net = SymbolicKan.of(SymbolicKanTest.randomKan(new int[] {2, 3, 1}, 3, 5, 9))
                .withSymbolic(0, 0, 0, SymbolicFunction.INVERSE, 1, 3, 0.7, 0.1)
                .withSymbolic(0, 1, 0, SymbolicFunction.SQRT, 1, 2, -0.5, 0)
                .withSymbolic(0, 2, 0, SymbolicFunction.LOG, -1, 2.5, 0.8, 0.2)
                .withSymbolic(0, 0, 1, SymbolicFunction.TAN, 0.6, 0.1, 0.4, 0)
                .withSymbolic(0, 1, 1, SymbolicFunction.ABS, 1, 2, 1.1, 0)
                .withSymbolic(1, 0, 2, SymbolicFunction.SIN, 0.9, 0.3, 1.2, -0.1);
        SplittableRandom r = new SplittableRandom(10);
        for (int t = 0; t < 6; t++) {
            DerivativeChecksBridge.checkAll(net, r.doubles(2, -1.2, 1.2).toArray(), t);
        }
    }

    @ParameterizedTest
    @EnumSource(SymbolicFunction.class)
    void eachFunctionsDerivativesMatchFiniteDifferences(SymbolicFunction f) {
        SplittableRandom r = new SplittableRandom(f.ordinal());
        double[] out = new double[4];
        double[][] q = new double[4][4];
        double[] offsets = {-2, -1, 1, 2};
        for (int n = 0; n < 20; n++) {
            double t = r.nextDouble(-2, 2);
            if (f == SymbolicFunction.SQRT || f == SymbolicFunction.LOG) {
                t = r.nextDouble(0.2, 3);
            } else if (f == SymbolicFunction.INVERSE || f == SymbolicFunction.ABS) {
                t = (r.nextBoolean() ? 1 : -1) * r.nextDouble(0.2, 3);
            } else if (f == SymbolicFunction.TAN) {
                t = r.nextDouble(-1.2, 1.2);
            }
            f.derivatives(t, out, 0);
            assertEquals(f.value(t), out[0], 1e-15 * Math.max(1, Math.abs(out[0])), f + " value at " + t);
            double h = 1e-4;
            for (int s = 0; s < 4; s++) {
                f.derivatives(t + offsets[s] * h, q[s], 0);
            }
            for (int order = 1; order <= 3; order++) {
                double fd = (q[0][order - 1] - 8 * q[1][order - 1] + 8 * q[2][order - 1] - q[3][order - 1]) / (12 * h);
                DerivativeChecks.assertClose(fd, out[order], 1e-7, f + " derivative " + order + " at " + t);
            }
        }
    }

    @Test
    void edgeWeightedReversePassMatchesFiniteDifferences() {
        SymbolicKan net = mixed(new int[] {2, 3, 1}, 3, 12);
        int[] widths = net.widths();
        SplittableRandom r = new SplittableRandom(5);
        double[][] w = new double[2][];
        for (int l = 0; l < 2; l++) {
            w[l] = r.doubles(widths[l] * widths[l + 1], -1, 1).toArray();
        }
        double[] z = {0.35, -0.6};
        LayerChain ev = net.evaluator(Derivatives.GRADIENT);
        ev.forward(z, 0);
        double[] grad = new double[net.parameterCount()];
        ev.backwardEdges(0.4, w, grad);
        double[] p = net.parameters();
        for (int k = 0; k < p.length; k++) {
            double saved = p[k];
            double h = 1e-5 * Math.max(1, Math.abs(saved));
            p[k] = saved + h;
            double plus = weighted(net, ev, z, w, 0.4);
            p[k] = saved - h;
            double minus = weighted(net, ev, z, w, 0.4);
            p[k] = saved;
            DerivativeChecks.assertClose((plus - minus) / (2 * h), grad[k], 1e-6, "parameter " + k);
        }
    }

    private static double weighted(SymbolicKan net, LayerChain ev, double[] z, double[][] w, double ubar) {
        double sum = ubar * ev.forward(z, 0).value();
        int[] widths = net.widths();
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < widths[l + 1]; j++) {
                for (int i = 0; i < widths[l]; i++) {
                    sum += w[l][j * widths[l] + i] * ev.edgeValue(l, j, i);
                }
            }
        }
        return sum;
    }

    @Test
    void aConvertedKanKeepsItsDerivativesWhenPartlyFrozen() {
        Kan kan = SymbolicKanTest.randomKan(new int[] {2, 4, 1}, 5, 7, 21);
        SymbolicKan net = SymbolicKan.of(kan, EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS));
        assertEquals(12 * 12, net.parameterCount());
        DerivativeChecksBridge.checkAll(net, new double[] {0.1, -0.8}, 3);
    }
}
