package org.kanpde.interpret.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kanpde.net.DerivativeChecks;
import org.kanpde.net.kan.Kan;
import org.kanpde.interpret.symbolic.SymbolicFunction;
import org.kanpde.interpret.symbolic.SymbolicKan;

class SparsityRegularizerTest {

    /**
     * Fourth-order central difference of R in parameter k (R sums many terms, so its round-off
     * calls for a step of 1e-4 rather than a tiny one).
     */
    private static double difference(double[] p, int k, java.util.function.DoubleSupplier r) {
        double saved = p[k];
        double h = 1e-4 * Math.max(1, Math.abs(saved));
        double[] q = new double[4];
        double[] offsets = {-2, -1, 1, 2};
        for (int s = 0; s < 4; s++) {
            p[k] = saved + offsets[s] * h;
            q[s] = r.getAsDouble();
        }
        p[k] = saved;
        return (q[0] - 8 * q[1] + 8 * q[2] - q[3]) / (12 * h);
    }

    @Test
    void valueFollowsThePapersDefinition() {
        Kan kan = PrunerTest.randomKan(new int[] {2, 3, 1}, 1);
        double[] pts = PrunerTest.points(50, 2, 2);
        double[][] nodes = kan.nodeValues(pts);
        int[] w = kan.widths();
        double expected = 0;
        double[] out = new double[4];
        for (int l = 0; l < 2; l++) {
            double[] norm = new double[w[l] * w[l + 1]];
            for (int j = 0; j < w[l + 1]; j++) {
                for (int i = 0; i < w[l]; i++) {
                    for (int t = 0; t < 50; t++) {
                        kan.edge(l, j, i, nodes[l][t * w[l] + i], out);
                        norm[j * w[l] + i] += Math.abs(out[0]) / 50;
                    }
                }
            }
            double total = 0;
            for (double a : norm) {
                total += a;
            }
            double entropy = 0;
            for (double a : norm) {
                entropy -= a / total * Math.log(a / total);
            }
            expected += 0.7 * total + 1.3 * entropy;
        }
        assertEquals(0.01 * expected, new SparsityRegularizer(0.01, 0.7, 1.3).value(kan, pts), 1e-14);
    }

    @Test
    void gradientMatchesFiniteDifferencesForAKan() {
        Kan kan = PrunerTest.randomKan(new int[] {2, 3, 2, 1}, 3);
        double[] pts = PrunerTest.points(40, 2, 4);
        SparsityRegularizer reg = new SparsityRegularizer(0.1, 1, 2);
        double[] grad = new double[kan.parameterCount()];
        double value = reg.valueAndGradient(kan, pts, grad);
        assertEquals(reg.value(kan, pts), value, 1e-14);
        double[] p = kan.parameters();
        for (int k = 0; k < p.length; k++) {
            int index = k;
            DerivativeChecks.assertClose(difference(p, k, () -> reg.value(kan, pts)), grad[k], 1e-6, "dR/dtheta" + index);
        }
        // the KAN's layout is the layout of the equivalent SymbolicKan
        double[] viaSymbolic = new double[kan.parameterCount()];
        reg.valueAndGradient(SymbolicKan.of(kan), pts, viaSymbolic);
        assertArrayEquals(grad, viaSymbolic, 0.0);
    }

    @Test
    void gradientMatchesFiniteDifferencesWithSymbolicAndZeroEdges() {
        SymbolicKan net = SymbolicKan.of(PrunerTest.randomKan(new int[] {2, 2, 1}, 5))
                .withSymbolic(0, 0, 1, SymbolicFunction.SIN, 1.5, 0.2, 0.8, 0.1)
                .withSymbolic(1, 0, 0, SymbolicFunction.TANH, 0.7, -0.1, 1.2, 0.3)
                .withZero(0, 1, 0);
        double[] pts = PrunerTest.points(30, 2, 6);
        SparsityRegularizer reg = new SparsityRegularizer(0.05);
        double[] grad = new double[net.parameterCount()];
        reg.valueAndGradient(net, pts, grad);
        double[] p = net.parameters();
        for (int k = 0; k < p.length; k++) {
            int index = k;
            DerivativeChecks.assertClose(difference(p, k, () -> reg.value(net, pts)), grad[k], 1e-6, "dR/dtheta" + index);
        }
        assertThrows(IllegalArgumentException.class, () -> reg.valueAndGradient(net, pts, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> new SparsityRegularizer(-1));
    }
}
