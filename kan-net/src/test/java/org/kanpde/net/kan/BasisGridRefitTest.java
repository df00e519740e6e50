package org.kanpde.net.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.RbfBasis;

/**
 * Grid extension (a change of basis size) and grid update for every edge basis, per-layer grid sizes,
 * orders and caps, and the builder's basis selection.
 *
 * <p>Tolerances: where the new basis contains the old functions (Chebyshev to a higher degree,
 * Fourier to more frequencies on the same range, Chebyshev on a wider range, B-splines G to 2G) the
 * network must be unchanged to round-off, 1e-11 of its size. Where it does not (Gaussian RBFs of a
 * new spacing, Fourier on a new range) the change must stay within the fit error of the new basis,
 * relative to the network's size: below 2e-3 for 6 -&gt; 12 RBF centres, falling with more centres to
 * below 3e-4 at 48 (Gaussians of width h saturate near 1e-4), and below 1e-3 for Fourier features on
 * a wider range, falling with more frequencies.
 */
class BasisGridRefitTest {

    private static Kan trainedLooking(int[] widths, BasisType type, int size, long seed) {
        Kan kan = Kan.builder().widths(widths).basis(type).gridSize(size).inputRange(-1, 1).noise(0.3).seed(seed).build();
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = kan.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.1 * r.nextGaussian();
        }
        return kan;
    }

    private static double[] points(int n, int d, double spread, long seed) {
        return new SplittableRandom(seed).doubles((long) n * d, -spread, spread).toArray();
    }

    /** Largest |a - b| over the points, relative to the largest |a|; component 1 compares Laplacians. */
    private static double relativeDifference(Kan a, Kan b, double[] z, int component) {
        Evaluator ea = a.evaluator(Derivatives.HESSIAN_DIAGONAL);
        Evaluator eb = b.evaluator(Derivatives.HESSIAN_DIAGONAL);
        int d = a.inputDimension();
        double diff = 0;
        double size = 0;
        for (int t = 0; t < z.length / d; t++) {
            double va = component == 0 ? ea.forward(z, t * d).value() : ea.forward(z, t * d).laplacian();
            double vb = component == 0 ? eb.forward(z, t * d).value() : eb.forward(z, t * d).laplacian();
            diff = Math.max(diff, Math.abs(va - vb));
            size = Math.max(size, Math.abs(va));
        }
        return diff / size;
    }

    @Test
    void nestedExtensionsKeepTheNetworkToRoundOff() {
        double[] z = points(400, 2, 1.0, 2);
        for (BasisType type : new BasisType[] {BasisType.CHEBYSHEV, BasisType.FOURIER}) {
            Kan kan = trainedLooking(new int[] {2, 4, 1}, type, 4, 1);
            // hidden values leave [-1, 1], so this also covers the continuation beyond the range
            Kan fine = kan.extendGrid(8);
            Kan finer = fine.extendGrid(11, 13);
            assertArrayEquals(new int[] {11, 13}, finer.gridSizes());
            assertTrue(relativeDifference(kan, fine, z, 0) < 1e-11, type + ": " + relativeDifference(kan, fine, z, 0));
            assertTrue(relativeDifference(kan, finer, z, 0) < 1e-11, type + ": " + relativeDifference(kan, finer, z, 0));
            assertTrue(relativeDifference(kan, finer, z, 1) < 1e-9, type + " Laplacian: " + relativeDifference(kan, finer, z, 1));
        }
    }

    @Test
    void chebyshevEdgesSurviveAWiderRangeExactly() {
        Kan kan = trainedLooking(new int[] {2, 3, 1}, BasisType.CHEBYSHEV, 6, 3);
        double[] z = points(300, 2, 1.0, 4);
        Kan widened = kan.extendGrid(new int[] {6}, z);
        double[][] nodes = kan.nodeValues(z);
        double lo = Arrays.stream(nodes[1]).min().getAsDouble();
        double hi = Arrays.stream(nodes[1]).max().getAsDouble();
        assertTrue(lo < -1 || hi > 1, "the test needs hidden values beyond [-1, 1]");
        double wlo = 0;
        double whi = 0;
        for (int i = 0; i < 3; i++) {
            wlo = Math.min(wlo, widened.layer(1).basis(i).lower());
            whi = Math.max(whi, widened.layer(1).basis(i).upper());
        }
        assertEquals(Math.min(-1, lo), wlo, 1e-15);
        assertEquals(Math.max(1, hi), whi, 1e-15);
        assertTrue(relativeDifference(kan, widened, z, 0) < 1e-11, "" + relativeDifference(kan, widened, z, 0));
    }

    @Test
    void rbfExtensionStaysWithinTheFitError() {
        Kan kan = trainedLooking(new int[] {2, 3, 1}, BasisType.RBF, 6, 5);
        double[] z = points(400, 2, 1.0, 6);
        double coarse = relativeDifference(kan, kan.extendGrid(new int[] {12}, z), z, 0);
        double fine = relativeDifference(kan, kan.extendGrid(new int[] {48}, z), z, 0);
        assertTrue(coarse > 1e-8, "RBFs of another spacing do not contain the old ones: " + coarse);
        assertTrue(coarse < 2e-3, "fit error " + coarse);
        assertTrue(fine < coarse && fine < 3e-4, "finer RBFs fit better: " + fine + " vs " + coarse);
        // the width stays tied to the new spacing (1.5 spacings by default)
        RbfBasis b = (RbfBasis) kan.extendGrid(12).layer(0).basis(0);
        assertEquals(1.5 * 2.0 / 11, b.width(), 1e-15);
    }

    @Test
    void fourierOnANewRangeStaysWithinTheFitError() {
        Kan kan = trainedLooking(new int[] {2, 3, 1}, BasisType.FOURIER, 3, 7);
        double[] z = points(400, 2, 1.0, 8);
        double moved = relativeDifference(kan, kan.extendGrid(new int[] {6}, z), z, 0);
        double finer = relativeDifference(kan, kan.extendGrid(new int[] {10}, z), z, 0);
        assertTrue(moved < 1e-3, "fit error " + moved);
        assertTrue(finer < moved, "more frequencies fit better: " + finer + " vs " + moved);
    }

    @Test
    void gridUpdateMovesRangesToTheDataForEveryBasis() {
        double[] samples = new double[2000];
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.5 * Math.pow(r.nextDouble(), 2) - 0.2;  // range [-0.2, 0.3]
        }
        for (BasisType type : BasisType.values()) {
            Kan kan = trainedLooking(new int[] {1, 3, 1}, type, 8, 9);
            Kan updated = kan.updateGrid(samples, 0.02, new boolean[] {true, false});
            assertEquals(-0.2, updated.layer(0).basis(0).lower(), 1e-3, type.id());
            assertEquals(0.3, updated.layer(0).basis(0).upper(), 1e-3, type.id());
            assertSame(kan.layer(1).basis(0), updated.layer(1).basis(0));
            double diff = relativeDifference(kan, updated, samples, 0);
            // a polynomial keeps its form on a narrower range; the others are refitted on the data
            double tolerance = type == BasisType.CHEBYSHEV ? 1e-10 : 1e-2;
            assertTrue(diff < tolerance, type + ": grid update changed the function on the data by " + diff);
        }
    }

    @Test
    void perLayerCapsAndOrdersSurviveEveryExtension() {
        int[][] stages = GridSchedule.capped(new int[] {5, 10, 20, 40}, new int[] {10, 40});
        assertArrayEquals(new int[][] {{5, 5}, {10, 10}, {10, 20}, {10, 40}}, stages);
        Kan kan = Kan.builder().widths(2, 4, 1).gridSize(stages[0]).degree(3, 5).inputRange(-1, 1).noise(0.3).seed(4).build();
        double[] z = points(300, 2, 1.0, 5);
        Kan current = kan;
        for (int s = 1; s < stages.length; s++) {
            Kan next = current.extendGrid(stages[s]);
            assertArrayEquals(stages[s], next.gridSizes());
            assertArrayEquals(new int[] {3, 5}, next.degrees());
            if (stages[s][0] == stages[s - 1][0]) {
                // a capped layer keeps its coefficients bit for bit
                KanLayer a = current.layer(0);
                KanLayer b = next.layer(0);
                assertArrayEquals(Arrays.copyOfRange(current.parameters(), a.offset(), a.offset() + a.parameterCount()),
                        Arrays.copyOfRange(next.parameters(), b.offset(), b.offset() + b.parameterCount()));
            }
            current = next;
        }
        // G -> 2G on uniform grids nests: the network is unchanged to round-off after all stages
        assertTrue(relativeDifference(kan, current, z, 0) < 1e-11, "" + relativeDifference(kan, current, z, 0));
        assertEquals(2 * 4 * (10 + 3 + 2) + 4 * (40 + 5 + 2), current.parameterCount());
        assertEquals("KAN [2,4,1] G=[10,40] k=[3,5]", current.describe());
    }

    @Test
    void gridScheduleRejectsBadValues() {
        KanTest.assertMessage(() -> GridSchedule.capped(new int[] {5, 0}, new int[] {3}), "got 0 in [5, 0]");
        KanTest.assertMessage(() -> GridSchedule.capped(new int[] {5}, new int[0]), "per-layer grid caps needs at least one value");
        assertArrayEquals(new int[][] {{3, 7, 7}}, GridSchedule.capped(new int[] {7}, new int[] {3, 50, 7}));
    }

    @Test
    void builderSelectsBasesPerLayer() {
        Kan cheb = Kan.builder().widths(2, 5, 1).basis(BasisType.CHEBYSHEV).gridSize(10).build();
        assertEquals(15 * (11 + 2), cheb.parameterCount());
        assertEquals("KAN [2,5,1] chebyshev n=10", cheb.describe());
        Kan mixed = Kan.builder().widths(2, 5, 1).basis(BasisType.RBF, BasisType.FOURIER).gridSize(12, 4).degree(5).build();
        assertArrayEquals(new BasisType[] {BasisType.RBF, BasisType.FOURIER}, mixed.basisTypes());
        assertEquals(10 * (12 + 8 + 2) + 5 * (9 + 2), mixed.parameterCount());
        assertEquals("KAN [2,5,1] [rbf n=12, fourier n=4]", mixed.describe());
        assertArrayEquals(new int[] {0, 0}, mixed.degrees());
        assertEquals("KAN [2,5,1] rbf n=[12,20]",
                Kan.builder().widths(2, 5, 1).basis(BasisType.RBF).gridSize(12, 20).build().describe());
        // B-splines stay the default, with the same parameters for the same seed as before bases existed
        Kan plain = Kan.builder().widths(2, 3, 1).seed(5).build();
        Kan explicit = Kan.builder().widths(2, 3, 1).basis(BasisType.BSPLINE).seed(5).build();
        assertArrayEquals(plain.parameters(), explicit.parameters());
        // random edges start at a comparable size whatever the basis
        for (BasisType type : BasisType.values()) {
            Kan k = Kan.builder().widths(1, 1).basis(type).gridSize(20).noise(0.1).baseFunction(false).seed(2).build();
            double sumSq = 0;
            double[] phi = new double[4];
            for (int t = 0; t <= 200; t++) {
                k.edge(0, 0, 0, -1 + 2.0 * t / 200, phi);
                sumSq += phi[0] * phi[0];
            }
            double rms = Math.sqrt(sumSq / 201);
            assertTrue(rms > 0.02 && rms < 0.2, type + ": initial edge RMS " + rms);
        }
    }

    @Test
    void builderRejectsInvalidBasisSettings() {
        KanTest.assertMessage(() -> Kan.builder().widths(2, 3, 1).basis(BasisType.RBF).gridSize(1).build(),
                "layer 0: an RBF basis needs at least 2 centres, got 1");
        KanTest.assertMessage(() -> Kan.builder().widths(2, 3, 1).basis(BasisType.RBF, BasisType.CHEBYSHEV, BasisType.FOURIER)
                .build(), "[RBF, CHEBYSHEV, FOURIER]");
        KanTest.assertMessage(() -> Kan.builder().basis(), "at least one type");
        KanTest.assertMessage(() -> Kan.builder().basis(BasisType.RBF, null), "type 1 is null");
        Kan rbf = Kan.builder().widths(1, 1).basis(BasisType.RBF).gridSize(4).build();
        KanTest.assertMessage(() -> rbf.extendGrid(1), "grid extension of layer 0: an RBF basis needs at least 2 centres, got 1");
    }
}
