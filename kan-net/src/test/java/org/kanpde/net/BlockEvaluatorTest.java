package org.kanpde.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Activation;
import org.kanpde.net.mlp.Mlp;

/**
 * Block evaluation against the per-point evaluator (whose derivatives {@code DerivativeChecks}
 * verifies by finite differences): the same jets, and the same summed parameter gradient.
 */
class BlockEvaluatorTest {

    static Stream<Arguments> mlps() {
        return Stream.of(
                Arguments.of(new int[] {1, 3, 1}, Activation.TANH, Derivatives.HESSIAN_DIAGONAL, 4),
                Arguments.of(new int[] {2, 5, 7, 1}, Activation.TANH, Derivatives.HESSIAN_DIAGONAL, 8),
                Arguments.of(new int[] {2, 9, 6, 1}, Activation.TANH, Derivatives.HESSIAN, 5),
                Arguments.of(new int[] {3, 4, 4, 1}, Activation.SIN, Derivatives.HESSIAN, 3),
                Arguments.of(new int[] {3, 6, 1}, Activation.TANH, Derivatives.GRADIENT, 7),
                Arguments.of(new int[] {2, 5, 5, 1}, Activation.RELU, Derivatives.VALUE, 1),
                Arguments.of(new int[] {2, 1}, Activation.TANH, Derivatives.HESSIAN_DIAGONAL, 6));
    }

    @ParameterizedTest
    @MethodSource("mlps")
    void mlpBlocksMatchThePerPointEvaluator(int[] widths, Activation activation, Derivatives level, int capacity) {
        Mlp mlp = Mlp.random(widths, activation, 3);
        SplittableRandom random = new SplittableRandom(11);
        double[] p = mlp.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.1 * random.nextGaussian();
        }
        checkAgainstPointwise(mlp, level, capacity, random, 1e-12);
    }

    @Test
    void theDefaultBlockEvaluatorIsThePerPointEvaluator() {
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(6).degree(3).inputRange(-1, 1).seed(5).build();
        SplittableRandom random = new SplittableRandom(2);
        double[] p = kan.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.2 * random.nextGaussian();
        }
        checkAgainstPointwise(kan, Derivatives.HESSIAN_DIAGONAL, 6, random, 0);
    }

    /** Blocks of every fill level against point-by-point evaluation, twice in a row (the scratch is reused). */
    private static void checkAgainstPointwise(TrialFunction f, Derivatives level, int capacity, SplittableRandom random,
                                              double gradientTolerance) {
        int d = f.inputDimension();
        BlockEvaluator block = f.blockEvaluator(level, capacity);
        Evaluator single = f.evaluator(level);
        int channels = block.channels();
        int grad = level.order() >= 1 ? d : 0;
        assertEquals(1 + grad + level.secondCount(d), channels);
        for (int count : new int[] {capacity, Math.max(1, capacity / 2), 1, capacity}) {
            double[] points = new double[(count + 2) * d];
            for (int i = 0; i < points.length; i++) {
                points[i] = random.nextDouble(-1.2, 1.2);
            }
            int offset = 2 * d;
            double[] adjoints = new double[count * channels];
            for (int i = 0; i < adjoints.length; i++) {
                adjoints[i] = random.nextGaussian();
            }
            double[] jets = block.forward(points, offset, count).clone();
            double[] blockGradient = new double[f.parameterCount()];
            block.backward(adjoints, blockGradient);
            double[] expected = new double[f.parameterCount()];
            double[] gbar = new double[grad];
            double[] sbar = new double[channels - 1 - grad];
            for (int t = 0; t < count; t++) {
                Jet jet = single.forward(points, offset + t * d);
                int base = t * channels;
                assertEquals(jet.value(), jets[base], 0.0, "u at point " + t);
                for (int k = 0; k < grad; k++) {
                    assertEquals(jet.gradient(k), jets[base + 1 + k], 0.0, "du/dz" + k + " at point " + t);
                }
                for (int q = 0; q < sbar.length; q++) {
                    assertEquals(jet.second(q), jets[base + 1 + grad + q], 0.0, "second derivative " + q + " at point " + t);
                }
                System.arraycopy(adjoints, base + 1, gbar, 0, grad);
                System.arraycopy(adjoints, base + 1 + grad, sbar, 0, sbar.length);
                single.backward(adjoints[base], gbar, sbar, expected);
            }
            double scale = 0;
            for (double g : expected) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], blockGradient[i], gradientTolerance * scale, "d/dtheta_" + i + " with " + count + " points");
            }
        }
    }

    @Test
    void mlpBlockGradientMatchesFiniteDifferences() {
        Mlp mlp = Mlp.tanh(4, 2, 6, 5, 1);
        SplittableRandom random = new SplittableRandom(9);
        int count = 5;
        BlockEvaluator block = mlp.blockEvaluator(Derivatives.HESSIAN_DIAGONAL, 8);
        int channels = block.channels();
        double[] points = new double[count * 2];
        for (int i = 0; i < points.length; i++) {
            points[i] = random.nextDouble(-1, 1);
        }
        double[] adjoints = new double[count * channels];
        for (int i = 0; i < adjoints.length; i++) {
            adjoints[i] = random.nextGaussian();
        }
        block.forward(points, 0, count);
        double[] gradient = new double[mlp.parameterCount()];
        block.backward(adjoints, gradient);
        double[] p = mlp.parameters();
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            double h = 1e-5;
            p[i] = saved + h;
            double plus = weighted(block.forward(points, 0, count), adjoints);
            p[i] = saved - h;
            double minus = weighted(block.forward(points, 0, count), adjoints);
            p[i] = saved;
            double fd = (plus - minus) / (2 * h);
            assertEquals(fd, gradient[i], 1e-6 * (1 + Math.abs(fd)), "d/dtheta_" + i);
        }
    }

    private static double weighted(double[] jets, double[] adjoints) {
        double s = 0;
        for (int i = 0; i < adjoints.length; i++) {
            s += adjoints[i] * jets[i];
        }
        return s;
    }

    @Test
    void badBlocksAreRejectedWithTheValues() {
        Mlp mlp = Mlp.tanh(1, 2, 4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp.blockEvaluator(Derivatives.VALUE, 0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        BlockEvaluator block = mlp.blockEvaluator(Derivatives.VALUE, 4);
        e = assertThrows(IllegalArgumentException.class, () -> block.forward(new double[10], 0, 5));
        assertTrue(e.getMessage().contains("block of 5 points; expected 1 to 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> block.forward(new double[6], 2, 3));
        assertTrue(e.getMessage().contains("from index 2") && e.getMessage().contains("length 6"), e.getMessage());
        Kan kan = Kan.builder().widths(2, 2, 1).gridSize(3).degree(2).seed(1).build();
        e = assertThrows(IllegalArgumentException.class, () -> kan.blockEvaluator(Derivatives.VALUE, -3));
        assertTrue(e.getMessage().contains("got -3"), e.getMessage());
    }
}
