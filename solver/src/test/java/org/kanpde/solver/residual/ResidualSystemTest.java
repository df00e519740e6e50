package org.kanpde.solver.residual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.DerivativeChecks;
import org.kanpde.net.Derivatives;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.geometry.BoundarySample;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.Problem;

class ResidualSystemTest {

    private static ResidualSystem system(Problem problem, TrialFunction f, int[] free, boolean hard, int threads) {
        PointSet interior = problem.domain().sampleInterior(40, SamplingScheme.RANDOM, 1);
        BoundarySample boundary = problem.domain().sampleBoundary(24, SamplingScheme.RANDOM, 2);
        ResidualRows rows = ResidualRows.of(problem, interior, boundary, 10.0, hard);
        return new ResidualSystem(f, rows, free, new ParallelRunner(threads));
    }

    private static Kan kan(long seed) {
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(4).degree(3).inputRange(0, 1).noise(0.3).seed(seed).build();
        return kan;
    }

    /** J by central differences of the residual vector, m x n row-major. */
    private static double[] finiteDifferenceJacobian(ResidualSystem s, double[] x) {
        int m = s.residualCount();
        int n = s.dimension();
        double[] jac = new double[m * n];
        double[] rp = new double[m];
        double[] rm = new double[m];
        for (int a = 0; a < n; a++) {
            double[] xp = x.clone();
            double h = 1e-6 * Math.max(1, Math.abs(x[a]));
            xp[a] = x[a] + h;
            s.residuals(xp, rp);
            xp[a] = x[a] - h;
            s.residuals(xp, rm);
            for (int i = 0; i < m; i++) {
                jac[i * n + a] = (rp[i] - rm[i]) / (2 * h);
            }
        }
        s.setPoint(x);
        return jac;
    }

    private static void checkNormalEquations(ResidualSystem s) {
        double[] x = s.currentPoint();
        int m = s.residualCount();
        int n = s.dimension();
        double[] r = new double[m];
        double[] jtj = new double[n * n];
        double[] jtr = new double[n];
        double loss = s.normalEquations(x, r, jtj, jtr);
        double[] r2 = new double[m];
        assertEquals(loss, s.residuals(x, r2), 1e-12 * loss);
        assertArrayEquals(r, r2, 0.0);
        double[] jac = finiteDifferenceJacobian(s, x);
        double scale = 0;
        for (double v : jtj) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int a = 0; a < n; a++) {
            double expectedJtr = 0;
            for (int i = 0; i < m; i++) {
                expectedJtr += jac[i * n + a] * r[i];
            }
            assertEquals(expectedJtr, jtr[a], 1e-6 * (1 + Math.abs(expectedJtr)), "J^T r at " + a);
            for (int b = 0; b < n; b++) {
                double expected = 0;
                for (int i = 0; i < m; i++) {
                    expected += jac[i * n + a] * jac[i * n + b];
                }
                assertEquals(expected, jtj[a * n + b], 1e-6 * (1 + scale), "J^T J at " + a + ", " + b);
            }
        }
        double[] dense = new double[m * n];
        double[] r3 = new double[m];
        assertEquals(loss, s.jacobian(x, r3, dense), 1e-12 * loss);
        assertArrayEquals(r, r3, 0.0);
        for (int t = 0; t < dense.length; t++) {
            assertEquals(jac[t], dense[t], 1e-6 * (1 + Math.abs(jac[t])), "J entry " + t);
        }
        double[] grad = new double[n];
        assertEquals(loss, s.evaluate(x, grad), 1e-12 * loss);
        for (int a = 0; a < n; a++) {
            assertEquals(2 * jtr[a], grad[a], 1e-10 * (1 + Math.abs(grad[a])), "gradient = 2 J^T r at " + a);
        }
    }

    @Test
    void kanJacobianMatchesFiniteDifferencesWithEveryConditionKindAndNonlinearity() {
        Kan kan = kan(3);
        checkNormalEquations(system(TestProblems.mixed(), kan, kan.parameterIndices(EnumSet.allOf(EdgeParameter.class)), false, 2));
    }

    @Test
    void frozenScalesLeaveOnlyCoefficientsInTheSystem() {
        Kan kan = kan(4);
        int[] free = kan.parameterIndices(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS));
        ResidualSystem s = system(TestProblems.mixed(), kan, free, false, 1);
        assertEquals(free.length, s.dimension());
        checkNormalEquations(s);
    }

    @Test
    void sparseKanRowsGiveTheNormalEquationsOfFiniteDifferences() {
        // 9 edges x 23 coefficients = 207 columns, 9 x 4 = 36 non-zeros per row: J^T J is assembled
        // from the sparse rows, not by the dense block update that the coarse KANs above take
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(20).degree(3).inputRange(0, 1).noise(0.3).seed(7).build();
        int[] free = kan.parameterIndices(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS));
        assertEquals(207, free.length);
        checkNormalEquations(system(TestProblems.mixed(), kan, free, false, 2));
    }

    @Test
    void blockedSparseNormalEquationsEqualTheProductsOfTheJacobianRows() {
        // 700 rows: many blocks of gathered rows in every partition, some partly filled; G=30
        // with cubic splines keeps the rows sparse (nnz * 4 < n)
        Problem problem = TestProblems.mixed();
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(30).degree(3).inputRange(0, 1).noise(0.3).seed(11).build();
        int[] free = kan.parameterIndices(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS));
        PointSet interior = problem.domain().sampleInterior(600, SamplingScheme.RANDOM, 3);
        BoundarySample boundary = problem.domain().sampleBoundary(100, SamplingScheme.RANDOM, 4);
        ResidualSystem s = new ResidualSystem(kan, ResidualRows.of(problem, interior, boundary, 10.0, false), free,
                new ParallelRunner(2));
        int m = s.residualCount();
        int n = s.dimension();
        double[] x = s.currentPoint();
        double[] r = new double[m];
        double[] j = new double[m * n];
        s.jacobian(x, r, j);
        double[] jtj = new double[n * n];
        double[] jtr = new double[n];
        s.normalEquations(x, new double[m], jtj, jtr);
        for (int a = 0; a < n; a++) {
            double b0 = 0;
            double bSize = 0;
            for (int i = 0; i < m; i++) {
                b0 += j[i * n + a] * r[i];
                bSize += Math.abs(j[i * n + a] * r[i]);
            }
            // round-off of sums taken in another order: a few ulps of the sum of magnitudes
            assertEquals(b0, jtr[a], 1e-13 * (1 + bSize), "J^T r at " + a);
            for (int b = 0; b < n; b++) {
                double e = 0;
                double size = 0;
                for (int i = 0; i < m; i++) {
                    e += j[i * n + a] * j[i * n + b];
                    size += Math.abs(j[i * n + a] * j[i * n + b]);
                }
                assertEquals(e, jtj[a * n + b], 1e-13 * (1 + size), "J^T J at " + a + ", " + b);
            }
        }
    }

    @Test
    void mlpJacobianMatchesFiniteDifferences() {
        Mlp mlp = Mlp.tanh(5, 2, 6, 5, 1);
        int[] all = new int[mlp.parameterCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        checkNormalEquations(system(TestProblems.mixed(), mlp, all, false, 2));
    }

    @Test
    void hardDirichletJacobianMatchesFiniteDifferences() {
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(4).degree(3).inputRange(-1, 1).noise(0.3).seed(6).build();
        ResidualSystem s = system(TestProblems.poisson2dSin(), kan, kan.parameterIndices(EnumSet.allOf(EdgeParameter.class)),
                true, 2);
        assertEquals(40, s.residualCount(), "no boundary rows with hard enforcement");
        checkNormalEquations(s);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Problem problem = TestProblems.mixed();
        double[][] jtjs = new double[3][];
        double[][] grads = new double[3][];
        int[] threads = {1, 2, 5};
        for (int t = 0; t < 3; t++) {
            Kan kan = kan(7);
            PointSet interior = problem.domain().sampleInterior(3000, SamplingScheme.SOBOL, 1);
            BoundarySample boundary = problem.domain().sampleBoundary(400, SamplingScheme.RANDOM, 2);
            ResidualSystem s = new ResidualSystem(kan, ResidualRows.of(problem, interior, boundary, 10.0, false),
                    kan.parameterIndices(EnumSet.allOf(EdgeParameter.class)), new ParallelRunner(threads[t]));
            int n = s.dimension();
            jtjs[t] = new double[n * n];
            grads[t] = new double[n];
            s.normalEquations(s.currentPoint(), new double[s.residualCount()], jtjs[t], new double[n]);
            s.evaluate(s.currentPoint(), grads[t]);
        }
        assertArrayEquals(jtjs[0], jtjs[1], 0.0);
        assertArrayEquals(jtjs[0], jtjs[2], 0.0);
        assertArrayEquals(grads[0], grads[1], 0.0);
        assertArrayEquals(grads[0], grads[2], 0.0);
    }

    @Test
    void hardDirichletFunctionDerivativesMatchFiniteDifferences() {
        Problem problem = TestProblems.poisson2dSin();
        Kan kan = Kan.builder().widths(2, 3, 1).gridSize(4).degree(3).inputRange(-1, 1).noise(0.3).seed(8).build();
        HardDirichletFunction f = new HardDirichletFunction(kan, problem.exactSolution(), problem.domain().distance());
        SplittableRandom r = new SplittableRandom(9);
        for (int t = 0; t < 5; t++) {
            double[] z = {r.nextDouble(-0.9, 0.9), r.nextDouble(-0.9, 0.9)};
            DerivativeChecks.checkInputGradient(f, z, 1e-6);
            DerivativeChecks.checkSecondDerivatives(f, Derivatives.HESSIAN_DIAGONAL, z, 1e-6);
            DerivativeChecks.checkParameterGradient(f, Derivatives.HESSIAN_DIAGONAL, z, t, 1e-6);
        }
        // on the boundary u is the data exactly, whatever the network
        double[] edge = {1.0, 0.37};
        assertEquals(problem.exactSolution().value(edge), f.evaluator(Derivatives.VALUE).forward(edge, 0).value(), 1e-15);
    }

    @Test
    void invalidSetupsAreRejectedWithTheValue() {
        Problem problem = TestProblems.mixed();
        PointSet interior = problem.domain().sampleInterior(10, SamplingScheme.RANDOM, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResidualRows.of(problem, interior, null, 10, true));
        assertTrue(e.getMessage().contains("Dirichlet"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResidualRows.of(problem, interior, null, -1, false));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        ResidualRows rows = ResidualRows.of(problem, interior, null, 1, false);
        Kan wrong = Kan.builder().widths(3, 2, 1).build();
        e = assertThrows(IllegalArgumentException.class, () -> new ResidualSystem(wrong, rows, new int[] {0}, new ParallelRunner(1)));
        assertTrue(e.getMessage().contains("3-D"), e.getMessage());
    }
}
