package org.kanpde.net.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Jet;

class MlpTest {

    @Test
    void parameterCountAndDescription() {
        Mlp mlp = Mlp.tanh(0, 2, 100, 100, 100, 1);
        assertEquals(2 * 100 + 100 + 2 * (100 * 100 + 100) + 100 + 1, mlp.parameterCount());
        assertEquals("MLP [2,100,100,100,1] tanh", mlp.describe());
    }

    @Test
    void glorotWeightsZeroBiasesAndSeeds() {
        Mlp a = Mlp.tanh(5, 2, 20, 1);
        Mlp b = Mlp.tanh(5, 2, 20, 1);
        Mlp c = Mlp.tanh(6, 2, 20, 1);
        assertArrayEquals(a.parameters(), b.parameters());
        assertFalse(Arrays.equals(a.parameters(), c.parameters()));
        double bound = Math.sqrt(6.0 / 22);
        for (int t = 0; t < 40; t++) {
            assertTrue(Math.abs(a.parameters()[t]) <= bound);
        }
        for (int t = 40; t < 60; t++) {
            assertEquals(0.0, a.parameters()[t]);
        }
    }

    @Test
    void oneHiddenUnitByHand() {
        // u = v * tanh(w x + b) + c
        Mlp mlp = Mlp.of(new int[] {1, 1, 1}, Activation.TANH, new double[] {0.7, 0.2, 1.5, -0.3});
        Jet jet = mlp.evaluator(Derivatives.HESSIAN_DIAGONAL).forward(new double[] {0.4}, 0);
        double t = Math.tanh(0.7 * 0.4 + 0.2);
        assertEquals(1.5 * t - 0.3, jet.value(), 1e-15);
        assertEquals(1.5 * 0.7 * (1 - t * t), jet.gradient(0), 1e-15);
        assertEquals(1.5 * 0.49 * (-2 * t * (1 - t * t)), jet.secondDiagonal(0), 1e-15);
    }

    @Test
    void invalidInputIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mlp.tanh(0, 2, 0, 1));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.of(new int[] {1, 2, 1}, Activation.TANH, new double[3]));
        assertTrue(e.getMessage().contains("has 7 parameters, got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.tanh(0, 3, 4, 2));
        assertTrue(e.getMessage().contains("output width must be 1"), e.getMessage());
    }

    @Test
    void fastTanhIsAccurateToRoundOff() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            double x = random.nextDouble(-25, 25) * (i % 4 == 0 ? 1e-3 : 1);
            double exact = Math.tanh(x);
            double fast = Activation.tanh(x);
            assertEquals(exact, fast, 3e-16, "tanh(" + x + ")");
            if (Math.abs(x) < 1e-2) {
                assertEquals(exact, fast, 1e-15 * Math.abs(exact), "tanh(" + x + ") relative");
            }
        }
        assertEquals(1.0, Activation.tanh(800), 0.0);
        assertEquals(-1.0, Activation.tanh(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, Activation.tanh(0.0), 0.0);
        assertTrue(Double.isNaN(Activation.tanh(Double.NaN)));
    }
}
