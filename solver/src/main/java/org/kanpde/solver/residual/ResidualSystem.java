package org.kanpde.solver.residual;

import java.util.Arrays;

import org.kanpde.net.BlockEvaluator;
import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.TrialFunction;
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
 * <p>The normal equations are assembled by {@link NormalEquations} from the rows' sparse Jacobian
 * rows.
 */
public final class ResidualSystem implements LeastSquaresObjective {
    private static final int CHUNK = 128;
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
    private final double[][] chunkGradient;
    private final double[] chunkLoss;
    private final double[] residualScratch;
    private final NormalEquations assembly;

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
        int chunks = ParallelRunner.chunkCount(rows.count(), CHUNK);
        this.chunkGradient = new double[chunks][];
        this.chunkLoss = new double[chunks];
        this.residualScratch = new double[rows.count()];
        this.assembly = new NormalEquations(n, workers[0].evaluator.maxNonZeros(),
                NormalEquations.mortonOrder(rows.points(), d, rows.count()), runner);
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

    /** {@inheritDoc} Assembled by {@link NormalEquations} from the sparse rows, in Morton order of the points. */
    @Override
    public double normalEquations(double[] x, double[] residuals, double[] jtj, double[] jtr) {
        setPoint(x);
        return assembly.assemble((i, worker, index, value, residual) -> {
            Worker w = workers[worker];
            residual[0] = w.residual(i);
            return w.jacobianRow(i, index, value);
        }, residuals, jtj, jtr);
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
            return jacobianRow(i, rowIndex, rowValue);
        }

        /** As {@link #jacobianRow(int)}, into the given arrays. */
        int jacobianRow(int i, int[] rowIndex, double[] rowValue) {
            currentRow = i;
            double vbar = networkSeeds();
            int raw = evaluator.backwardSparse(vbar, gbarV, sbarV, index, value);
            // evaluators emit ascending runs (a KAN one per layer, from the top down)
            return SortedRows.append(index, value, raw, freeIndex, 0, rowIndex, rowValue, 0, runStart);
        }

        /** Writes the last Jacobian row into a dense row starting at {@code offset}. */
        void scatterRow(int m, double[] dense, int offset) {
            for (int s = 0; s < m; s++) {
                dense[offset + rowIndex[s]] = rowValue[s];
            }
        }
    }
}
