package org.kanpde.solver.residual;

import java.util.Arrays;

import org.kanpde.net.linalg.RowKernels;
import org.kanpde.net.parallel.ParallelRunner;

/**
 * The normal equations J^T J and J^T r of a residual vector whose Jacobian rows come one at a time
 * as sparse rows: the assembly that every least-squares system of the solver shares.
 *
 * <p>Rows are visited in a fixed order (for collocation rows, along a Morton curve of their points)
 * and split into a fixed number of partitions, each summed by one task into its own lower
 * triangle; the partitions are then added entry by entry in partition order. So the sums depend
 * on the rows alone, never on the number of threads. Within a partition, rows are added in
 * blocks: a KAN row touches k + 1 consecutive coefficients of every edge, at an offset set by the
 * grid interval its edge input falls in, so neighbouring points touch nearly the same columns. A
 * block of 32 sparse rows is packed densely onto the union of its columns (about 170 for the
 * default KAN, against 90 per row and 825 in all), its Gram matrix formed by the vectorized row
 * kernels, and added to J^T J once. Adding each row's nnz^2 / 2 products straight into J^T J was
 * 1.5 times slower (Java 17 does not vectorize scattered adds, and they miss the caches); adding
 * them tile by tile of J^T J, or run by run of consecutive columns, was slower still. Dense rows
 * (MLPs, and rows that fill a quarter of the columns) are gathered without the packing.
 *
 * <p>Memory: the partitions' matrices (fewer partitions when they would pass {@value #PARTITION_BYTES} bytes)
 * and one block of rows per thread; nothing grows with the number of rows. Not thread-safe: one
 * system drives it.
 */
public final class NormalEquations {
    /** Row partitions; fixed, so sums do not depend on the thread count. */
    private static final int PARTITIONS = 4;
    /** Most bytes the partitions other than the output may take (fewer partitions beyond it). */
    static final long PARTITION_BYTES = 1L << 28;
    /** Dense rows gathered before a block update of J^T J. */
    private static final int BLOCK_ROWS = 32;
    /** Sparse rows gathered before their Gram is formed on the union of their columns. */
    private static final int SPARSE_BLOCK = 32;
    /** Rows of J^T J per task when the partitions' sums are combined and mirrored. */
    private static final int REDUCTION_ROWS = 32;

    /** Computes one Jacobian row. */
    @FunctionalInterface
    public interface Rows {
        /**
         * Row {@code i}, on worker {@code worker}: writes its entries (distinct column indices in
         * ascending order) to {@code index} and {@code value} and returns their number; the
         * residual goes to {@code residual[0]}.
         */
        int row(int i, int worker, int[] index, double[] value, double[] residual);
    }

    private final int n;
    private final int width;
    private final int[] order;
    private final ParallelRunner runner;
    private final int partitions;
    private final Block[] blocks;
    private final double[][] partialJtj;
    private final double[][] partialJtr;
    private final double[] partitionLoss;

    /**
     * @param n      unknowns (the order of J^T J)
     * @param width  most entries of a row
     * @param order  the rows in the order they are added (a permutation of 0 .. m-1)
     * @param runner threads
     */
    public NormalEquations(int n, int width, int[] order, ParallelRunner runner) {
        this.n = n;
        this.width = Math.max(1, width);
        this.order = order.clone();
        this.runner = runner;
        long bytes = 8L * n * n;
        this.partitions = (int) Math.max(1, Math.min(Math.min(PARTITIONS, order.length), PARTITION_BYTES / Math.max(1, bytes)));
        this.blocks = new Block[runner.threads()];
        for (int w = 0; w < blocks.length; w++) {
            blocks[w] = new Block();
        }
        this.partialJtj = new double[partitions][];
        this.partialJtr = new double[partitions][n];
        this.partitionLoss = new double[partitions];
    }

    /**
     * Fills {@code residuals}, the lower and upper triangles of {@code jtj} (n x n row-major) and
     * {@code jtr} from the rows.
     *
     * @return the sum of squares of the residuals, summed per partition in row order
     */
    public double assemble(Rows rows, double[] residuals, double[] jtj, double[] jtr) {
        int m = order.length;
        partialJtj[0] = jtj;
        for (int part = 1; part < partitions; part++) {
            if (partialJtj[part] == null) {
                partialJtj[part] = new double[n * n];
            }
        }
        int per = (m + partitions - 1) / partitions;
        runner.run(partitions, 1, (part, p0, p1, worker) -> {
            Block w = blocks[worker];
            double[] a = partialJtj[part];
            double[] b = partialJtr[part];
            // only the lower triangle is accumulated, so only it is cleared
            for (int i = 0; i < n; i++) {
                Arrays.fill(a, i * n, i * n + i + 1, 0.0);
            }
            Arrays.fill(b, 0.0);
            double sum = 0;
            int end = Math.min(m, (part + 1) * per);
            for (int q = part * per; q < end; q++) {
                int i = order[q];
                int nnz = rows.row(i, worker, w.rowIndex, w.rowValue, w.residual);
                double r = w.residual[0];
                residuals[i] = r;
                sum += r * r;
                if (nnz * 4 > n) {
                    w.accumulateDense(w.rowIndex, w.rowValue, nnz, r, a, b, n);
                } else {
                    w.accumulateSparse(w.rowIndex, w.rowValue, nnz, r, a, b, n);
                }
            }
            w.flush(a, n);
            w.flushSparse(a, n);
            partitionLoss[part] = sum;
        });
        // the partitions' sums, entry by entry in partition order, rows of the lower triangle in parallel
        runner.run(n, REDUCTION_ROWS, (chunk, i0, i1, worker) -> {
            for (int i = i0; i < i1; i++) {
                int ri = i * n;
                for (int part = 1; part < partitions; part++) {
                    addRow(jtj, partialJtj[part], ri, i + 1);
                }
                double b = 0;
                for (int part = 0; part < partitions; part++) {
                    b += partialJtr[part][i];
                }
                jtr[i] = b;
            }
        });
        partialJtj[0] = null;
        mirror(jtj);
        double loss = 0;
        for (double v : partitionLoss) {
            loss += v;
        }
        return loss;
    }

    /**
     * The rows sorted along a Morton (Z-order) curve of their points, ties by index: neighbouring
     * rows then touch nearly the same KAN coefficients, so a block of them has few distinct columns.
     */
    public static int[] mortonOrder(double[] points, int d, int m) {
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < d; k++) {
                lo[k] = Math.min(lo[k], points[i * d + k]);
                hi[k] = Math.max(hi[k], points[i * d + k]);
            }
        }
        int bits = Math.max(1, 60 / d);
        long[] keyed = new long[m];
        long[] key = new long[m];
        for (int i = 0; i < m; i++) {
            long z = 0;
            for (int k = 0; k < d; k++) {
                double span = hi[k] - lo[k];
                long cell = span > 0 ? (long) ((points[i * d + k] - lo[k]) / span * ((1L << bits) - 1)) : 0;
                for (int b = 0; b < bits; b++) {
                    z |= ((cell >> b) & 1L) << (b * d + k);
                }
            }
            key[i] = z;
        }
        Integer[] idx = new Integer[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> key[x] != key[y] ? Long.compare(key[x], key[y]) : Integer.compare(x, y));
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** {@code out[o + t] += a[o + t]} for t &lt; length. */
    private static void addRow(double[] out, double[] a, int o, int length) {
        for (int t = o; t < o + length; t++) {
            out[t] += a[t];
        }
    }

    /** Copies the lower triangle of the n x n matrix {@code a} into its upper triangle, rows in parallel. */
    private void mirror(double[] a) {
        runner.run(n, REDUCTION_ROWS, (chunk, j0, j1, worker) -> {
            for (int j = j0; j < j1; j++) {
                int rj = j * n;
                for (int i = j + 1; i < n; i++) {
                    a[rj + i] = a[i * n + j];
                }
            }
        });
    }


    /** One thread's row buffer and gathered blocks. */
    private final class Block {
        private final int[] rowIndex = new int[width];
        private final double[] rowValue = new double[width];
        private final double[] residual = new double[1];

        /** Gathered dense rows, one array per row (row-major), for the block update of J^T J. */
        private double[][] block;
        /** One row of J^T J's lower triangle, indexed from 0, as the row kernels need. */
        private double[] gramRow;
        private int blockRows;

        /**
         * For dense rows (MLPs, and KANs whose rows fill a quarter of the columns): gathers rows
         * into a block and adds the block's Gram matrix at once, which reads and writes J^T J once
         * per block instead of once per row.
         */
        void accumulateDense(int[] rowIndex, double[] rowValue, int m, double r, double[] jtj, double[] jtr, int cols) {
            if (block == null) {
                block = new double[BLOCK_ROWS][cols];
                gramRow = new double[cols];
            }
            double[] row = block[blockRows];
            if (m < cols) {
                Arrays.fill(row, 0.0);
            }
            for (int s = 0; s < m; s++) {
                row[rowIndex[s]] = rowValue[s];
                jtr[rowIndex[s]] += rowValue[s] * r;
            }
            if (++blockRows == BLOCK_ROWS) {
                flush(jtj, cols);
            }
        }

        /**
         * Adds the gathered block's Gram matrix to the lower triangle of jtj: row i of J^T J gains
         * sum_t x_ti x_t[0..i], four gathered rows at a time through the vectorized row kernels.
         */
        void flush(double[] jtj, int cols) {
            if (blockRows == 0) {
                return;
            }
            int b = blockRows;
            double[][] x = block;
            for (int i = 0; i < cols; i++) {
                int ri = i * cols;
                int length = i + 1;
                System.arraycopy(jtj, ri, gramRow, 0, length);
                int t = 0;
                for (; t + 3 < b; t += 4) {
                    double w0 = x[t][i];
                    double w1 = x[t + 1][i];
                    double w2 = x[t + 2][i];
                    double w3 = x[t + 3][i];
                    if (w0 != 0 || w1 != 0 || w2 != 0 || w3 != 0) {
                        RowKernels.addScaled(gramRow, x[t], x[t + 1], x[t + 2], x[t + 3], w0, w1, w2, w3, length);
                    }
                }
                for (; t < b; t++) {
                    if (x[t][i] != 0) {
                        RowKernels.addScaled(gramRow, x[t], x[t][i], length);
                    }
                }
                System.arraycopy(gramRow, 0, jtj, ri, length);
            }
            blockRows = 0;
        }

        private int[][] sparseIndex;
        private double[][] sparseValue;
        private int[] sparseCount;
        private int sparseRows;
        private int[] stamp;
        private int stampValue;
        private int[] union;
        private int[] position;
        private double[][] compressed;
        private double[] compressedGram;

        /** Gathers sparse rows into a block whose Gram is formed on the union of its columns. */
        void accumulateSparse(int[] rowIndex, double[] rowValue, int m, double r, double[] jtj, double[] jtr, int cols) {
            if (sparseIndex == null) {
                int width = NormalEquations.this.width;
                sparseIndex = new int[SPARSE_BLOCK][width];
                sparseValue = new double[SPARSE_BLOCK][width];
                sparseCount = new int[SPARSE_BLOCK];
                stamp = new int[cols];
                union = new int[cols];
                position = new int[cols];
                compressed = new double[SPARSE_BLOCK][cols];
                compressedGram = new double[cols];
            }
            System.arraycopy(rowIndex, 0, sparseIndex[sparseRows], 0, m);
            System.arraycopy(rowValue, 0, sparseValue[sparseRows], 0, m);
            sparseCount[sparseRows] = m;
            for (int s = 0; s < m; s++) {
                jtr[rowIndex[s]] += rowValue[s] * r;
            }
            if (++sparseRows == SPARSE_BLOCK) {
                flushSparse(jtj, cols);
            }
        }

        /**
         * The gathered sparse rows' Gram matrix, formed densely on the union U of their columns
         * through the vectorized row kernels (U^2/2 products per row of the block instead of
         * nnz^2/2 scattered ones), then added to J^T J: U(U+1)/2 scattered adds per block.
         */
        void flushSparse(double[] jtj, int cols) {
            if (sparseRows == 0) {
                return;
            }
            int b = sparseRows;
            if (++stampValue == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                stampValue = 1;
            }
            int u = 0;
            for (int t = 0; t < b; t++) {
                int[] idx = sparseIndex[t];
                for (int s = 0; s < sparseCount[t]; s++) {
                    int c = idx[s];
                    if (stamp[c] != stampValue) {
                        stamp[c] = stampValue;
                        union[u++] = c;
                    }
                }
            }
            Arrays.sort(union, 0, u);
            for (int k = 0; k < u; k++) {
                position[union[k]] = k;
            }
            double[][] x = compressed;
            for (int t = 0; t < b; t++) {
                double[] row = x[t];
                Arrays.fill(row, 0, u, 0.0);
                int[] idx = sparseIndex[t];
                double[] val = sparseValue[t];
                for (int s = 0; s < sparseCount[t]; s++) {
                    row[position[idx[s]]] = val[s];
                }
            }
            double[] g = compressedGram;
            for (int i = 0; i < u; i++) {
                int length = i + 1;
                Arrays.fill(g, 0, length, 0.0);
                int t = 0;
                for (; t + 3 < b; t += 4) {
                    double w0 = x[t][i];
                    double w1 = x[t + 1][i];
                    double w2 = x[t + 2][i];
                    double w3 = x[t + 3][i];
                    if (w0 != 0 || w1 != 0 || w2 != 0 || w3 != 0) {
                        RowKernels.addScaled(g, x[t], x[t + 1], x[t + 2], x[t + 3], w0, w1, w2, w3, length);
                    }
                }
                for (; t < b; t++) {
                    if (x[t][i] != 0) {
                        RowKernels.addScaled(g, x[t], x[t][i], length);
                    }
                }
                int base = union[i] * cols;
                for (int k = 0; k < length; k++) {
                    jtj[base + union[k]] += g[k];
                }
            }
            sparseRows = 0;
        }
    }
}
