package org.kanpde.solver.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.kanpde.solver.PdeSolver;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.solution.Solution;
import org.kanpde.solver.train.TrainingResult;

/** What a simulation code does: define a problem in Java, solve it, use the solution through Hipparchus. */
class EmbeddingTest {

    /** -u'' = 2 on [0, 1], u(0) = u(1) = 0: u = x (1 - x). */
    private static Problem parabola() {
        return Problem.builder().name("parabola").domain(Box.interval(0, 1))
                .source(Field.constant(2))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(Field.smooth(1, z -> z[0].multiply(z[0].negate().add(1))))
                .build();
    }

    private static Solution solve(int threads) {
        TrainingResult result = PdeSolver.kan().widths(1, 2, 1).grids(5, 10).iterations(60).points(200)
                .sampling(SamplingScheme.SOBOL).seed(2).threads(threads).build().solve(parabola());
        assertTrue(result.metrics().relL2() < 1e-6, result.metrics().toString());
        return result.solution();
    }

    @Test
    void aSolutionPlugsIntoHipparchus() {
        Solution u = solve(2);
        double integral = new IterativeLegendreGaussIntegrator(8, 1e-12, 1e-12)
                .integrate(10_000, u.asUnivariate(), 0, 1);
        assertEquals(1.0 / 6, integral, 1e-6);
        double root = new BrentSolver(1e-12).solve(1000, x -> u.value(x) - 0.2, 0, 0.5);
        assertEquals((1 - Math.sqrt(0.2)) / 2, root, 1e-6);
        DerivativeStructure x = new DSFactory(1, 2).variable(0, 0.3);
        DerivativeStructure ux = u.asUnivariate().value(x);
        assertEquals(0.21, ux.getValue(), 1e-6);
        assertEquals(0.4, ux.getPartialDerivative(1), 1e-5);
        assertEquals(-2, ux.getPartialDerivative(2), 1e-3);
        assertEquals(u.value(0.3), u.asFunction().value(new double[] {0.3}), 0.0);
        assertEquals(ux.getPartialDerivative(1), u.asGradient().value(new double[] {0.3})[0], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> u.asUnivariate().value(new DSFactory(1, 3).variable(0, 0.3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> u.value(0.1, 0.2));
        assertTrue(e.getMessage().contains("2 coordinates"), e.getMessage());
    }

    @Test
    void sixteenThreadsReadOneSolutionAndSeeExactlyTheSingleThreadValues() throws Exception {
        Solution u = solve(2);
        double[] x = new SplittableRandom(1).doubles(2000, 0, 1).toArray();
        double[] reference = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            reference[i] = u.value(x[i]) + u.laplacian(x[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                futures.add(pool.submit(() -> {
                    double[] out = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        out[i] = u.value(x[i]) + u.laplacian(x[i]);
                    }
                    return out;
                }));
            }
            for (Future<double[]> f : futures) {
                assertArrayEquals(reference, f.get(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trainingRunsInOneJvmDoNotInterfere() throws Exception {
        double[] sequential = solve(1).function().parameters();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> runs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int threads = 1 + t;
                runs.add(pool.submit(() -> solve(threads).function().parameters()));
            }
            for (Future<double[]> r : runs) {
                assertArrayEquals(sequential, r.get(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
