package org.kanpde.solver.inverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.geometry.BoundarySample;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Nonlinearity;
import org.kanpde.solver.problem.Problem;

/** The joint residual's Jacobian (u's columns, then the unknowns') against central differences. */
class InverseSystemTest {

    private static final Field A_EXACT = Field.smooth(2, z -> z[0].multiply(z[0]).add(z[1]).add(1).reciprocal());

    private static Problem problem(boolean nonlinear) {
        Problem.Builder b = Problem.builder().name("check").domain(new Box(new double[] {0, 0}, new double[] {1, 1}))
                .diffusion(Field.smooth(2, z -> z[0].add(2)))
                .reaction(0.5)
                .source(Field.of(z -> Math.sin(3 * z[0]) + z[1]))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .boundary("xmax", BoundaryCondition.robin(1.5, 0.7, Field.of(z -> z[1])));
        if (nonlinear) {
            b.nonlinearity(Nonlinearity.power(1, 3));
        }
        return b.build();
    }

    private static Kan kan(long seed) {
        return Kan.builder().widths(2, 3, 1).gridSize(4).degree(3).inputRange(0, 1).noise(0.3).seed(seed).build();
    }

    private static int[] all(TrialFunction f) {
        int[] a = new int[f.parameterCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        return a;
    }

    private static InverseSystem system(InverseProblem ip, TrialFunction u, List<TrialFunction> fields, double[] scalars,
                                        int threads) {
        Problem p = ip.problem();
        PointSet interior = p.domain().sampleInterior(30, SamplingScheme.RANDOM, 1);
        BoundarySample boundary = p.domain().sampleBoundary(16, SamplingScheme.RANDOM, 2);
        List<int[]> free = new ArrayList<>();
        for (TrialFunction f : fields) {
            free.add(f == null ? null : f instanceof Kan k ? k.parameterIndices(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS))
                    : all(f));
        }
        int[] uFree = u instanceof Kan k ? k.parameterIndices(EnumSet.allOf(EdgeParameter.class)) : all(u);
        return new InverseSystem(ip, u, uFree, fields, free, scalars, interior, boundary, 10, 3, new ParallelRunner(threads));
    }

    private static Observations observations() {
        double[] pts = Observations.grid(new double[] {0.1, 0.1}, new double[] {0.9, 0.9}, 3);
        return Observations.measure(Field.of(z -> z[0] * z[1]), 2, pts, 0.01, 5);
    }

    private static void checkJacobian(InverseSystem s) {
        double[] x = s.currentPoint();
        int m = s.residualCount();
        int n = s.dimension();
        double[] r = new double[m];
        double[] jac = new double[m * n];
        s.jacobian(x, r, jac);
        double[] rp = new double[m];
        double[] rm = new double[m];
        double worst = 0;
        double scale = 0;
        for (int a = 0; a < n; a++) {
            double[] xp = x.clone();
            double h = 1e-6 * Math.max(1, Math.abs(x[a]));
            xp[a] = x[a] + h;
            s.residuals(xp, rp);
            xp[a] = x[a] - h;
            s.residuals(xp, rm);
            for (int i = 0; i < m; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - jac[i * n + a]));
                scale = Math.max(scale, Math.abs(fd));
            }
        }
        assertTrue(scale > 1e-3, "the check would pass on a zero Jacobian");
        assertTrue(worst <= 1e-6 * scale, "Jacobian differs from central differences by " + worst + " (scale " + scale + ")");

        // the normal equations and the gradient are the same J
        double[] jtj = new double[n * n];
        double[] jtr = new double[n];
        double[] r2 = new double[m];
        double loss = s.normalEquations(x, r2, jtj, jtr);
        assertArrayEquals(r, r2, 0);
        double[] gradient = new double[n];
        assertEquals(loss, s.evaluate(x, gradient), 1e-12 * loss);
        for (int a = 0; a < n; a++) {
            double g = 0;
            for (int i = 0; i < m; i++) {
                g += jac[i * n + a] * r[i];
            }
            assertEquals(g, jtr[a], 1e-11 * (1 + Math.abs(g)));
            assertEquals(2 * g, gradient[a], 1e-11 * (1 + Math.abs(g)));
            for (int b = 0; b < n; b += 7) {
                double v = 0;
                for (int i = 0; i < m; i++) {
                    v += jac[i * n + a] * jac[i * n + b];
                }
                assertEquals(v, jtj[a * n + b], 1e-11 * (1 + Math.abs(v)));
            }
        }
    }

    @Test
    void positiveDiffusionFieldWithBoundaryValuesAndScalarReaction() {
        Unknown a = Unknown.field(Coefficient.DIFFUSION).positive().withBoundary(A_EXACT);
        Unknown c = Unknown.scalar(Coefficient.REACTION, 0.8).positive();
        InverseProblem ip = new InverseProblem(problem(true), List.of(a, c), observations());
        double[] scalars = {0, OutputMap.SOFTPLUS.inverse(0.8)};
        Kan fa = kan(4);
        InverseSystem s = system(ip, kan(3), Arrays.asList(fa, null), scalars, 2);
        assertEquals(s.offset(1) + 1, s.dimension());
        checkJacobian(s);
    }

    @Test
    void sourceFieldAndScalarDiffusionOnMlps() {
        Unknown f = Unknown.field(Coefficient.SOURCE);
        Unknown a = Unknown.scalar(Coefficient.DIFFUSION, 1.3);
        InverseProblem ip = new InverseProblem(problem(false), List.of(f, a), observations());
        double[] scalars = {0, 1.3};
        InverseSystem s = system(ip, Mlp.tanh(5, 2, 4, 1), Arrays.asList(Mlp.tanh(6, 2, 3, 1), null), scalars, 1);
        checkJacobian(s);
    }

    @Test
    void reactionFieldWithIdentityOutput() {
        Unknown c = Unknown.field(Coefficient.REACTION).withBoundary(Field.constant(0.5));
        InverseProblem ip = new InverseProblem(problem(false), List.of(c), observations());
        checkJacobian(system(ip, kan(8), Arrays.asList(kan(9)), new double[1], 2));
    }

    @Test
    void theDataDegreesOfFreedomAreTheTraceOfTheDenseHatMatrix() {
        // rows: 30 PDE residuals and 9 observations (u free on the boundary); 17 + 1 parameters
        Unknown c = Unknown.scalar(Coefficient.REACTION, 0.5);
        InverseProblem ip = new InverseProblem(problem(false), List.of(c), observations()).withoutBoundaryConditions();
        double[] expected = new double[2];
        double[] found = new double[2];
        for (int t = 0; t < 2; t++) {
            InverseSystem s = system(ip, Mlp.tanh(5, 2, 4, 1), Arrays.asList((TrialFunction) null), new double[] {0.5}, t + 1);
            double[] x = s.currentPoint();
            int m = s.residualCount();
            int n = s.dimension();
            double[] r = new double[m];
            double[] j = new double[m * n];
            s.jacobian(x, r, j);
            org.hipparchus.linear.RealMatrix jac = org.hipparchus.linear.MatrixUtils.createRealMatrix(m, n);
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < n; k++) {
                    jac.setEntry(i, k, j[i * n + k]);
                }
            }
            org.hipparchus.linear.RealMatrix data = jac.getSubMatrix(s.interiorCount(), m - 1, 0, n - 1);
            org.hipparchus.linear.RealMatrix gram = jac.transpose().multiply(jac);
            double ridge = 1e-12 * gram.getTrace() / n;
            for (int k = 0; k < n; k++) {
                gram.addToEntry(k, k, ridge);
            }
            org.hipparchus.linear.RealMatrix hat = new org.hipparchus.linear.CholeskyDecomposition(gram, 1e-14, 1e-300)
                    .getSolver().solve(data.transpose().multiply(data));
            expected[t] = hat.getTrace();
            found[t] = s.dataDegreesOfFreedom(x);
        }
        assertEquals(9, m(ip), "observations");
        assertTrue(expected[0] > 0.5 && expected[0] < 9, "p " + expected[0]);
        assertEquals(expected[0], found[0], 1e-8 * expected[0]);
        assertEquals(found[0], found[1], 0, "the same digits on 1 and 2 threads");
    }

    private static int m(InverseProblem ip) {
        return ip.observations().size();
    }

    @Test
    void sumsDoNotDependOnTheThreadCount() {
        Unknown a = Unknown.field(Coefficient.DIFFUSION).positive().withBoundary(A_EXACT);
        InverseProblem ip = new InverseProblem(problem(false), List.of(a), observations());
        double[][] jtj = new double[2][];
        double[][] jtr = new double[2][];
        for (int t = 0; t < 2; t++) {
            InverseSystem s = system(ip, kan(3), Arrays.asList(kan(4)), new double[1], t + 1);
            int n = s.dimension();
            jtj[t] = new double[n * n];
            jtr[t] = new double[n];
            s.normalEquations(s.currentPoint(), new double[s.residualCount()], jtj[t], jtr[t]);
        }
        assertArrayEquals(jtj[0], jtj[1], 0);
        assertArrayEquals(jtr[0], jtr[1], 0);
    }

    @Test
    void softplusDerivativesMatchDifferences() {
        for (double q : new double[] {-40, -3, -0.2, 0, 0.7, 5, 35}) {
            OutputMap s = OutputMap.SOFTPLUS;
            double h = 1e-5;
            assertEquals((s.value(q + h) - s.value(q - h)) / (2 * h), s.first(q), 1e-8);
            assertEquals((s.first(q + h) - s.first(q - h)) / (2 * h), s.second(q), 1e-8);
            assertTrue(s.value(q) > 0);
            if (q > -30) {
                assertEquals(q, s.inverse(s.value(q)), 1e-9 * Math.max(1, Math.abs(q)));
            }
        }
    }
}
