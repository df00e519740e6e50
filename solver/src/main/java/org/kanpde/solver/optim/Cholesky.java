package org.kanpde.solver.optim;

import org.kanpde.net.linalg.RowKernels;
import org.kanpde.net.parallel.ChunkTask;
import org.kanpde.net.parallel.ParallelRunner;

/**
 * In-place Cholesky factorization A = L L^T of a dense symmetric positive definite matrix stored
 * row-major in a flat array, and the triangular solves.
 *
 * <p>This is the hot path of Levenberg-Marquardt on small networks (n up to a few thousand), so it
 * is written for the JIT. The blocked factorization spends nearly all its time in the update of
 * the trailing matrix by each block column, which runs as vectorized row kernels
 * ({@link RowKernels}) on the transposed block column; the small diagonal blocks and panels are
 * row-oriented dot products with four independent accumulators.
 */
public final class Cholesky {
    /** Columns per block of the parallel factorization. */
    private static final int BLOCK = 48;

    private Cholesky() {
    }

    /**
     * Blocked right-looking factorization of the lower triangle of {@code a}, in parallel over rows.
     * Every entry is computed by one thread in a fixed order, so the factor is bit-identical for any
     * number of threads (though not to {@link #factorize(double[], int)}'s, which sums in another
     * order).
     *
     * @param a      n x n row-major (modified: its lower triangle becomes L)
     * @param n      order
     * @param runner threads
     * @return true on success, false if a pivot is not positive
     */
    public static boolean factorize(double[] a, int n, ParallelRunner runner) {
        if (runner.threads() == 1 || n < 2 * BLOCK) {
            return factorizeBlocked(a, n, null);
        }
        return factorizeBlocked(a, n, runner);
    }

    private static boolean factorizeBlocked(double[] a, int n, ParallelRunner runner) {
        int threads = runner == null ? 1 : runner.threads();
        // the block column of L transposed, panel[k - k0][j - k1] = L[j][k], and a row buffer per worker:
        // the trailing update then runs as vectorized row kernels on arrays indexed from 0
        double[][] panel = new double[BLOCK][Math.max(0, n - BLOCK)];
        double[][] rows = new double[threads][Math.max(0, n - BLOCK)];
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            // diagonal block: plain row-oriented Cholesky on columns k0..k1 (earlier columns are folded in)
            for (int i = k0; i < k1; i++) {
                int ri = i * n;
                for (int j = k0; j <= i; j++) {
                    int rj = j * n;
                    double sum = a[ri + j] - dot(a, ri + k0, rj + k0, j - k0);
                    if (i == j) {
                        if (!(sum > 0)) {
                            return false;
                        }
                        a[ri + i] = Math.sqrt(sum);
                    } else {
                        a[ri + j] = sum / a[rj + j];
                    }
                }
            }
            if (k1 == n) {
                break;
            }
            int first = k1;
            int blockStart = k0;
            int width = k1 - k0;
            ChunkTask panelSolve = (chunk, start, end, worker) -> {
                for (int i = first + start; i < first + end; i++) {
                    int ri = i * n;
                    // row i of L in this block column, by forward substitution
                    for (int j = blockStart; j < blockStart + width; j++) {
                        int rj = j * n;
                        a[ri + j] = (a[ri + j] - dot(a, ri + blockStart, rj + blockStart, j - blockStart)) / a[rj + j];
                    }
                }
            };
            ChunkTask trailing = (chunk, start, end, worker) -> {
                double[] row = rows[worker];
                for (int i = first + start; i < first + end; i++) {
                    int ri = i * n;
                    int length = i - first + 1;
                    // A[i][first..i] -= sum_k L[i][k] L[first..i][k]
                    System.arraycopy(a, ri + first, row, 0, length);
                    int k = 0;
                    for (; k + 3 < width; k += 4) {
                        int c = ri + blockStart + k;
                        RowKernels.addScaled(row, panel[k], panel[k + 1], panel[k + 2], panel[k + 3],
                                -a[c], -a[c + 1], -a[c + 2], -a[c + 3], length);
                    }
                    for (; k < width; k++) {
                        RowKernels.addScaled(row, panel[k], -a[ri + blockStart + k], length);
                    }
                    System.arraycopy(row, 0, a, ri + first, length);
                }
            };
            int count = n - first;
            if (runner == null) {
                panelSolve.run(0, 0, count, 0);
            } else {
                runner.run(count, 16, panelSolve);
            }
            for (int j = first; j < n; j++) {
                int rj = j * n + blockStart;
                for (int k = 0; k < width; k++) {
                    panel[k][j - first] = a[rj + k];
                }
            }
            if (runner == null) {
                trailing.run(0, 0, count, 0);
            } else {
                // rows near the end carry more work in the trailing update: small chunks balance it
                runner.run(count, 8, trailing);
            }
        }
        return true;
    }

    /**
     * Factorizes the lower triangle of {@code a} in place (the strict upper triangle is ignored and
     * left as is).
     *
     * @param a n x n row-major (modified: its lower triangle becomes L)
     * @param n order
     * @return true on success, false if a pivot is not positive (the matrix is not numerically
     *         positive definite); {@code a} is then partly overwritten
     */
    public static boolean factorize(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double sum = a[ri + j] - dot(a, ri, rj, j);
                if (i == j) {
                    if (!(sum > 0)) {
                        return false;
                    }
                    a[ri + i] = Math.sqrt(sum);
                } else {
                    a[ri + j] = sum / a[rj + j];
                }
            }
        }
        return true;
    }

    /** sum_{k<len} a[p+k] a[q+k] with four accumulators. */
    private static double dot(double[] a, int p, int q, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[p + k] * a[q + k];
            s1 += a[p + k + 1] * a[q + k + 1];
            s2 += a[p + k + 2] * a[q + k + 2];
            s3 += a[p + k + 3] * a[q + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[p + k] * a[q + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Solves L L^T x = b with the factor from {@link #factorize}.
     *
     * @param l factor (lower triangle used)
     * @param n order
     * @param b right-hand side, overwritten by the solution (modified)
     */
    public static void solve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[ri + k] * b[k];
            }
            b[i] = sum / l[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * b[k];
            }
            b[i] = sum / l[i * n + i];
        }
    }
}
