package org.kanpde.net.kan;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.net.DerivativeChecks;
import org.kanpde.net.Derivatives;

/** Every analytic KAN derivative against central finite differences, 1-D to 3-D inputs. */
class KanDerivativeTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(new int[] {1, 3, 1}, 3, 5),
                Arguments.of(new int[] {2, 4, 1}, 3, 5),
                Arguments.of(new int[] {2, 5, 1}, 5, 7),
                Arguments.of(new int[] {3, 5, 5, 1}, 3, 4),
                Arguments.of(new int[] {3, 2, 1}, 4, 3));
    }

    /** Random parameters of the size used in practice, so every term of every rule matters. */
    private static Kan randomKan(int[] widths, int k, int g, long seed) {
        Kan kan = Kan.builder().widths(widths).degree(k).gridSize(g).inputRange(-1, 1).noise(0.5).seed(seed).build();
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] p = kan.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * r.nextGaussian();
        }
        return kan;
    }

    private static double[] randomPoint(SplittableRandom r, int d, double spread) {
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = r.nextDouble(-spread, spread);
        }
        return z;
    }

    @ParameterizedTest
    @MethodSource("networks")
    void inputDerivativesMatchFiniteDifferences(int[] widths, int k, int g) {
        Kan kan = randomKan(widths, k, g, 3);
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 20; t++) {
            // some points beyond the grid range exercise the polynomial extrapolation
            double[] z = randomPoint(r, widths[0], 1.3);
            DerivativeChecks.checkInputGradient(kan, z, 1e-6);
            DerivativeChecks.checkSecondDerivatives(kan, Derivatives.HESSIAN_DIAGONAL, z, 1e-6);
            DerivativeChecks.checkSecondDerivatives(kan, Derivatives.HESSIAN, z, 1e-6);
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void parameterGradientsMatchFiniteDifferences(int[] widths, int k, int g) {
        Kan kan = randomKan(widths, k, g, 11);
        SplittableRandom r = new SplittableRandom(13);
        for (int t = 0; t < 4; t++) {
            double[] z = randomPoint(r, widths[0], 1.1);
            for (Derivatives level : Derivatives.values()) {
                DerivativeChecks.checkParameterGradient(kan, level, z, 17 + t, 1e-6);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void derivativesHoldOnAdaptiveGrids(int[] widths, int k, int g) {
        Kan kan = randomKan(widths, k, g, 23);
        SplittableRandom r = new SplittableRandom(29);
        double[] samples = new double[400 * widths[0]];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.tanh(2 * r.nextGaussian());
        }
        boolean[] all = new boolean[kan.layerCount()];
        java.util.Arrays.fill(all, true);
        Kan updated = kan.updateGrid(samples, 0.1, all);
        for (int t = 0; t < 5; t++) {
            double[] z = randomPoint(r, widths[0], 1.0);
            DerivativeChecks.checkInputGradient(updated, z, 1e-6);
            DerivativeChecks.checkSecondDerivatives(updated, Derivatives.HESSIAN, z, 1e-6);
            DerivativeChecks.checkParameterGradient(updated, Derivatives.HESSIAN_DIAGONAL, z, t, 1e-6);
        }
    }
}
