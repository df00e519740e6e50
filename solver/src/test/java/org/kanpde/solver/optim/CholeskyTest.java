package org.kanpde.solver.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.parallel.ParallelRunner;

class CholeskyTest {

    private static double[] spd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] b = r.doubles((long) n * n, -1, 1).toArray();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = i == j ? 1e-2 : 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s;
                a[j * n + i] = s;
            }
        }
        return a;
    }

    @Test
    void blockedParallelFactorSolvesAndDoesNotDependOnThreads() {
        int n = 203;
        double[] a = spd(n, 1);
        double[] x = new SplittableRandom(2).doubles(n, -1, 1).toArray();
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i * n + j] * x[j];
            }
        }
        double[] reference = null;
        for (int threads : new int[] {1, 2, 3}) {
            double[] f = a.clone();
            try (ParallelRunner runner = new ParallelRunner(threads)) {
                assertTrue(Cholesky.factorize(f, n, runner));
            }
            if (reference == null) {
                reference = f;
                double[] sol = b.clone();
                Cholesky.solve(f, n, sol);
                assertArrayEquals(x, sol, 1e-8);
                double[] plain = a.clone();
                assertTrue(Cholesky.factorize(plain, n));
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        org.junit.jupiter.api.Assertions.assertEquals(plain[i * n + j], f[i * n + j], 1e-9 * (1 + Math.abs(plain[i * n + j])));
                    }
                }
            } else {
                assertArrayEquals(reference, f, 0.0);
            }
        }
    }

    @Test
    void indefiniteMatricesAreReported() {
        int n = 120;
        double[] a = spd(n, 3);
        a[100 * n + 100] = -5;
        try (ParallelRunner runner = new ParallelRunner(2)) {
            assertFalse(Cholesky.factorize(a.clone(), n, runner));
        }
        assertFalse(Cholesky.factorize(a.clone(), n));
    }
}
