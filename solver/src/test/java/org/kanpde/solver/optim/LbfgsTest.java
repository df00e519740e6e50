package org.kanpde.solver.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LbfgsTest {

    private static double[] rosenbrockStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return x;
    }

    /** Steps until step() returns false or the cap is hit; returns the number of true steps. */
    private static int runToEnd(MinimizerRun run, int cap) {
        int steps = 0;
        while (steps < cap && run.step()) {
            steps++;
        }
        return steps;
    }

    private static double maxDistance(double[] x, double[] target) {
        double d = 0.0;
        for (int i = 0; i < x.length; i++) {
            d = Math.max(d, Math.abs(x[i] - target[i]));
        }
        return d;
    }

    private static void assertFindsRosenbrockMinimum(Lbfgs lbfgs, int n, int cap) {
        MinimizerRun run = lbfgs.start(TestObjectives.rosenbrock(n), rosenbrockStart(n));
        int steps = runToEnd(run, cap);
        assertTrue(steps < cap, "still making progress after " + cap + " iterations");
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        assertTrue(maxDistance(run.point(), ones) < 1e-8, Arrays.toString(run.point()));
        assertTrue(run.value() < 1e-16, "value " + run.value());
        assertEquals(steps, run.iterations());
    }

    @Test
    void findsMinimumOfTwoDimensionalRosenbrock() {
        assertFindsRosenbrockMinimum(new Lbfgs(), 2, 200);
    }

    @Test
    void findsMinimumOfTenDimensionalRosenbrock() {
        assertFindsRosenbrockMinimum(new Lbfgs(), 10, 300);
    }

    @Test
    void smallMemoryWrapsTheCircularBuffersCorrectly() {
        assertFindsRosenbrockMinimum(new Lbfgs().withMemory(3), 10, 400);
        assertFindsRosenbrockMinimum(new Lbfgs().withMemory(1), 2, 400);
    }

    @Test
    void convergesOnIllConditionedQuadratic() {
        int n = 50;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = Math.cos(i);
        }
        DifferentiableObjective f = TestObjectives.illConditionedQuadratic(n, 1e4, c);
        double tolerance = 1e-9;
        MinimizerRun run = new Lbfgs().withMemory(10).withGradientTolerance(tolerance).start(f, new double[n]);
        // Eigenvalues spread log-uniformly over four decades are a hard case for memory 10: SciPy's
        // L-BFGS-B needs about 1000 iterations on this problem too.
        int steps = runToEnd(run, 3000);
        assertTrue(steps < 3000, "no convergence within 3000 iterations");
        double[] g = new double[n];
        f.evaluate(run.point(), g);
        assertTrue(Vectors.norm(g) <= tolerance);
        // |x - c| <= |g| / lambda_min = |g|.
        assertTrue(maxDistance(run.point(), c) < 1e-8);
    }

    @Test
    void everyAcceptedStepSatisfiesStrongWolfe() {
        DifferentiableObjective f = TestObjectives.rosenbrock(4);
        MinimizerRun run = new Lbfgs().start(f, rosenbrockStart(4));
        double[] g = new double[4];
        double[] gNext = new double[4];
        double[] s = new double[4];
        int accepted = 0;
        while (accepted < 500) {
            double[] before = run.point().clone();
            double fBefore = f.evaluate(before, g);
            if (!run.step()) {
                break;
            }
            accepted++;
            double fAfter = f.evaluate(run.point(), gNext);
            assertEquals(fAfter, run.value(), 0.0);
            for (int i = 0; i < 4; i++) {
                s[i] = run.point()[i] - before[i];
            }
            // a * phi'(0) = g's and a * phi'(a) = g_next's, up to the rounding of s.
            double slope0 = Vectors.dot(g, s);
            double slopeA = Vectors.dot(gNext, s);
            double slack = 1e-9 * Math.abs(slope0) + 1e-300;
            assertTrue(slope0 < 0.0, "not a descent step");
            assertTrue(fAfter <= fBefore + 1e-4 * slope0 + slack + 1e-15 * Math.abs(fBefore),
                    "sufficient decrease fails at iteration " + accepted);
            assertTrue(Math.abs(slopeA) <= 0.9 * Math.abs(slope0) + slack,
                    "curvature fails at iteration " + accepted);
        }
        assertTrue(accepted > 10);
    }

    @Test
    void valueNeverIncreases() {
        MinimizerRun run = new Lbfgs().start(TestObjectives.rosenbrock(6), rosenbrockStart(6));
        double previous = run.value();
        while (run.step()) {
            assertTrue(run.value() <= previous);
            previous = run.value();
        }
    }

    @Test
    void sameStartGivesBitIdenticalIterates() {
        Lbfgs lbfgs = new Lbfgs().withMemory(4);
        MinimizerRun a = lbfgs.start(TestObjectives.rosenbrock(10), rosenbrockStart(10));
        MinimizerRun b = lbfgs.start(TestObjectives.rosenbrock(10), rosenbrockStart(10));
        boolean more = true;
        while (more) {
            more = a.step();
            assertEquals(more, b.step());
            assertArrayEquals(a.point(), b.point());
            assertEquals(Double.doubleToRawLongBits(a.value()), Double.doubleToRawLongBits(b.value()));
            assertEquals(a.evaluations(), b.evaluations());
        }
        assertTrue(a.iterations() > 20);
    }

    @Test
    void atExactMinimumStepReturnsFalseAndChangesNothing() {
        MinimizerRun run = new Lbfgs().start(TestObjectives.rosenbrock(3), new double[] {1.0, 1.0, 1.0});
        double[] point = run.point();
        for (int k = 0; k < 3; k++) {
            assertFalse(run.step());
        }
        assertSame(point, run.point());
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, run.point());
        assertEquals(0.0, run.value());
        assertEquals(0, run.iterations());
        assertEquals(1, run.evaluations());
    }

    @Test
    void failedLineSearchLeavesPointAndValueUnchanged() {
        // Unbounded linear function: no step satisfies the curvature condition.
        DifferentiableObjective linear = new DifferentiableObjective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                if (gradient != null) {
                    gradient[0] = -1.0;
                    gradient[1] = 2.0;
                }
                return -x[0] + 2.0 * x[1];
            }
        };
        MinimizerRun run = new Lbfgs().withMaxLineSearchEvaluations(10).start(linear, new double[] {0.5, 0.25});
        assertFalse(run.step());
        assertArrayEquals(new double[] {0.5, 0.25}, run.point());
        assertEquals(0.0, run.value());
        assertEquals(0, run.iterations());
        assertEquals(11, run.evaluations());
    }

    @Test
    void gradientToleranceStopsTheRun() {
        DifferentiableObjective f = TestObjectives.rosenbrock(2);
        MinimizerRun run = new Lbfgs().withGradientTolerance(1e-3).start(f, rosenbrockStart(2));
        runToEnd(run, 200);
        double[] g = new double[2];
        f.evaluate(run.point(), g);
        assertTrue(Vectors.norm(g) <= 1e-3);
        double[] stopped = run.point().clone();
        int evaluations = run.evaluations();
        assertFalse(run.step());
        assertArrayEquals(stopped, run.point());
        assertEquals(evaluations, run.evaluations());
    }

    @Test
    void settingsAreImmutableAndDocumentedDefaultsHold() {
        Lbfgs defaults = new Lbfgs();
        assertEquals(100, defaults.memory());
        assertEquals(0.0, defaults.gradientTolerance());
        assertEquals(1e-4, defaults.c1());
        assertEquals(0.9, defaults.c2());
        assertEquals(25, defaults.maxLineSearchEvaluations());
        Lbfgs changed = defaults.withMemory(5).withGradientTolerance(1e-6).withWolfeConstants(1e-3, 0.5)
                .withMaxLineSearchEvaluations(40);
        assertNotSame(defaults, changed);
        assertEquals(100, defaults.memory());
        assertEquals(5, changed.memory());
        assertEquals(1e-6, changed.gradientTolerance());
        assertEquals(1e-3, changed.c1());
        assertEquals(0.5, changed.c2());
        assertEquals(40, changed.maxLineSearchEvaluations());
        assertEquals("lbfgs", changed.name());
        assertEquals("Lbfgs[memory=5, gradientTolerance=1.0E-6, c1=0.001, c2=0.5, maxLineSearchEvaluations=40]",
                changed.toString());
    }

    @Test
    void invalidSettingsNameTheBadValue() {
        Lbfgs lbfgs = new Lbfgs();
        assertMessage("got 0", () -> lbfgs.withMemory(0));
        assertMessage("got -1.0", () -> lbfgs.withGradientTolerance(-1.0));
        assertMessage("got NaN", () -> lbfgs.withGradientTolerance(Double.NaN));
        assertMessage("got Infinity", () -> lbfgs.withGradientTolerance(Double.POSITIVE_INFINITY));
        assertMessage("c1 = 0.9, c2 = 0.1", () -> lbfgs.withWolfeConstants(0.9, 0.1));
        assertMessage("c1 = 0.0", () -> lbfgs.withWolfeConstants(0.0, 0.5));
        assertMessage("c2 = 1.0", () -> lbfgs.withWolfeConstants(0.1, 1.0));
        assertMessage("got -2", () -> lbfgs.withMaxLineSearchEvaluations(-2));
    }

    static void assertMessage(String expectedPart, Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(expectedPart),
                "message '" + e.getMessage() + "' lacks '" + expectedPart + "'");
    }

    @Test
    void manyUnknownsKeepFewerPairs() {
        Lbfgs lbfgs = new Lbfgs();
        assertEquals(100, lbfgs.memoryFor(20_601));
        // 128 MB of pairs: 16 bytes per unknown and pair
        assertEquals(83, lbfgs.memoryFor(100_000));
        assertEquals(10, lbfgs.memoryFor(50_000_000));
        assertEquals(3, lbfgs.withMemory(3).memoryFor(50_000_000));
    }
}
