package org.kanpde.solver.residual;

import java.util.Arrays;

import org.kanpde.net.BlockEvaluator;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.linalg.RowKernels;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.optim.DifferentiableObjective;
import org.kanpde.solver.optim.LeastSquaresObjective;
import org.kanpde.solver.problem.Nonlinearity;

/**
 * The residual vector of a physics-informed loss and its derivatives with respect to the trainable
 * parameters of a trial function.
 *
 * <p>Every row (an interior collocation point or a boundary point) is the same affine form of the
 * trial function's jet,
 * <pre>
 *   r = w (A u + sum_k B_k du/dz_k + C sum_k d2u/dz_k^2 + n(u) - F),
 * </pre>
 * with per-row coefficients precomputed once by {@link ResidualRows}: interior rows of
 * -div(a grad u) + c u + n(u) = f have A = c, B = -grad a, C = -a, F = f, w = 1/sqrt(N_interior);
 * boundary rows of alpha u + beta du/dn = g have A = alpha, B = beta n, C = 0, F = g,
 * w = sqrt(boundary weight / N_boundary). The loss is the sum of squares, i.e.
 * mean(pde^2) + weight * mean(bc^2). A row's Jacobian is one reverse pass with adjoints
 * (w (A + n'(u)), w B, w C), so it costs about one evaluation and is sparse for KANs.
 *
 * <p>With hard Dirichlet enforcement each row also carries a {@link DirichletLift} record and the
 * network output v enters through u = g + D v.
 *
 * <p>Rows are processed in parallel; partial sums are kept per fixed chunk (gradient) or per fixed
 * partition (normal equations) and combined in order, so results are bit-identical for any number
 * of threads. Not thread-safe itself: one optimizer drives it.
 *
 * <p>The normal equations visit the rows along a Morton curve of their points and add them in
 * blocks: a KAN row touches k + 1 consecutive coefficients of every edge, at an offset set by the
 * grid interval its edge inputs fall in, so neighbouring points touch nearly the same columns. A
 * block of 32 such rows is packed densely onto the union of its columns (about 150 for the default
 * KAN, against 90 per row and 825 in all), its Gram matrix formed by the vectorized row kernels,
 * and added to J^T J once. Adding each row's nnz^2 / 2 products straight into J^T J was 1.5 times
 * slower (Java 17 does not vectorize scattered adds, and they miss the caches); adding them tile by
 * tile of J^T J, or run by run of consecutive columns, was slower still. Dense rows (MLPs, and rows
 * that fill a quarter of the columns) take the dense block update without the packing.
 */
public final class ResidualSystem implements LeastSquaresObjective {
    private static final int CHUNK = 128;
    private static final long NORMAL_EQUATION_BYTES = 1L << 28;
    /** Row partitions of the normal equations; fixed, so sums do not depend on the thread count. */
    private static final int PARTITIONS = 4;
    /** Rows gathered before a dense block update of J^T J. */
    private static final int BLOCK_ROWS = 32;
    /** Sparse rows gathered before their Gram is formed on the union of their columns. */
    private static final int SPARSE_BLOCK = 32;
    /** Rows of J^T J per task when the partitions' sums are combined. */
    private static final int REDUCTION_ROWS = 32;
    /** Points per block evaluation of the loss and its gradient (a divisor of CHUNK). */
    private static final int BLOCK_POINTS = 32;

    private final TrialFunction model;
    private final ResidualRows rows;
    private final int d;
    private final int[] free;
    private final int[] freeIndex;
    private final int n;
    private final ParallelRunner runner;
    private final Worker[] workers;
    private final int partitions;
    private double[][] partialJtj;
    private double[][] partialJtr;
    private final double[][] chunkGradient;
    private final double[] chunkLoss;
    private final double[] partitionLoss;
    private final double[] residualScratch;
    /** Rows in the order the normal equations visit them: along a Morton curve of their points. */
    private final int[] order;

    /**
     * @param model     the trial function (its live parameters are overwritten on every evaluation)
     * @param rows      the residual rows
     * @param free      sorted indices of the trainable parameters
     * @param runner    threads
     */
    public ResidualSystem(TrialFunction model, ResidualRows rows, int[] free, ParallelRunner runner) {
        if (model.inputDimension() != rows.dimension()) {
            throw new IllegalArgumentException("trial function takes " + model.inputDimension()
                    + "-D inputs but the problem is " + rows.dimension() + "-D");
        }
        this.model = model;
        this.rows = rows;
        this.d = rows.dimension();
        this.free = free.clone();
        this.n = free.length;
        this.freeIndex = new int[model.parameterCount()];
        Arrays.fill(freeIndex, -1);
        for (int a = 0; a < n; a++) {
            if (free[a] < 0 || free[a] >= freeIndex.length || (a > 0 && free[a] <= free[a - 1])) {
                throw new IllegalArgumentException("free parameter indices must be sorted, distinct and in [0, "
                        + freeIndex.length + "), got " + free[a] + " at position " + a);
            }
            freeIndex[free[a]] = a;
        }
        this.runner = runner;
        this.workers = new Worker[runner.threads()];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker();
        }
        long bytes = 8L * n * n;
        this.partitions = (int) Math.max(1, Math.min(Math.min(PARTITIONS, rows.count()), NORMAL_EQUATION_BYTES / Math.max(1, bytes)));
        int chunks = ParallelRunner.chunkCount(rows.count(), CHUNK);
        this.chunkGradient = new double[chunks][];
        this.chunkLoss = new double[chunks];
        this.partitionLoss = new double[partitions];
        this.residualScratch = new double[rows.count()];
        this.order = mortonOrder(rows.points(), d, rows.count());
    }

    /** The trial function whose parameters this system sets. */
    public TrialFunction model() {
        return model;
    }

    /** The rows. */
    public ResidualRows rows() {
        return rows;
    }

    /** Sorted indices of the trainable parameters. */
    public int[] freeParameters() {
        return free.clone();
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public int residualCount() {
        return rows.count();
    }

    /** The trainable parameters' current values, gathered from the model. */
    public double[] currentPoint() {
        double[] p = model.parameters();
        double[] x = new double[n];
        for (int a = 0; a < n; a++) {
            x[a] = p[free[a]];
        }
        return x;
    }

    /** Writes x into the model's trainable parameters. */
    public void setPoint(double[] x) {
        if (x.length != n) {
            throw new IllegalArgumentException("point has length " + x.length + ", expected " + n);
        }
        double[] p = model.parameters();
        for (int a = 0; a < n; a++) {
            p[free[a]] = x[a];
        }
    }

    @Override
    public double residuals(double[] x, double[] residuals) {
        setPoint(x);
        int m = rows.count();
        runner.run(m, CHUNK, (chunk, start, end, worker) -> chunkLoss[chunk] = workers[worker].residuals(start, end, residuals));
        return sumInOrder(chunkLoss);
    }

    /** Loss split into its interior part mean(pde^2) and boundary part weight * mean(bc^2), at x. */
    public double[] lossParts(double[] x) {
        residuals(x, residualScratch);
        double interior = 0;
        double boundary = 0;
        for (int i = 0; i < rows.count(); i++) {
            double r2 = residualScratch[i] * residualScratch[i];
            if (i < rows.interiorCount()) {
                interior += r2;
            } else {
                boundary += r2;
            }
        }
        return new double[] {interior, boundary};
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        if (gradient == null) {
            return residuals(x, residualScratch);
        }
        setPoint(x);
        int m = rows.count();
        int parameters = model.parameterCount();
        runner.run(m, CHUNK, (chunk, start, end, worker) -> {
            Worker w = workers[worker];
            double[] g = chunkGradient[chunk];
            if (g == null) {
                g = new double[parameters];
                chunkGradient[chunk] = g;
            } else {
                Arrays.fill(g, 0.0);
            }
            chunkLoss[chunk] = w.lossGradient(start, end, g);
        });
        Arrays.fill(gradient, 0.0);
        for (double[] g : chunkGradient) {
            for (int a = 0; a < n; a++) {
                gradient[a] += g[free[a]];
            }
        }
        return sumInOrder(chunkLoss);
    }

    /**
     * Residuals and the dense Jacobian dr/dx over the trainable parameters (rows in parallel).
     * Least-squares methods here use {@link #normalEquations} instead, which never forms J; this
     * is for other solvers (for example Hipparchus's least-squares optimizers) and for checks.
     *
     * @param residuals receives r(x), length m (modified)
     * @param jacobian  receives J, m x n row-major (modified)
     * @return sum of squares of the residuals
     */
    public double jacobian(double[] x, double[] residuals, double[] jacobian) {
        int m = rows.count();
        if (residuals.length != m || jacobian.length != (long) m * n) {
            throw new IllegalArgumentException("need " + m + " residuals and a " + m + " x " + n + " Jacobian, got "
                    + residuals.length + " and " + jacobian.length);
        }
        setPoint(x);
        runner.run(m, CHUNK, (chunk, start, end, worker) -> {
            Worker w = workers[worker];
            double sum = 0;
            for (int i = start; i < end; i++) {
                double r = w.residual(i);
                residuals[i] = r;
                sum += r * r;
                int nnz = w.jacobianRow(i);
                java.util.Arrays.fill(jacobian, i * n, (i + 1) * n, 0.0);
                w.scatterRow(nnz, jacobian, i * n);
            }
            chunkLoss[chunk] = sum;
        });
        return sumInOrder(chunkLoss);
    }

    @Override
    public double normalEquations(double[] x, double[] residuals, double[] jtj, double[] jtr) {
        setPoint(x);
        int m = rows.count();
        if (partialJtj == null) {
            // partition 0 accumulates into the caller's matrix itself
            partialJtj = new double[partitions][];
            for (int part = 1; part < partitions; part++) {
                partialJtj[part] = new double[n * n];
            }
            partialJtr = new double[partitions][n];
        }
        partialJtj[0] = jtj;
        int per = (m + partitions - 1) / partitions;
        runner.run(partitions, 1, (part, p0, p1, worker) -> {
            Worker w = workers[worker];
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
                double r = w.residual(i);
                residuals[i] = r;
                sum += r * r;
                int nnz = w.jacobianRow(i);
                if (nnz * 4 > n) {
                    w.accumulateDense(nnz, r, a, b, n);
                } else {
                    w.accumulateSparse(nnz, r, a, b, n);
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
        mirror(jtj, n);
        return sumInOrder(partitionLoss);
    }

    /**
     * The rows sorted along a Morton (Z-order) curve of their points, ties by index: neighbouring
     * rows then touch nearly the same KAN coefficients, so a block of them has few distinct columns.
     */
    static int[] mortonOrder(double[] points, int d, int m) {
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
    private void mirror(double[] a, int order) {
        runner.run(order, REDUCTION_ROWS, (chunk, j0, j1, worker) -> {
            for (int j = j0; j < j1; j++) {
                int rj = j * order;
                for (int i = j + 1; i < order; i++) {
                    a[rj + i] = a[i * order + j];
                }
            }
        });
    }

    private static double sumInOrder(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** Per-thread evaluators and scratch. */
    private final class Worker {
        /** Row by row, for Jacobian rows. */
        private final Evaluator evaluator = model.evaluator(Derivatives.HESSIAN_DIAGONAL);
        /** Block by block, for the loss and its gradient (much faster for MLPs). */
        private final BlockEvaluator blockEvaluator = model.blockEvaluator(Derivatives.HESSIAN_DIAGONAL, BLOCK_POINTS);
        private final double[] blockAdjoints = new double[BLOCK_POINTS * blockEvaluator.channels()];
        private final double[] gradV = new double[d];
        private final double[] secondV = new double[d];
        private final double[] jet = new double[1 + 2 * d];
        private final double[] gbar = new double[d];
        private final double[] sbar = new double[d];
        private final double[] gbarV = new double[d];
        private final double[] sbarV = new double[d];
        private final int[] index = new int[evaluator.maxNonZeros()];
        private final double[] value = new double[evaluator.maxNonZeros()];
        private final int[] rowIndex = new int[evaluator.maxNonZeros()];
        private final double[] rowValue = new double[evaluator.maxNonZeros()];
        /** Where each ascending run of a raw Jacobian row starts, and one past the last. */
        private final int[] runStart = new int[evaluator.maxNonZeros() + 1];
        private double ubar;

        /** Residual of row i; leaves the adjoint seeds (ubar, gbar, sbar) of u for the reverse pass. */
        double residual(int i) {
            Jet j = evaluator.forward(rows.points(), i * d);
            j.copyGradient(gradV);
            j.copySecond(secondV);
            return residualOf(i, j.value());
        }

        /** Residuals of rows [start, end) into {@code out}; returns their sum of squares. */
        double residuals(int start, int end, double[] out) {
            double sum = 0;
            for (int b0 = start; b0 < end; b0 += BLOCK_POINTS) {
                int count = Math.min(BLOCK_POINTS, end - b0);
                double[] jets = blockEvaluator.forward(rows.points(), b0 * d, count);
                for (int t = 0; t < count; t++) {
                    double r = residualOf(b0 + t, jets, t * blockEvaluator.channels());
                    out[b0 + t] = r;
                    sum += r * r;
                }
            }
            return sum;
        }

        /** Adds the gradient of the sum of squares of rows [start, end) to g (all parameters) and returns that sum. */
        double lossGradient(int start, int end, double[] g) {
            int channels = blockEvaluator.channels();
            double sum = 0;
            for (int b0 = start; b0 < end; b0 += BLOCK_POINTS) {
                int count = Math.min(BLOCK_POINTS, end - b0);
                double[] jets = blockEvaluator.forward(rows.points(), b0 * d, count);
                for (int t = 0; t < count; t++) {
                    int i = b0 + t;
                    double r = residualOf(i, jets, t * channels);
                    sum += r * r;
                    currentRow = i;
                    double scale = 2 * r;
                    int base = t * channels;
                    blockAdjoints[base] = networkSeeds() * scale;
                    for (int k = 0; k < d; k++) {
                        blockAdjoints[base + 1 + k] = gbarV[k] * scale;
                        blockAdjoints[base + 1 + d + k] = sbarV[k] * scale;
                    }
                }
                blockEvaluator.backward(blockAdjoints, g);
            }
            return sum;
        }

        /** Residual of row i from the network's jet at {@code jets[base ..]} (value, gradient, Hessian diagonal). */
        private double residualOf(int i, double[] jets, int base) {
            System.arraycopy(jets, base + 1, gradV, 0, d);
            System.arraycopy(jets, base + 1 + d, secondV, 0, d);
            return residualOf(i, jets[base]);
        }

        /** Residual of row i from the network's value v and its derivatives in gradV and secondV. */
        private double residualOf(int i, double v) {
            double[] lift = rows.lift();
            if (lift != null) {
                DirichletLift.compose(v, gradV, secondV, lift, i * DirichletLift.recordSize(d), d, jet);
            } else {
                jet[0] = v;
                System.arraycopy(gradV, 0, jet, 1, d);
                System.arraycopy(secondV, 0, jet, 1 + d, d);
            }
            double u = jet[0];
            double w = rows.weight(i);
            double a = rows.coefficientA(i);
            double c = rows.coefficientC(i);
            double[] b = rows.coefficientsB();
            double sum = a * u - rows.target(i);
            for (int k = 0; k < d; k++) {
                sum += b[i * d + k] * jet[1 + k] + c * jet[1 + d + k];
                gbar[k] = w * b[i * d + k];
                sbar[k] = w * c;
            }
            double du = a;
            Nonlinearity nl = rows.nonlinearity();
            if (nl != null && i < rows.interiorCount()) {
                sum += nl.value(u);
                du += nl.derivative(u);
            }
            ubar = w * du;
            return w * sum;
        }

        /** Seeds of the network's own output after the lift, if any; returns vbar. */
        private double networkSeeds() {
            double[] lift = rows.lift();
            if (lift == null) {
                System.arraycopy(gbar, 0, gbarV, 0, d);
                System.arraycopy(sbar, 0, sbarV, 0, d);
                return ubar;
            }
            return DirichletLift.pullBack(ubar, gbar, sbar, lift, currentRow * DirichletLift.recordSize(d), d, gbarV, sbarV);
        }

        private int currentRow;

        /** The row's Jacobian over the free parameters, sorted by index; call right after residual(i). */
        int jacobianRow(int i) {
            currentRow = i;
            double vbar = networkSeeds();
            int raw = evaluator.backwardSparse(vbar, gbarV, sbarV, index, value);
            // keep the free entries, mapped to their positions, and note where ascending runs start
            int kept = 0;
            int runs = 0;
            int previous = Integer.MAX_VALUE;
            for (int t = 0; t < raw; t++) {
                int a = freeIndex[index[t]];
                if (a < 0) {
                    continue;
                }
                if (a < previous) {
                    runStart[runs++] = kept;
                }
                previous = a;
                index[kept] = a;
                value[kept++] = value[t];
            }
            runStart[runs] = kept;
            // evaluators emit ascending runs (a KAN one per layer, from the top down): when the runs
            // do not overlap, the sorted row is the runs in reverse order
            boolean disjoint = true;
            for (int r = 1; r < runs && disjoint; r++) {
                disjoint = index[runStart[r + 1] - 1] < index[runStart[r - 1]];
            }
            if (disjoint) {
                int m = 0;
                for (int r = runs - 1; r >= 0; r--) {
                    int length = runStart[r + 1] - runStart[r];
                    System.arraycopy(index, runStart[r], rowIndex, m, length);
                    System.arraycopy(value, runStart[r], rowValue, m, length);
                    m += length;
                }
                return kept;
            }
            for (int t = 0; t < kept; t++) {
                // insertion into the sorted prefix
                int a = index[t];
                int s = t;
                while (s > 0 && rowIndex[s - 1] > a) {
                    rowIndex[s] = rowIndex[s - 1];
                    rowValue[s] = rowValue[s - 1];
                    s--;
                }
                rowIndex[s] = a;
                rowValue[s] = value[t];
            }
            return kept;
        }

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
        void accumulateDense(int m, double r, double[] jtj, double[] jtr, int cols) {
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
        void accumulateSparse(int m, double r, double[] jtj, double[] jtr, int cols) {
            if (sparseIndex == null) {
                int width = rowIndex.length;
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

        /** Writes the last Jacobian row into a dense row starting at {@code offset}. */
        void scatterRow(int m, double[] dense, int offset) {
            for (int s = 0; s < m; s++) {
                dense[offset + rowIndex[s]] = rowValue[s];
            }
        }
    }
}
