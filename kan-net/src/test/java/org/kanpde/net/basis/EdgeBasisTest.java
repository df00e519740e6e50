package org.kanpde.net.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The edge bases on their own: closed forms, derivatives against finite differences, layout, errors. */
class EdgeBasisTest {

    static Stream<EdgeBasis> smoothBases() {
        return Stream.of(
                ChebyshevBasis.of(-1, 1, 1),
                ChebyshevBasis.of(-2, 3, 7),
                ChebyshevBasis.of(-1, 1, 20),
                RbfBasis.uniform(-1, 2, 2),
                RbfBasis.uniform(-1, 2, 9),
                RbfBasis.uniform(-1, 1, 30),
                RbfBasis.uniform(0, 1, 12, 1.5),
                FourierBasis.of(-1, 1, 1),
                FourierBasis.of(-0.5, 2, 6),
                FourierBasis.of(-1, 1, 4, 3.0));
    }

    static Stream<EdgeBasis> allBases() {
        return Stream.concat(smoothBases(), Stream.of(BSplineBasis.uniform(-1, 1, 5, 3),
                BSplineBasis.onGrid(new double[] {-1, -0.6, 0.1, 0.2, 1}, 5)));
    }

    /** Evaluates all size() functions at x (zero outside the active window). */
    private static double[][] full(EdgeBasis b, double x) {
        int a = b.activeCount();
        double[] out = new double[4 * a];
        int first = b.evaluate(x, 3, out, 0);
        double[][] f = new double[4][b.size()];
        for (int d = 0; d < 4; d++) {
            for (int m = 0; m < a; m++) {
                f[d][first + m] = out[d * a + m];
            }
        }
        return f;
    }

    @ParameterizedTest
    @MethodSource("smoothBases")
    void derivativesMatchFiniteDifferences(EdgeBasis b) {
        SplittableRandom r = new SplittableRandom(1);
        double span = b.upper() - b.lower();
        for (int t = 0; t < 40; t++) {
            // a fifth of the points beyond the range on either side
            double x = b.lower() + span * r.nextDouble(-0.1, 1.1);
            double h = 1e-4 * span;
            double[][] f = full(b, x);
            double[][][] q = new double[4][][];
            int s = 0;
            for (double off : new double[] {-2, -1, 1, 2}) {
                q[s++] = full(b, x + off * h);
            }
            for (int d = 1; d <= 3; d++) {
                for (int m = 0; m < b.size(); m++) {
                    double fd = (q[0][d - 1][m] - 8 * q[1][d - 1][m] + 8 * q[2][d - 1][m] - q[3][d - 1][m]) / (12 * h);
                    double scale = 1;
                    for (int mm = 0; mm < b.size(); mm++) {
                        scale = Math.max(scale, Math.abs(f[d][mm]));
                    }
                    assertEquals(fd, f[d][m], 1e-6 * scale, b + ": derivative " + d + " of B_" + m + " at " + x);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("allBases")
    void evaluateWritesOnlyItsWindowAndLowerOrdersAgree(EdgeBasis b) {
        int a = b.activeCount();
        assertTrue(a >= 1 && a <= b.size());
        SplittableRandom r = new SplittableRandom(2);
        for (int t = 0; t < 30; t++) {
            double x = b.lower() + (b.upper() - b.lower()) * r.nextDouble(-0.5, 1.5);
            double[] all = new double[3 + 4 * a + 5];
            Arrays.fill(all, Double.NaN);
            int first = b.evaluate(x, 3, all, 3);
            assertTrue(first >= 0 && first + a <= b.size(), "window " + first + " + " + a + " in " + b.size());
            for (int i = 0; i < all.length; i++) {
                boolean inside = i >= 3 && i < 3 + 4 * a;
                assertEquals(inside, !Double.isNaN(all[i]), "entry " + i + " of " + b);
            }
            for (int d = 0; d < 3; d++) {
                double[] low = new double[(d + 1) * a];
                assertEquals(first, b.evaluate(x, d, low, 0));
                for (int i = 0; i < low.length; i++) {
                    assertEquals(all[3 + i], low[i], 0.0, "max derivative " + d + ", entry " + i);
                }
            }
        }
    }

    @Test
    void chebyshevIsCosineOfMultipleAngles() {
        ChebyshevBasis b = ChebyshevBasis.of(-3, 1, 12);
        for (int k = 0; k <= 50; k++) {
            double t = Math.PI * (k + 0.37) / 51;
            double x = -1 + 2 * Math.cos(t);  // the affine map sends x to cos t
            double[][] f = full(b, x);
            for (int n = 0; n <= 12; n++) {
                assertEquals(Math.cos(n * t), f[0][n], 1e-13, "T_" + n + "(cos " + t + ")");
                // T_n'(cos t) = n sin(n t) / sin(t), times the map's slope 2 / 4
                assertEquals(0.5 * n * Math.sin(n * t) / Math.sin(t), f[1][n], 1e-11 * (1 + n * n), "T_" + n + "'");
            }
        }
        // outside the range: the polynomial itself, T_2(t) = 2t^2 - 1 and T_3(t) = 4t^3 - 3t at t = 1.5
        double[][] f = full(b, 2);
        assertEquals(3.5, f[0][2], 1e-14);
        assertEquals(9.0, f[0][3], 1e-14);
        assertEquals(0.5 * 0.5 * 24 * 1.5, f[2][3], 1e-13);
        assertEquals(0.125 * 24, f[3][3], 1e-13);
    }

    @Test
    void chebyshevPolynomialsAreOrthogonalUnderGaussChebyshevQuadrature() {
        int n = 15;
        int nodes = 16;
        ChebyshevBasis b = ChebyshevBasis.of(2, 5, n);
        double[][] gram = new double[n + 1][n + 1];
        for (int k = 1; k <= nodes; k++) {
            double t = Math.cos((2 * k - 1) * Math.PI / (2 * nodes));
            double[][] f = full(b, 3.5 + 1.5 * t);
            for (int i = 0; i <= n; i++) {
                for (int j = 0; j <= n; j++) {
                    gram[i][j] += f[0][i] * f[0][j];
                }
            }
        }
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double expected = i != j ? 0 : i == 0 ? nodes : nodes / 2.0;
                assertEquals(expected, gram[i][j], 1e-12, "sum T_" + i + " T_" + j);
            }
        }
    }

    @Test
    void rbfAreGaussiansOfTheSpacingWithANearPartitionOfUnity() {
        RbfBasis b = RbfBasis.uniform(-1, 2, 31);
        double h = 0.1;
        assertEquals(h, b.width(), 1e-15);
        assertEquals(14, b.activeCount());
        assertEquals(2, b.extension());
        assertEquals(31, b.gridSize());
        assertEquals(35, b.size());
        double[] c = b.centres();
        assertEquals(-1.2, c[0], 1e-15);
        assertEquals(-1.0, c[2]);
        assertEquals(2.0, c[32]);
        assertEquals(2.2, c[34], 1e-15);
        assertEquals(-1.0, b.lower());
        assertEquals(2.0, b.upper());
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 200; t++) {
            double x = r.nextDouble(-1.5, 2.5);
            double[][] f = full(b, x);
            double sum = 0;
            for (int m = 0; m < b.size(); m++) {
                double u = (x - c[m]) / h;
                // the truncated window equals the full sum: omitted functions are below e^-49
                double g = Math.exp(-u * u);
                assertEquals(g, f[0][m], 1e-13 * g + 1e-20, "B_" + m + " at " + x);
                assertEquals(-2 * u * g / h, f[1][m], 1e-12, "B_" + m + "' at " + x);
                sum += f[0][m];
            }
            if (x > -0.5 && x < 1.5) {
                // more than 5 widths from both ends: sum_k exp(-(u-k)^2) = sqrt(pi) (1 + 2 e^-pi^2 cos 2 pi u ...)
                assertEquals(1.0, sum / Math.sqrt(Math.PI), 1.1e-4, "partition at " + x);
            }
        }
        double[][] atCentre = full(b, c[12]);
        assertEquals(1.0, atCentre[0][12], 1e-15);
        assertEquals(Math.exp(-1), atCentre[0][11], 1e-14);
        assertEquals(Math.exp(-1), atCentre[0][13], 1e-14);
        assertEquals(0.0, atCentre[1][12], 1e-12);
        assertEquals(-2 / (h * h), atCentre[2][12], 1e-9);
        // a width of 1.5 spacings widens the window and the extension, and survives a change of size
        RbfBasis wide = RbfBasis.uniform(0, 1, 21, 1.5);
        assertEquals(0.075, wide.width(), 1e-15);
        assertEquals(4, wide.extension());
        assertEquals(22, wide.activeCount());
        assertEquals(1.5, wide.withSize(11).widthFactor(), 1e-12);
        assertEquals(1.0, b.withRange(0, 1, 7).widthFactor(), 1e-12);
        assertEquals(2, b.withRange(0, 1, 7).extension());
    }

    @Test
    void fourierFeaturesAreSinesAndCosinesOfTheCentredAngle() {
        FourierBasis b = FourierBasis.of(-1, 3, 8);
        double omega = Math.PI / 4;
        assertEquals(omega, b.omega(), 1e-16);
        assertEquals(17, b.size());
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < 100; t++) {
            double x = r.nextDouble(-3, 5);
            double theta = omega * (x - 1);
            double[][] f = full(b, x);
            assertEquals(1.0, f[0][0]);
            assertEquals(0.0, f[1][0]);
            for (int m = 1; m <= 8; m++) {
                double k = m * omega;
                assertEquals(Math.cos(m * theta), f[0][2 * m - 1], 1e-13);
                assertEquals(Math.sin(m * theta), f[0][2 * m], 1e-13);
                assertEquals(-k * Math.sin(m * theta), f[1][2 * m - 1], 1e-13);
                assertEquals(-k * k * Math.sin(m * theta), f[2][2 * m], 1e-12);
                assertEquals(-k * k * k * Math.cos(m * theta), f[3][2 * m], 1e-11);
            }
            // periodic beyond the range, period 2 pi / omega = twice the range
            double[][] g = full(b, x + 8);
            for (int m = 0; m < 17; m++) {
                assertEquals(f[0][m], g[0][m], 1e-12);
            }
        }
        // a new range keeps the ratio of period to range
        assertEquals(Math.PI / 2, b.withRange(0, 2, 8).omega(), 1e-15);
        assertEquals(omega, b.withSize(3).omega());
    }

    @Test
    void resizingAndAdaptingFollowTheContract() {
        double[] sorted = {-0.3, -0.1, 0.0, 0.2, 0.7};
        double[] constant = {0.4, 0.4, 0.4};
        for (EdgeBasis b : allBases().toArray(EdgeBasis[]::new)) {
            assertSame(b, b.withSize(b.gridSize()), b.describe());
            EdgeBasis bigger = b.withSize(b.gridSize() + 3);
            assertEquals(b.type(), bigger.type());
            assertEquals(b.gridSize() + 3, bigger.gridSize());
            assertEquals(b.type().size(b.gridSize() + 3, b.degree()) - b.type().size(b.gridSize(), b.degree()),
                    bigger.size() - b.size(), b.describe());
            assertEquals(b.lower(), bigger.lower(), 1e-15);
            assertEquals(b.upper(), bigger.upper(), 1e-15);
            EdgeBasis moved = b.adaptedTo(sorted, 0.1);
            assertEquals(-0.3, moved.lower(), 1e-15, b.describe());
            assertEquals(0.7, moved.upper(), 1e-15, b.describe());
            assertEquals(b.size(), moved.size());
            assertSame(b, b.adaptedTo(constant, 0.1));
            double[] breaks = b.fitBreakpoints();
            assertEquals(b.lower(), breaks[0]);
            assertEquals(b.upper(), breaks[breaks.length - 1]);
            assertTrue(b.fitPointsPerPiece() >= 1);
            assertTrue(b.noiseScale() > 0 && b.noiseScale() <= 1);
            assertTrue(b.describe().startsWith(b.type().id()), b.describe());
        }
    }

    @Test
    void basisTypesParseAndCreate() {
        assertSame(BasisType.CHEBYSHEV, BasisType.parse("Chebyshev"));
        assertSame(BasisType.RBF, BasisType.parse(" rbf "));
        assertEquals("fourier", BasisType.FOURIER.id());
        assertEquals(13, BasisType.BSPLINE.create(-1, 1, 10, 3).size());
        assertEquals(11, BasisType.CHEBYSHEV.create(-1, 1, 10, 3).size());
        assertEquals(18, BasisType.RBF.create(-1, 1, 10, 3).size());
        assertEquals(21, BasisType.FOURIER.create(-1, 1, 10, 3).size());
    }

    @Test
    void invalidSettingsAreRejectedWithTheValue() {
        assertMessage(() -> BasisType.parse("wavelet"), "'wavelet'");
        assertMessage(() -> ChebyshevBasis.of(-1, 1, 0), "Chebyshev degree n must be >= 1, got 0");
        assertMessage(() -> ChebyshevBasis.of(1, -1, 3), "[1.0, -1.0]");
        assertMessage(() -> RbfBasis.uniform(-1, 1, 1), "at least 2 centres, got 1");
        assertMessage(() -> RbfBasis.uniform(0, Double.POSITIVE_INFINITY, 4), "Infinity");
        assertMessage(() -> RbfBasis.uniform(0, 1, 4, -2), "width factor must be finite and in (0, 100], got -2.0");
        assertMessage(() -> RbfBasis.of(new double[] {0, 0.5, 1.2}, 0, 0.5), "uniformly spaced");
        assertMessage(() -> RbfBasis.of(new double[] {0, 0.5, 0.5}, 0, 0.5), "strictly increasing");
        assertMessage(() -> RbfBasis.of(new double[] {0, 1}, 0, 0), "width must be finite and > 0, got 0.0");
        assertMessage(() -> RbfBasis.of(new double[] {0, 1, 2, 3}, 2, 1), "got 4 centres with 2 beyond each end");
        assertMessage(() -> FourierBasis.of(-1, 1, 0), "at least 1 frequency, got 0");
        assertMessage(() -> FourierBasis.of(2, 2, 3), "[2.0, 2.0]");
        assertMessage(() -> FourierBasis.of(-1, 1, 3, Double.NaN), "omega must be finite and > 0, got NaN");
        assertMessage(() -> BasisType.RBF.create(-1, 1, 1, 3), "got 1");
        // sizes that would overflow int
        int max = Integer.MAX_VALUE;
        assertMessage(() -> ChebyshevBasis.of(-1, 1, max), "Chebyshev degree n = 2147483647 gives 2147483648 functions");
        assertMessage(() -> FourierBasis.of(-1, 1, max), "Fourier frequency count n = 2147483647 gives 4294967295 functions");
        assertMessage(() -> FourierBasis.of(-1, 1, max / 2 + 1, 1.0), "gives 2147483649 functions");
        assertMessage(() -> RbfBasis.uniform(-1, 1, max), "RBF centre count n = 2147483647 gives 2147483651 functions");
        assertMessage(() -> BasisType.BSPLINE.size(max, 3), "bspline grid size 2147483647 with degree k = 3 gives 2147483650");
        assertMessage(() -> BasisType.BSPLINE.size(10, 26), "spline degree k must be <= 25, got 26");
        assertMessage(() -> BasisType.FOURIER.size(max / 2, 0), "fourier grid size 1073741823 gives 2147483647");
    }

    @Test
    void basisTypesCountCoefficientsAndTablesWithoutBuilding() {
        for (BasisType t : BasisType.values()) {
            EdgeBasis b = t.create(-1, 1, 10, 3);
            assertEquals(b.size(), t.size(10, 3), t.id());
        }
        assertEquals(10L * 4 * 16, BasisType.BSPLINE.tableSize(10, 3));
        assertEquals(0L, BasisType.CHEBYSHEV.tableSize(10, 3));
        assertEquals(0L, BasisType.FOURIER.tableSize(10, 3));
        assertEquals(18L, BasisType.RBF.tableSize(10, 3));
        assertEquals(4L * Integer.MAX_VALUE * 16, BasisType.BSPLINE.tableSize(Integer.MAX_VALUE, 3));
    }

    static void assertMessage(Runnable action, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }
}
