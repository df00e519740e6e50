package org.kanpde.net.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.mlp.Activation;
import org.kanpde.net.mlp.Mlp;

/** The exact rewrite of piecewise-linear KANs as ReLU MLPs. */
class KanToMlpTest {

    /** A k = 1 KAN without base function, random coefficients and spline scales. */
    private static Kan piecewiseLinear(int[] widths, int[] grids, long seed) {
        Kan kan = Kan.builder().widths(widths).gridSize(grids).degree(1).baseFunction(false).inputRange(-1, 1)
                .noise(0.7).seed(seed).build();
        SplittableRandom r = new SplittableRandom(seed);
        for (int idx : kan.parameterIndices(java.util.EnumSet.of(EdgeParameter.SPLINE_SCALE))) {
            kan.parameters()[idx] = r.nextDouble(0.5, 1.5);
        }
        return kan;
    }

    /** Compares values and gradients at random points, many beyond every grid range. */
    private static double maxRelativeError(Kan kan, Mlp mlp, int d, long seed) {
        Evaluator ek = kan.evaluator(Derivatives.GRADIENT);
        Evaluator em = mlp.evaluator(Derivatives.GRADIENT);
        SplittableRandom r = new SplittableRandom(seed);
        double worst = 0;
        for (int t = 0; t < 2000; t++) {
            double[] z = r.doubles(d, -2.5, 2.5).toArray();
            Jet a = ek.forward(z, 0);
            double u = a.value();
            double[] g = new double[d];
            for (int k = 0; k < d; k++) {
                g[k] = a.gradient(k);
            }
            Jet b = em.forward(z, 0);
            worst = Math.max(worst, Math.abs(b.value() - u) / Math.max(1, Math.abs(u)));
            for (int k = 0; k < d; k++) {
                // both are piecewise constant; a random point is almost surely not on a kink
                worst = Math.max(worst, Math.abs(b.gradient(k) - g[k]) / Math.max(1, Math.abs(g[k])));
            }
        }
        return worst;
    }

    @Test
    void twoLayerKanEqualsItsReluMlp() {
        Kan kan = piecewiseLinear(new int[] {2, 3, 1}, new int[] {5}, 1);
        Mlp mlp = KanToMlp.convert(kan);
        assertEquals(Activation.RELU, mlp.activation());
        // layer l becomes n_l (G + 1) ReLU units
        assertArrayEquals(new int[] {2, 12, 18, 1}, mlp.widths());
        assertEquals(6 * 8 + 3 * 8, kan.parameterCount());
        assertEquals(2 * 12 + 12 + 12 * 18 + 18 + 18 + 1, mlp.parameterCount());
        double err = maxRelativeError(kan, mlp, 2, 2);
        assertTrue(err < 1e-12, "KAN and MLP differ by " + err);
    }

    @Test
    void deeperKanWithPerLayerAndAdaptiveGridsEqualsItsReluMlp() {
        Kan kan = piecewiseLinear(new int[] {3, 4, 2, 1}, new int[] {4, 6, 3}, 3);
        // non-uniform, node-specific grids after a grid update
        SplittableRandom r = new SplittableRandom(4);
        double[] samples = new double[3 * 500];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.tanh(1.5 * r.nextGaussian());
        }
        Kan adaptive = kan.updateGrid(samples, 0.1, new boolean[] {true, true, true});
        for (Kan k : new Kan[] {kan, adaptive}) {
            Mlp mlp = KanToMlp.convert(k);
            assertArrayEquals(new int[] {3, 15, 28, 8, 1}, mlp.widths());
            double err = maxRelativeError(k, mlp, 3, 5);
            assertTrue(err < 1e-12, "KAN and MLP differ by " + err);
        }
    }

    @Test
    void singleIntervalEdgesAreLinear() {
        Kan kan = piecewiseLinear(new int[] {1, 2, 1}, new int[] {1}, 6);
        Mlp mlp = KanToMlp.convert(kan);
        assertArrayEquals(new int[] {1, 2, 4, 1}, mlp.widths());
        assertTrue(maxRelativeError(kan, mlp, 1, 7) < 1e-12);
    }

    @Test
    void onlyPiecewiseLinearKansWithoutBaseFunctionConvert() {
        KanTest.assertMessage(() -> KanToMlp.convert(Kan.builder().widths(2, 3, 1).degree(1).seed(1).build()),
                "w_b = ");
        KanTest.assertMessage(() -> KanToMlp.convert(Kan.builder().widths(2, 3, 1).degree(1, 3).baseFunction(false).build()),
                "layer 1 has k = 3");
        KanTest.assertMessage(() -> KanToMlp.convert(Kan.builder().widths(2, 3, 1).basis(BasisType.CHEBYSHEV).degree(1)
                .baseFunction(false).build()), "layer 0 has chebyshev n=5");
    }
}
