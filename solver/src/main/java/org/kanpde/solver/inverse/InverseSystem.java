package org.kanpde.solver.inverse;

import java.util.Arrays;
import java.util.List;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.geometry.BoundarySample;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.optim.Cholesky;
import org.kanpde.solver.optim.LeastSquaresObjective;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Nonlinearity;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.NormalEquations;
import org.kanpde.solver.residual.SortedRows;

/**
 * The stacked residual vector of an inverse problem and its Jacobian with respect to the
 * trainable parameters of u's trial function followed by those of every unknown (a field's
 * trial function, or one raw scalar), in the order of {@link InverseProblem#unknowns()}.
 *
 * <p>Rows, in this order:
 * <ul>
 *   <li>interior: {@code w (-A lap u - grad A . grad u + C u + n(u) - F)}, w = 1/sqrt(N_interior),
 *       where A, C, F are a, c, f, each known (evaluated once) or {@code s(q)} of its unknown's raw
 *       output q (s the identity or softplus), with grad A = s'(q) grad q for a field a;</li>
 *   <li>boundary conditions of u (unless {@link InverseProblem#usesBoundaryConditions()} is false):
 *       {@code w (alpha u + beta du/dn - g)}, w = sqrt(boundary weight / N_boundary);</li>
 *   <li>data: {@code w (u(x_j) - u_j)}, w = sqrt(data weight / N_observations);</li>
 *   <li>for each unknown field with known boundary values b: {@code w (s(q) - b)} at the boundary
 *       points, with the boundary conditions' weight.</li>
 * </ul>
 * The loss is the sum of squares: mean(pde^2) + boundary weight * mean(bc^2) + data weight *
 * mean(misfit^2) (+ the unknowns' boundary terms). A row's Jacobian is one reverse pass per network
 * it involves, so it stays sparse for KANs; the normal equations are assembled by
 * {@link NormalEquations} in Morton order of the rows' points, so they do not depend on the
 * thread count. Not thread-safe: one optimizer drives it.
 */
public final class InverseSystem implements LeastSquaresObjective {
    private static final int CHUNK = 128;
    private static final int INTERIOR = 0;
    private static final int BOUNDARY = 1;
    private static final int DATA = 2;
    private static final int UNKNOWN_BOUNDARY = 3;

    private final int d;
    private final TrialFunction u;
    private final int[] uFree;
    private final int[] uFreeIndex;
    private final int unknownCount;
    private final TrialFunction[] fields;
    private final int[][] fieldFree;
    private final int[][] fieldFreeIndex;
    private final double[] scalars;
    private final OutputMap[] maps;
    private final int[] offset;
    /** Index of the unknown of a, c and f, or -1 where the coefficient is known. */
    private final int unknownA;
    private final int unknownC;
    private final int unknownF;
    private final int n;
    private final int m;
    private final int interiorCount;
    private final int[] kind;
    private final int[] owner;
    private final double[] points;
    private final double[] weight;
    private final double[] knownA;
    private final double[] knownGradA;
    private final double[] knownC;
    private final double[] target;
    private final double[] boundaryAlpha;
    private final double[] boundaryBetaNormal;
    private final Nonlinearity nonlinearity;
    private final ParallelRunner runner;
    private final Worker[] workers;
    private final double[] chunkLoss;
    private final double[][] chunkGradient;
    private final NormalEquations assembly;

    /**
     * @param problem        the inverse problem
     * @param u              u's trial function (its live parameters are overwritten on every evaluation)
     * @param uFree          sorted indices of u's trainable parameters
     * @param fields         per unknown (in the problem's order) its trial function, or null for a scalar
     * @param fieldFree      per unknown field the sorted indices of its trainable parameters (null for scalars)
     * @param scalars        the raw values q of the scalar unknowns, by unknown index (the live array:
     *                       overwritten on every evaluation; entries of fields unused)
     * @param interior       interior collocation points
     * @param boundary       boundary points with normals and parts, or null for none
     * @param boundaryWeight weight of the mean squared boundary residual (also of the unknowns' boundary values)
     * @param dataWeight     weight of the mean squared data misfit
     * @param runner         threads
     * @throws IllegalArgumentException for dimension mismatches or non-finite problem data (naming the point)
     */
    public InverseSystem(InverseProblem problem, TrialFunction u, int[] uFree, List<TrialFunction> fields,
                         List<int[]> fieldFree, double[] scalars, PointSet interior, BoundarySample boundary,
                         double boundaryWeight, double dataWeight, ParallelRunner runner) {
        Problem p = problem.problem();
        this.d = p.dimension();
        checkDimension("u's trial function", u.inputDimension());
        checkDimension("the interior points", interior.dimension());
        if (!(boundaryWeight >= 0) || !Double.isFinite(boundaryWeight) || !(dataWeight > 0) || !Double.isFinite(dataWeight)) {
            throw new IllegalArgumentException("need a finite boundary weight >= 0 and a finite data weight > 0, got "
                    + boundaryWeight + " and " + dataWeight);
        }
        List<Unknown> unknowns = problem.unknowns();
        this.unknownCount = unknowns.size();
        if (fields.size() != unknownCount || fieldFree.size() != unknownCount || scalars.length != unknownCount) {
            throw new IllegalArgumentException("need one trial function (or null), free set and scalar slot per unknown ("
                    + unknownCount + ")");
        }
        this.u = u;
        this.uFree = uFree.clone();
        this.uFreeIndex = freeIndex(u, uFree);
        this.fields = new TrialFunction[unknownCount];
        this.fieldFree = new int[unknownCount][];
        this.fieldFreeIndex = new int[unknownCount][];
        this.maps = new OutputMap[unknownCount];
        this.offset = new int[unknownCount + 1];
        this.scalars = scalars;
        int a = -1;
        int c = -1;
        int f = -1;
        offset[0] = uFree.length;
        for (int k = 0; k < unknownCount; k++) {
            Unknown unknown = unknowns.get(k);
            maps[k] = unknown.outputMap();
            if (unknown.isScalar()) {
                offset[k + 1] = offset[k] + 1;
            } else {
                TrialFunction field = fields.get(k);
                if (field == null) {
                    throw new IllegalArgumentException("unknown field '" + unknown.name() + "' needs a trial function");
                }
                checkDimension("the trial function of '" + unknown.name() + "'", field.inputDimension());
                this.fields[k] = field;
                this.fieldFree[k] = fieldFree.get(k).clone();
                this.fieldFreeIndex[k] = freeIndex(field, fieldFree.get(k));
                offset[k + 1] = offset[k] + fieldFree.get(k).length;
            }
            switch (unknown.coefficient()) {
                case DIFFUSION:
                    a = k;
                    break;
                case REACTION:
                    c = k;
                    break;
                default:
                    f = k;
            }
        }
        this.unknownA = a;
        this.unknownC = c;
        this.unknownF = f;
        this.n = offset[unknownCount];
        this.nonlinearity = p.nonlinearity();

        int ni = interior.size();
        int samples = boundary == null ? 0 : boundary.size();
        if (samples > 0) {
            checkDimension("the boundary points", boundary.dimension());
        }
        // u's boundary rows, unless u has no boundary conditions (the unknowns' boundary values use the points anyway)
        int nb = problem.usesBoundaryConditions() ? samples : 0;
        Observations obs = problem.observations();
        int no = obs.size();
        int withBoundary = 0;
        for (Unknown unknown : unknowns) {
            if (unknown.boundary() != null) {
                withBoundary++;
            }
        }
        this.interiorCount = ni;
        this.m = ni + nb + no + withBoundary * samples;
        this.kind = new int[m];
        this.owner = new int[m];
        this.points = new double[m * d];
        this.weight = new double[m];
        this.knownA = new double[ni];
        this.knownGradA = new double[ni * d];
        this.knownC = new double[ni];
        this.target = new double[m];
        double[] z = new double[d];
        double[] jet = new double[1 + 2 * d];
        double wi = 1 / Math.sqrt(ni);
        for (int i = 0; i < ni; i++) {
            interior.point(i, z);
            System.arraycopy(z, 0, points, i * d, d);
            kind[i] = INTERIOR;
            weight[i] = wi;
            if (a < 0) {
                p.diffusion().derivatives(z, jet);
                knownA[i] = jet[0];
                System.arraycopy(jet, 1, knownGradA, i * d, d);
                check(jet[0], "the diffusion coefficient a", z);
            }
            if (c < 0) {
                knownC[i] = check(p.reaction().value(z), "the reaction coefficient c", z);
            }
            if (f < 0) {
                target[i] = check(p.source().value(z), "the source f", z);
            }
        }
        double wb = samples == 0 ? 0 : Math.sqrt(boundaryWeight / samples);
        double[] normal = new double[d];
        this.boundaryAlpha = new double[nb];
        this.boundaryBetaNormal = new double[nb * d];
        for (int t = 0; t < nb; t++) {
            int i = ni + t;
            boundary.point(t, z);
            boundary.normal(t, normal);
            System.arraycopy(z, 0, points, i * d, d);
            BoundaryCondition bc = p.boundaryCondition(boundary.part(t));
            kind[i] = BOUNDARY;
            weight[i] = wb;
            boundaryAlpha[t] = bc.alpha();
            for (int k = 0; k < d; k++) {
                boundaryBetaNormal[t * d + k] = bc.beta() * normal[k];
            }
            target[i] = check(bc.data().value(z), "the boundary condition's value", z);
        }
        double wo = Math.sqrt(dataWeight / no);
        for (int j = 0; j < no; j++) {
            int i = ni + nb + j;
            for (int k = 0; k < d; k++) {
                points[i * d + k] = obs.coordinate(j, k);
            }
            kind[i] = DATA;
            weight[i] = wo;
            target[i] = obs.value(j);
        }
        int i = ni + nb + no;
        for (int k = 0; k < unknownCount; k++) {
            Unknown unknown = unknowns.get(k);
            if (unknown.boundary() == null) {
                continue;
            }
            for (int t = 0; t < samples; t++, i++) {
                boundary.point(t, z);
                System.arraycopy(z, 0, points, i * d, d);
                kind[i] = UNKNOWN_BOUNDARY;
                owner[i] = k;
                weight[i] = wb;
                target[i] = check(unknown.boundary().value(z), "the boundary values of unknown '" + unknown.name() + "'", z);
            }
        }
        this.runner = runner;
        this.workers = new Worker[runner.threads()];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker();
        }
        int chunks = ParallelRunner.chunkCount(m, CHUNK);
        this.chunkLoss = new double[chunks];
        this.chunkGradient = new double[chunks][];
        this.assembly = new NormalEquations(n, workers[0].width, NormalEquations.mortonOrder(points, d, m), runner);
    }

    private void checkDimension(String what, int dimension) {
        if (dimension != d) {
            throw new IllegalArgumentException(what + " is " + dimension + "-D but the problem is " + d + "-D");
        }
    }

    private static double check(double v, String what, double[] z) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("problem data is not finite at " + Arrays.toString(z).replace('[', '(')
                    .replace(']', ')') + ": " + what + " evaluates to " + v + " there");
        }
        return v;
    }

    private static int[] freeIndex(TrialFunction f, int[] free) {
        int[] index = new int[f.parameterCount()];
        Arrays.fill(index, -1);
        for (int t = 0; t < free.length; t++) {
            if (free[t] < 0 || free[t] >= index.length || (t > 0 && free[t] <= free[t - 1])) {
                throw new IllegalArgumentException("free parameter indices must be sorted, distinct and in [0, "
                        + index.length + "), got " + free[t] + " at position " + t);
            }
            index[free[t]] = t;
        }
        return index;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public int residualCount() {
        return m;
    }

    /** Where unknown k's parameters start in the joint vector (k = unknown count: the length). */
    public int offset(int k) {
        return offset[k];
    }

    /** Number of interior (PDE) rows; they come first. */
    public int interiorCount() {
        return interiorCount;
    }

    /** The joint trainable parameters' current values, gathered from the networks and scalars. */
    public double[] currentPoint() {
        double[] x = new double[n];
        double[] p = u.parameters();
        for (int t = 0; t < uFree.length; t++) {
            x[t] = p[uFree[t]];
        }
        for (int k = 0; k < unknownCount; k++) {
            if (fields[k] == null) {
                x[offset[k]] = scalars[k];
            } else {
                double[] q = fields[k].parameters();
                for (int t = 0; t < fieldFree[k].length; t++) {
                    x[offset[k] + t] = q[fieldFree[k][t]];
                }
            }
        }
        return x;
    }

    /** Writes x into the networks' trainable parameters and the scalars. */
    public void setPoint(double[] x) {
        if (x.length != n) {
            throw new IllegalArgumentException("point has length " + x.length + ", expected " + n);
        }
        double[] p = u.parameters();
        for (int t = 0; t < uFree.length; t++) {
            p[uFree[t]] = x[t];
        }
        for (int k = 0; k < unknownCount; k++) {
            if (fields[k] == null) {
                scalars[k] = x[offset[k]];
            } else {
                double[] q = fields[k].parameters();
                for (int t = 0; t < fieldFree[k].length; t++) {
                    q[fieldFree[k][t]] = x[offset[k] + t];
                }
            }
        }
    }

    @Override
    public double residuals(double[] x, double[] residuals) {
        setPoint(x);
        runner.run(m, CHUNK, (chunk, start, end, worker) -> {
            Worker w = workers[worker];
            double sum = 0;
            for (int i = start; i < end; i++) {
                double r = w.row(i, false);
                residuals[i] = r;
                sum += r * r;
            }
            chunkLoss[chunk] = sum;
        });
        return sumInOrder(chunkLoss);
    }

    /**
     * The loss split into its parts at x: mean(pde^2), boundary weight * mean(bc^2), data weight *
     * mean(misfit^2), and the unknowns' boundary terms.
     */
    public double[] lossParts(double[] x) {
        double[] r = new double[m];
        residuals(x, r);
        double[] parts = new double[4];
        for (int i = 0; i < m; i++) {
            parts[kind[i]] += r[i] * r[i];
        }
        return parts;
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        if (gradient == null) {
            return residuals(x, new double[m]);
        }
        setPoint(x);
        runner.run(m, CHUNK, (chunk, start, end, worker) -> {
            Worker w = workers[worker];
            double[] g = chunkGradient[chunk];
            if (g == null) {
                g = new double[n];
                chunkGradient[chunk] = g;
            } else {
                Arrays.fill(g, 0.0);
            }
            double sum = 0;
            for (int i = start; i < end; i++) {
                double r = w.row(i, true);
                sum += r * r;
                for (int s = 0; s < w.count; s++) {
                    g[w.rowIndex[s]] += 2 * r * w.rowValue[s];
                }
            }
            chunkLoss[chunk] = sum;
        });
        Arrays.fill(gradient, 0.0);
        for (double[] g : chunkGradient) {
            for (int t = 0; t < n; t++) {
                gradient[t] += g[t];
            }
        }
        return sumInOrder(chunkLoss);
    }

    /**
     * Residuals and the dense Jacobian (m x n, row-major) at x, for checks and for other solvers.
     *
     * @return the sum of squares of the residuals
     */
    public double jacobian(double[] x, double[] residuals, double[] jacobian) {
        if (residuals.length != m || jacobian.length != (long) m * n) {
            throw new IllegalArgumentException("need " + m + " residuals and a " + m + " x " + n + " Jacobian, got "
                    + residuals.length + " and " + jacobian.length);
        }
        setPoint(x);
        runner.run(m, CHUNK, (chunk, start, end, worker) -> {
            Worker w = workers[worker];
            double sum = 0;
            for (int i = start; i < end; i++) {
                double r = w.row(i, true);
                residuals[i] = r;
                sum += r * r;
                Arrays.fill(jacobian, i * n, (i + 1) * n, 0.0);
                for (int s = 0; s < w.count; s++) {
                    jacobian[i * n + w.rowIndex[s]] = w.rowValue[s];
                }
            }
            chunkLoss[chunk] = sum;
        });
        return sumInOrder(chunkLoss);
    }

    @Override
    public double normalEquations(double[] x, double[] residuals, double[] jtj, double[] jtr) {
        setPoint(x);
        return assembly.assemble((i, worker, index, value, residual) -> {
            Worker w = workers[worker];
            residual[0] = w.row(i, true);
            System.arraycopy(w.rowIndex, 0, index, 0, w.count);
            System.arraycopy(w.rowValue, 0, value, 0, w.count);
            return w.count;
        }, residuals, jtj, jtr);
    }

    /**
     * The effective number of parameters that the data rows use at x: the trace of the linearized
     * hat matrix of the data, tr((J^T J)^-1 J_d^T J_d) with J_d the data rows of J (all rows
     * weighted as in the loss). A model that interpolates its N observations has N; one whose data
     * are fixed by the PDE alone has about 0. Then RSS / (N - p) estimates the noise variance
     * without the downward bias of RSS / N (see {@link Discrepancy}). A ridge of 1e-12 times the mean
     * diagonal keeps directions that no row fixes from dividing by zero. Costs one n x n
     * factorization and n triangular solves (in parallel over columns; each column is one task,
     * so the sum does not depend on the thread count).
     *
     * @return the trace, in [0, N]
     */
    public double dataDegreesOfFreedom(double[] x) {
        double[] r = new double[m];
        double[] jtj = new double[n * n];
        double[] jtr = new double[n];
        normalEquations(x, r, jtj, jtr);
        double[] dtd = new double[n * n];
        assembly.assemble((i, worker, index, value, residual) -> {
            Worker w = workers[worker];
            if (kind[i] != DATA) {
                residual[0] = 0;
                return 0;
            }
            residual[0] = w.row(i, true);
            System.arraycopy(w.rowIndex, 0, index, 0, w.count);
            System.arraycopy(w.rowValue, 0, value, 0, w.count);
            return w.count;
        }, r, dtd, jtr);
        double diagonal = 0;
        for (int j = 0; j < n; j++) {
            diagonal += jtj[j * n + j];
        }
        double ridge = Math.max(1e-12 * diagonal / n, Double.MIN_NORMAL);
        for (int j = 0; j < n; j++) {
            jtj[j * n + j] += ridge;
        }
        if (!Cholesky.factorize(jtj, n, runner)) {
            return Double.NaN;
        }
        double[] diagonalOfSolve = new double[n];
        runner.run(n, 1, (task, start, end, worker) -> {
            double[] column = new double[n];
            for (int j = start; j < end; j++) {
                for (int k = 0; k < n; k++) {
                    column[k] = dtd[k * n + j];
                }
                Cholesky.solve(jtj, n, column);
                diagonalOfSolve[j] = column[j];
            }
        });
        int observations = 0;
        for (int i = 0; i < m; i++) {
            observations += kind[i] == DATA ? 1 : 0;
        }
        return Math.max(0, Math.min(observations, sumInOrder(diagonalOfSolve)));
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
        private final Evaluator uEvaluator = u.evaluator(Derivatives.HESSIAN_DIAGONAL);
        private final Evaluator[] fieldEvaluators = new Evaluator[unknownCount];
        private final double[] gradU = new double[d];
        private final double[] gbar = new double[d];
        private final double[] sbar = new double[d];
        private final double[] gradA = new double[d];
        private final double[] gradQ = new double[d];
        private final double[] qgbar = new double[d];
        /** Raw outputs q of the unknowns at the current row, and their adjoints. */
        private final double[] q = new double[unknownCount];
        private final double[] qbar = new double[unknownCount];
        private final int width;
        private final int[] rowIndex;
        private final double[] rowValue;
        private final int[] rawIndex;
        private final double[] rawValue;
        private final int[] runStart;
        private final int[] uIndex;
        private final double[] uValue;
        private final int[] uRunStart;
        /** Entries of the last row computed with its Jacobian. */
        private int count;

        Worker() {
            int w = uEvaluator.maxNonZeros();
            int raw = w;
            for (int k = 0; k < unknownCount; k++) {
                if (fields[k] != null) {
                    fieldEvaluators[k] = fields[k].evaluator(k == unknownA ? Derivatives.GRADIENT : Derivatives.VALUE);
                    w += fieldEvaluators[k].maxNonZeros();
                    raw = Math.max(raw, fieldEvaluators[k].maxNonZeros());
                } else {
                    w += 1;
                }
            }
            this.width = w;
            this.rowIndex = new int[w];
            this.rowValue = new double[w];
            this.rawIndex = new int[raw];
            this.rawValue = new double[raw];
            this.runStart = new int[raw + 1];
            this.uIndex = new int[uEvaluator.maxNonZeros()];
            this.uValue = new double[uEvaluator.maxNonZeros()];
            this.uRunStart = new int[uEvaluator.maxNonZeros() + 1];
        }

        /** The residual of row i; with {@code jacobian}, its sparse Jacobian row into rowIndex/rowValue/count. */
        double row(int i, boolean jacobian) {
            switch (kind[i]) {
                case INTERIOR:
                    return interior(i, jacobian);
                case BOUNDARY:
                    return boundary(i, jacobian);
                case DATA:
                    return data(i, jacobian);
                default:
                    return unknownBoundary(i, jacobian);
            }
        }

        private double interior(int i, boolean jacobian) {
            double w = weight[i];
            Jet ju = uEvaluator.forward(points, i * d);
            double value = ju.value();
            ju.copyGradient(gradU);
            double lap = ju.laplacian();
            // the unknowns' raw outputs here (a's with its gradient)
            for (int k = 0; k < unknownCount; k++) {
                if (fields[k] == null) {
                    q[k] = scalars[k];
                    if (k == unknownA) {
                        Arrays.fill(gradQ, 0.0);
                    }
                } else {
                    Jet jq = fieldEvaluators[k].forward(points, i * d);
                    q[k] = jq.value();
                    if (k == unknownA) {
                        jq.copyGradient(gradQ);
                    }
                }
            }
            double a;
            if (unknownA >= 0) {
                OutputMap s = maps[unknownA];
                double qa = q[unknownA];
                a = s.value(qa);
                double s1 = s.first(qa);
                double gq = 0;
                for (int k = 0; k < d; k++) {
                    gradA[k] = s1 * gradQ[k];
                    gq += gradQ[k] * gradU[k];
                }
                qbar[unknownA] = w * (-s1 * lap - s.second(qa) * gq);
                for (int k = 0; k < d; k++) {
                    qgbar[k] = -w * s1 * gradU[k];
                }
            } else {
                a = knownA[i];
                System.arraycopy(knownGradA, i * d, gradA, 0, d);
            }
            double c = unknownC >= 0 ? maps[unknownC].value(q[unknownC]) : knownC[i];
            double f = unknownF >= 0 ? maps[unknownF].value(q[unknownF]) : target[i];
            double sum = -a * lap + c * value - f;
            for (int k = 0; k < d; k++) {
                sum -= gradA[k] * gradU[k];
            }
            double du = c;
            if (nonlinearity != null) {
                sum += nonlinearity.value(value);
                du += nonlinearity.derivative(value);
            }
            if (!jacobian) {
                return w * sum;
            }
            if (unknownC >= 0) {
                qbar[unknownC] = w * maps[unknownC].first(q[unknownC]) * value;
            }
            if (unknownF >= 0) {
                qbar[unknownF] = -w * maps[unknownF].first(q[unknownF]);
            }
            for (int k = 0; k < d; k++) {
                gbar[k] = -w * gradA[k];
                sbar[k] = -w * a;
            }
            count = uRow(w * du, gbar, sbar);
            for (int k = 0; k < unknownCount; k++) {
                count += unknownRow(k, qbar[k], k == unknownA ? qgbar : null, count);
            }
            return w * sum;
        }

        private double boundary(int i, boolean jacobian) {
            int t = i - interiorCount;
            double w = weight[i];
            Jet ju = uEvaluator.forward(points, i * d);
            double alpha = boundaryAlpha[t];
            double sum = alpha * ju.value() - target[i];
            for (int k = 0; k < d; k++) {
                double bn = boundaryBetaNormal[t * d + k];
                sum += bn * ju.gradient(k);
                gbar[k] = w * bn;
            }
            if (jacobian) {
                count = uRow(w * alpha, gbar, null);
            }
            return w * sum;
        }

        private double data(int i, boolean jacobian) {
            double w = weight[i];
            double value = uEvaluator.forward(points, i * d).value();
            if (jacobian) {
                count = uRow(w, null, null);
            }
            return w * (value - target[i]);
        }

        private double unknownBoundary(int i, boolean jacobian) {
            int k = owner[i];
            double w = weight[i];
            double raw = fieldEvaluators[k].forward(points, i * d).value();
            OutputMap s = maps[k];
            if (jacobian) {
                count = unknownRow(k, w * s.first(raw), null, 0);
            }
            return w * (s.value(raw) - target[i]);
        }

        /** u's sparse row with the given adjoints, at the start of the row; returns its entries. */
        private int uRow(double ubar, double[] g, double[] s) {
            int raw = uEvaluator.backwardSparse(ubar, g, s, uIndex, uValue);
            return SortedRows.append(uIndex, uValue, raw, uFreeIndex, 0, rowIndex, rowValue, 0, uRunStart);
        }

        /** Unknown k's entries (adjoint ubar of its raw output, g of its gradient) appended at {@code start}. */
        private int unknownRow(int k, double ubar, double[] g, int start) {
            if (fields[k] == null) {
                rowIndex[start] = offset[k];
                rowValue[start] = ubar;
                return 1;
            }
            int raw = fieldEvaluators[k].backwardSparse(ubar, g, null, rawIndex, rawValue);
            return SortedRows.append(rawIndex, rawValue, raw, fieldFreeIndex[k], offset[k], rowIndex, rowValue, start, runStart);
        }
    }
}
