package org.kanpde.net.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.kanpde.net.spline.DeBoor;
import org.kanpde.net.spline.Knots;
import org.kanpde.net.spline.TaylorTable;

class BSplineBasisTest {

    private static BSplineBasis irregular(int degree) {
        return BSplineBasis.onGrid(new double[] {-1.0, -0.7, -0.55, 0.1, 0.2, 0.65, 1.3}, degree);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void partitionOfUnityInsideAndOutsideTheRange(int k) {
        for (BSplineBasis b : new BSplineBasis[] {BSplineBasis.uniform(-2, 3, 7, k), irregular(k)}) {
            double[] out = new double[4 * (k + 1)];
            SplittableRandom r = new SplittableRandom(k);
            for (int t = 0; t < 200; t++) {
                double x = r.nextDouble(b.lower() - 1, b.upper() + 1);
                b.evaluate(x, 3, out, 0);
                double[] sums = new double[4];
                for (int d = 0; d <= 3; d++) {
                    for (int m = 0; m <= k; m++) {
                        sums[d] += out[d * (k + 1) + m];
                    }
                }
                assertEquals(1.0, sums[0], 1e-12, "sum of basis functions at " + x);
                for (int d = 1; d <= 3; d++) {
                    assertEquals(0.0, sums[d], 1e-9 * Math.pow(b.intervals(), d), "sum of derivatives " + d + " at " + x);
                }
                if (x >= b.lower() && x <= b.upper()) {
                    for (int m = 0; m <= k; m++) {
                        assertTrue(out[m] >= -1e-14, "basis functions are non-negative in range");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void precomputedPolynomialsMatchTheDeBoorRecursion(int k) {
        for (BSplineBasis b : new BSplineBasis[] {BSplineBasis.uniform(-1, 1, 9, k), irregular(k)}) {
            double[] fast = new double[4 * (k + 1)];
            double[] reference = new double[4 * (k + 1)];
            double[] scratch = new double[DeBoor.scratchSize(k)];
            double[] knots = b.knots();
            SplittableRandom r = new SplittableRandom(10 + k);
            for (int t = 0; t < 300; t++) {
                double x = r.nextDouble(b.lower(), b.upper());
                int first = b.evaluate(x, 3, fast, 0);
                DeBoor.derivatives(knots, k, first + k, x, 3, reference, scratch);
                for (int i = 0; i < reference.length; i++) {
                    assertEquals(reference[i], fast[i], 1e-10 * (1 + Math.abs(reference[i])), "entry " + i + " at x = " + x);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void derivativesMatchFiniteDifferences(int k) {
        BSplineBasis b = irregular(k);
        double[] out = new double[4 * (k + 1)];
        double[] plus = new double[4 * (k + 1)];
        double[] minus = new double[4 * (k + 1)];
        SplittableRandom r = new SplittableRandom(k);
        double h = 1e-6;
        for (int t = 0; t < 100; t++) {
            double x = r.nextDouble(b.lower() - 0.5, b.upper() + 0.5);
            int s = b.evaluate(x, 3, out, 0);
            if (b.evaluate(x + h, 3, plus, 0) != s || b.evaluate(x - h, 3, minus, 0) != s) {
                continue;
            }
            for (int d = 0; d < 3; d++) {
                for (int m = 0; m <= k; m++) {
                    int i = d * (k + 1) + m;
                    int next = (d + 1) * (k + 1) + m;
                    double fd = (plus[i] - minus[i]) / (2 * h);
                    assertEquals(fd, out[next], 1e-6 * (1 + Math.abs(out[next])), "derivative " + (d + 1) + " of N" + (s + m));
                }
            }
        }
    }

    @Test
    void onlyKPlusOneFunctionsAreNonZeroAndIndicesFollowTheInterval() {
        BSplineBasis b = BSplineBasis.uniform(0, 1, 4, 3);
        assertEquals(7, b.size());
        assertEquals(0, b.interval(-5));
        assertEquals(0, b.interval(0.1));
        assertEquals(1, b.interval(0.25));
        assertEquals(3, b.interval(0.99));
        assertEquals(3, b.interval(1.0));
        assertEquals(3, b.interval(17));
        BSplineBasis irregular = irregular(2);
        assertEquals(2, irregular.interval(0.0));
        assertEquals(5, irregular.interval(1.0));
        assertEquals(0, irregular.interval(-1.0));
    }

    @Test
    void splineReproducesLinearFunctionsWithGrevilleCoefficients() {
        // sum_i xi_i N_i(x) = x where xi_i = (t_{i+1} + ... + t_{i+k}) / k
        int k = 3;
        BSplineBasis b = irregular(k);
        double[] t = b.knots();
        double[] c = new double[b.size()];
        for (int i = 0; i < c.length; i++) {
            for (int j = 1; j <= k; j++) {
                c[i] += t[i + j] / k;
            }
        }
        double[] out = new double[4];
        double[] work = new double[4 * (k + 1)];
        for (double x = -1.5; x <= 2; x += 0.01) {
            b.evaluateSum(c, 0, x, 3, out, work);
            assertEquals(x, out[0], 1e-12);
            assertEquals(1, out[1], 1e-10);
            assertEquals(0, out[2], 1e-8);
        }
    }

    @Test
    void invalidArgumentsAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BSplineBasis.uniform(-1, 1, 0, 3));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSplineBasis.uniform(-1, 1, 5, 0));
        assertTrue(e.getMessage().contains("k must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSplineBasis.uniform(1, 1, 5, 3));
        assertTrue(e.getMessage().contains("[1.0, 1.0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSplineBasis.uniform(Double.NaN, 1, 5, 3));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSplineBasis.onGrid(new double[] {0, 0.5, 0.5, 1}, 3));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
    }

    @Test
    void ordersAreCappedAndTableSizesCannotOverflow() {
        // k >= 171 used to give NaN (factorials overflow), k = 3000 a negative table size
        for (int k : new int[] {Knots.MAX_DEGREE + 1, 180, 3000}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BSplineBasis.uniform(-1, 1, 4, k));
            assertEquals("spline degree k must be <= " + Knots.MAX_DEGREE + ", got " + k, e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> BSplineBasis.onGrid(new double[] {0, 1}, k));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BSplineBasis.uniform(-1, 1, Integer.MAX_VALUE, 3));
        assertEquals("grid size G = 2147483647 with degree k = 3 needs 137438953408 doubles of tables, more than one array holds ("
                + (Integer.MAX_VALUE - 8) + ")", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSplineBasis.uniform(-1, 1, 100_000_000, 25));
        assertTrue(e.getMessage().startsWith("grid size G = 100000000 with degree k = 25 needs 270400000000 doubles"), e.getMessage());
        assertEquals(20L * 4 * 16, TaylorTable.size(20, 3));
        assertEquals(4L * Integer.MAX_VALUE * 26 * 26, TaylorTable.size(Integer.MAX_VALUE, 25));
        // the highest order still evaluates accurately: partition of unity and finite derivatives
        int k = Knots.MAX_DEGREE;
        BSplineBasis b = BSplineBasis.uniform(-1, 1, 4, k);
        double[] out = new double[4 * (k + 1)];
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 200; t++) {
            double x = r.nextDouble(-1.5, 1.5);
            b.evaluate(x, 3, out, 0);
            double sum = 0;
            for (int m = 0; m <= k; m++) {
                sum += out[m];
            }
            assertEquals(1.0, sum, 1e-12, "partition of unity at x = " + x);
            for (double v : out) {
                assertTrue(Double.isFinite(v));
            }
        }
    }

    @Test
    void beyondTheRangeASplineIsItsSecondOrderTaylorPolynomialAtTheEnd() {
        int k = 5;
        BSplineBasis b = irregular(k);
        double[] c = new java.util.SplittableRandom(4).doubles(b.size(), -1, 1).toArray();
        double[] end = new double[4];
        double[] out = new double[4];
        double[] work = new double[4 * (k + 1)];
        for (double e : new double[] {b.lower(), b.upper()}) {
            b.evaluateSum(c, 0, e, 3, end, work);
            for (double t : new double[] {1e-9, 0.3, 2.0, 10.0}) {
                double x = e == b.lower() ? e - t : e + t;
                double dt = x - e;
                b.evaluateSum(c, 0, x, 3, out, work);
                assertEquals(end[0] + end[1] * dt + 0.5 * end[2] * dt * dt, out[0], 1e-12 * (1 + Math.abs(out[0])));
                assertEquals(end[1] + end[2] * dt, out[1], 1e-12 * (1 + Math.abs(out[1])));
                assertEquals(end[2], out[2], 1e-12 * (1 + Math.abs(out[2])));
                assertEquals(0.0, out[3], 0.0);
            }
        }
    }
}
