package org.kanpde.net.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.net.DerivativeChecks;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.basis.BasisType;

/**
 * The finite-difference checks of {@link KanDerivativeTest} (input gradient, diagonal and full
 * Hessian, dense and sparse parameter rows) for every edge basis, on 1-D to 3-D networks, including
 * networks that mix bases across layers and networks after a grid update.
 */
class KanBasisDerivativeTest {

    static Stream<Arguments> networks() {
        BasisType c = BasisType.CHEBYSHEV;
        BasisType r = BasisType.RBF;
        BasisType f = BasisType.FOURIER;
        BasisType b = BasisType.BSPLINE;
        return Stream.of(
                Arguments.of(new int[] {1, 3, 1}, new BasisType[] {c}, new int[] {6}),
                Arguments.of(new int[] {2, 4, 1}, new BasisType[] {c}, new int[] {4, 9}),
                Arguments.of(new int[] {3, 3, 2, 1}, new BasisType[] {c}, new int[] {5}),
                Arguments.of(new int[] {1, 3, 1}, new BasisType[] {r}, new int[] {7}),
                Arguments.of(new int[] {2, 4, 1}, new BasisType[] {r}, new int[] {20, 5}),
                Arguments.of(new int[] {3, 3, 2, 1}, new BasisType[] {r}, new int[] {6}),
                Arguments.of(new int[] {1, 3, 1}, new BasisType[] {f}, new int[] {3}),
                Arguments.of(new int[] {2, 4, 1}, new BasisType[] {f}, new int[] {2, 5}),
                Arguments.of(new int[] {3, 3, 2, 1}, new BasisType[] {f}, new int[] {3}),
                Arguments.of(new int[] {2, 3, 3, 1}, new BasisType[] {c, r, f}, new int[] {5, 8, 3}),
                Arguments.of(new int[] {3, 4, 1}, new BasisType[] {b, c}, new int[] {6, 7}));
    }

    /**
     * Random parameters of the size used in practice, so every term of every rule matters. Hidden
     * ranges [-3, 3] hold the hidden values, as grid updates would make them: beyond its range a
     * Chebyshev edge grows like its polynomial, and three such layers reach 1e13, where difference
     * quotients lose the digits the checks need.
     */
    static Kan randomKan(int[] widths, BasisType[] types, int[] sizes, long seed) {
        Kan kan = Kan.builder().widths(widths).basis(types).gridSize(sizes).degree(3).inputRange(-1, 1)
                .hiddenRange(-3, 3).noise(0.5).seed(seed).build();
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
    void inputDerivativesMatchFiniteDifferences(int[] widths, BasisType[] types, int[] sizes) {
        Kan kan = randomKan(widths, types, sizes, 3);
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 15; t++) {
            // some points beyond the range exercise each basis's continuation there
            double[] z = randomPoint(r, widths[0], 1.2);
            DerivativeChecks.checkInputGradient(kan, z, 1e-6);
            DerivativeChecks.checkSecondDerivatives(kan, Derivatives.HESSIAN_DIAGONAL, z, 1e-6);
            DerivativeChecks.checkSecondDerivatives(kan, Derivatives.HESSIAN, z, 1e-6);
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void parameterGradientsMatchFiniteDifferences(int[] widths, BasisType[] types, int[] sizes) {
        Kan kan = randomKan(widths, types, sizes, 11);
        SplittableRandom r = new SplittableRandom(13);
        for (int t = 0; t < 3; t++) {
            double[] z = randomPoint(r, widths[0], 1.1);
            for (Derivatives level : Derivatives.values()) {
                DerivativeChecks.checkParameterGradient(kan, level, z, 17 + t, 1e-6);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void derivativesHoldAfterAGridUpdate(int[] widths, BasisType[] types, int[] sizes) {
        Kan kan = randomKan(widths, types, sizes, 23);
        SplittableRandom r = new SplittableRandom(29);
        double[] samples = new double[300 * widths[0]];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.tanh(2 * r.nextGaussian());
        }
        boolean[] all = new boolean[kan.layerCount()];
        Arrays.fill(all, true);
        Kan updated = kan.updateGrid(samples, 0.1, all);
        for (int t = 0; t < 4; t++) {
            double[] z = randomPoint(r, widths[0], 1.0);
            DerivativeChecks.checkInputGradient(updated, z, 1e-6);
            DerivativeChecks.checkSecondDerivatives(updated, Derivatives.HESSIAN, z, 1e-6);
            DerivativeChecks.checkParameterGradient(updated, Derivatives.HESSIAN_DIAGONAL, z, t, 1e-6);
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void sparseRowsTouchOnlyTheActiveCoefficients(int[] widths, BasisType[] types, int[] sizes) {
        Kan kan = randomKan(widths, types, sizes, 31);
        Evaluator ev = kan.evaluator(Derivatives.HESSIAN_DIAGONAL);
        int expected = 0;
        for (int l = 0; l < kan.layerCount(); l++) {
            expected += kan.layer(l).edges() * (kan.layer(l).activeCount() + 2);
        }
        assertEquals(expected, ev.maxNonZeros());
        int[] index = new int[ev.maxNonZeros()];
        double[] value = new double[ev.maxNonZeros()];
        ev.forward(new double[widths[0]], 0);
        assertEquals(expected, ev.backwardSparse(1.0, null, null, index, value));
    }
}
