package org.kanpde.net.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;

class GridRefitTest {

    private static Kan trainedLooking(int[] widths, int g, int k, long seed) {
        Kan kan = Kan.builder().widths(widths).gridSize(g).degree(k).inputRange(-1, 1).noise(0.3).seed(seed).build();
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = kan.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.2 * r.nextGaussian();
        }
        return kan;
    }

    private static double maxDifference(Kan a, Kan b, double[] points, int component) {
        Evaluator ea = a.evaluator(Derivatives.HESSIAN_DIAGONAL);
        Evaluator eb = b.evaluator(Derivatives.HESSIAN_DIAGONAL);
        int d = a.inputDimension();
        double max = 0;
        for (int t = 0; t < points.length / d; t++) {
            double va = component == 0 ? ea.forward(points, t * d).value() : ea.forward(points, t * d).laplacian();
            double vb = component == 0 ? eb.forward(points, t * d).value() : eb.forward(points, t * d).laplacian();
            max = Math.max(max, Math.abs(va - vb));
        }
        return max;
    }

    private static double[] points(int n, int d, double spread, long seed) {
        return new SplittableRandom(seed).doubles((long) n * d, -spread, spread).toArray();
    }

    @Test
    void doublingTheGridReproducesTheNetworkToRoundOff() {
        Kan kan = trainedLooking(new int[] {2, 5, 1}, 5, 3, 1);
        Kan fine = kan.extendGrid(10);
        Kan finer = fine.extendGrid(20, 40);
        assertArrayEquals(new int[] {10, 10}, fine.gridSizes());
        assertArrayEquals(new int[] {20, 40}, finer.gridSizes());
        double[] z = points(500, 2, 1.0, 2);
        // hidden values leave the [-1, 1] grid range, so this also covers the extrapolated pieces
        assertTrue(maxDifference(kan, fine, z, 0) < 1e-12, "value changed by " + maxDifference(kan, fine, z, 0));
        assertTrue(maxDifference(kan, finer, z, 0) < 1e-11, "value changed by " + maxDifference(kan, finer, z, 0));
        assertTrue(maxDifference(kan, finer, z, 1) < 1e-8, "Laplacian changed by " + maxDifference(kan, finer, z, 1));
        assertEquals(2 * 5 * 23 + 5 * 43 + 2 * 15, finer.parameterCount());
    }

    @Test
    void nonNestedExtensionIsALeastSquaresFitOfSmallError() {
        Kan kan = trainedLooking(new int[] {2, 3, 1}, 5, 3, 3);
        double[] z = points(500, 2, 1.0, 4);
        // hidden values leave [-1, 1]: the sample-aware extension widens those ranges
        Kan other = kan.extendGrid(new int[] {7}, z);
        double diff = maxDifference(kan, other, z, 0);
        double size = 0;
        for (int t = 0; t < 500; t++) {
            size = Math.max(size, Math.abs(kan.evaluator(Derivatives.VALUE).forward(z, 2 * t).value()));
        }
        assertTrue(diff > 1e-12, "G=5 splines are not in the G=7 space, some error is expected");
        assertTrue(diff < 0.1 * size, "fit error " + diff + " for values up to " + size);
        // and refining further converges
        Kan fine = kan.extendGrid(new int[] {35}, z);
        assertTrue(maxDifference(kan, fine, z, 0) < diff / 10, "finer fit error " + maxDifference(kan, fine, z, 0));
    }

    @Test
    void sampleAwareExtensionIsExactWhenValuesStayInRange() {
        Kan kan = trainedLooking(new int[] {2, 3, 1}, 5, 3, 3);
        double[] z = points(200, 2, 1.0, 4);
        Kan widened = kan.extendGrid(new int[] {10}, z);
        double[][] nodes = kan.nodeValues(z);
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < 200; t++) {
            hi = Math.max(hi, nodes[1][3 * t]);
        }
        assertEquals(Math.max(1.0, hi), widened.layer(1).basis(0).upper(), 1e-15);
        assertEquals(-1.0, widened.layer(0).basis(0).lower());
        assertEquals(1.0, widened.layer(0).basis(0).upper());
        Kan plain = Kan.builder().widths(2, 1).gridSize(5).degree(3).inputRange(-1, 1).noise(0.5).seed(9).build();
        assertTrue(maxDifference(plain, plain.extendGrid(new int[] {10}, z), z, 0) < 1e-13);
    }

    @Test
    void extensionKeepsTheScalesAndTheInitialState() {
        Kan kan = trainedLooking(new int[] {3, 2, 1}, 4, 2, 5);
        Kan fine = kan.extendGrid(8);
        for (int l = 0; l < kan.layerCount(); l++) {
            for (int j = 0; j < kan.layer(l).outputs(); j++) {
                for (int i = 0; i < kan.layer(l).inputs(); i++) {
                    assertEquals(kan.parameters()[kan.layer(l).baseScaleIndex(j, i)],
                            fine.parameters()[fine.layer(l).baseScaleIndex(j, i)]);
                    assertEquals(kan.parameters()[kan.layer(l).splineScaleIndex(j, i)],
                            fine.parameters()[fine.layer(l).splineScaleIndex(j, i)]);
                }
            }
        }
        assertEquals(-1.0, fine.layer(0).basis(0).lower());
        assertEquals(1.0, fine.layer(0).basis(0).upper());
    }

    @Test
    void gridUpdateFollowsTheDataAndKeepsTheFunction() {
        Kan kan = trainedLooking(new int[] {1, 3, 1}, 10, 3, 7);
        double[] samples = new double[2000];
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.5 * Math.pow(r.nextDouble(), 2) - 0.2; // skewed towards -0.2, range [-0.2, 0.3]
        }
        boolean[] first = {true, false};
        Kan updated = kan.updateGrid(samples, 0.02, first);
        double[] grid = updated.layer(0).bspline(0).grid();
        assertEquals(-0.2, grid[0], 1e-3);
        assertEquals(0.3, grid[grid.length - 1], 1e-3);
        assertTrue(grid[5] - grid[0] < grid[10] - grid[5], "knots concentrate where the data is: " + Arrays.toString(grid));
        assertArrayEquals(kan.layer(1).bspline(0).knots(), updated.layer(1).bspline(0).knots());
        double diff = maxDifference(kan, updated, samples, 0);
        assertTrue(diff < 1e-2, "grid update changed the function on the data by " + diff);
    }

    @Test
    void gridUpdateRejectsBadInput() {
        Kan kan = trainedLooking(new int[] {2, 2, 1}, 5, 3, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kan.updateGrid(new double[] {0.1, 0.2, 0.3}, 0.02, new boolean[] {true, true}));
        assertTrue(e.getMessage().contains("length 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kan.updateGrid(new double[] {0.1, Double.NaN}, 0.02, new boolean[] {true, true}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kan.updateGrid(new double[] {0.1, 0.2}, 0.0, new boolean[] {true, true}));
        assertTrue(e.getMessage().contains("got 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kan.extendGrid(5, 10, 20));
        assertTrue(e.getMessage().contains("[5, 10, 20]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> kan.extendGrid(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void aTinyUniformFractionOnRepeatedSamplesNamesTheNode() {
        Kan kan = trainedLooking(new int[] {2, 2, 1}, 5, 3, 11);
        double[] samples = new double[200];
        for (int t = 0; t < 100; t++) {
            samples[2 * t] = t < 90 ? -0.5 : 0.5; // quantile knots of coordinate 0 coincide at -0.5
            samples[2 * t + 1] = -1 + 2.0 * t / 99;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kan.updateGrid(samples, 1e-17, new boolean[] {true, false}));
        assertTrue(e.getMessage().startsWith("grid update of layer 0 node 0 (uniform fraction 1.0E-17): grid must be strictly increasing"),
                e.getMessage());
        // a fraction that separates the knots works
        assertTrue(kan.updateGrid(samples, 0.02, new boolean[] {true, false}).layer(0).bspline(0).grid()[1] > -0.5);
    }

    @Test
    void constantNodesKeepTheirGrid() {
        Kan kan = trainedLooking(new int[] {2, 2, 1}, 5, 3, 10);
        double[] samples = new double[200];
        for (int t = 0; t < 100; t++) {
            samples[2 * t] = 0.25; // coordinate 0 never varies
            samples[2 * t + 1] = -1 + 2.0 * t / 99;
        }
        Kan updated = kan.updateGrid(samples, 0.5, new boolean[] {true, false});
        assertArrayEquals(kan.layer(0).bspline(0).knots(), updated.layer(0).bspline(0).knots());
        assertNotEquals(kan.layer(0).basis(1), updated.layer(0).basis(1));
    }
}
