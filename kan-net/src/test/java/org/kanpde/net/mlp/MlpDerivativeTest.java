package org.kanpde.net.mlp;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.net.DerivativeChecks;
import org.kanpde.net.Derivatives;

/** Every analytic MLP derivative against central finite differences, 1-D to 3-D inputs. */
class MlpDerivativeTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(new int[] {1, 6, 1}, Activation.TANH),
                Arguments.of(new int[] {2, 5, 4, 1}, Activation.TANH),
                Arguments.of(new int[] {3, 7, 7, 7, 1}, Activation.TANH),
                Arguments.of(new int[] {2, 4, 3, 1}, Activation.SIN));
    }

    private static Mlp randomMlp(int[] widths, Activation activation, long seed) {
        Mlp mlp = Mlp.random(widths, activation, seed);
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = mlp.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.2 * r.nextGaussian();
        }
        return mlp;
    }

    @ParameterizedTest
    @MethodSource("networks")
    void inputDerivativesMatchFiniteDifferences(int[] widths, Activation activation) {
        Mlp mlp = randomMlp(widths, activation, 1);
        SplittableRandom r = new SplittableRandom(2);
        for (int t = 0; t < 20; t++) {
            double[] z = r.doubles(widths[0], -1.5, 1.5).toArray();
            DerivativeChecks.checkInputGradient(mlp, z, 1e-6);
            DerivativeChecks.checkSecondDerivatives(mlp, Derivatives.HESSIAN_DIAGONAL, z, 1e-6);
            DerivativeChecks.checkSecondDerivatives(mlp, Derivatives.HESSIAN, z, 1e-6);
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void parameterGradientsMatchFiniteDifferences(int[] widths, Activation activation) {
        Mlp mlp = randomMlp(widths, activation, 3);
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < 4; t++) {
            double[] z = r.doubles(widths[0], -1.5, 1.5).toArray();
            for (Derivatives level : Derivatives.values()) {
                DerivativeChecks.checkParameterGradient(mlp, level, z, 5 + t, 1e-6);
            }
        }
    }
}
