package org.kanpde.solver.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrongWolfeLineSearchTest {

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    /** f(x) = exp(x) - 2x, minimizer ln 2. */
    private static final TestObjectives.Scalar EXP = new TestObjectives.Scalar() {
        @Override
        public double value(double x) {
            return Math.exp(x) - 2.0 * x;
        }

        @Override
        public double derivative(double x) {
            return Math.exp(x) - 2.0;
        }
    };

    /** f(x) = (x - 3)^4 + (x - 3)^2, minimizer 3: flat near the minimum, steep far away. */
    private static final TestObjectives.Scalar QUARTIC = new TestObjectives.Scalar() {
        @Override
        public double value(double x) {
            double d = x - 3.0;
            return d * d * d * d + d * d;
        }

        @Override
        public double derivative(double x) {
            double d = x - 3.0;
            return 4.0 * d * d * d + 2.0 * d;
        }
    };

    /** f(x) = x^2 + 0.3 sin(5x)^2: nonconvex, with several stationary points. */
    private static final TestObjectives.Scalar WIGGLY = new TestObjectives.Scalar() {
        @Override
        public double value(double x) {
            double s = Math.sin(5.0 * x);
            return x * x + 0.3 * s * s;
        }

        @Override
        public double derivative(double x) {
            return 2.0 * x + 3.0 * Math.sin(5.0 * x) * Math.cos(5.0 * x);
        }
    };

    @Test
    void everyAcceptedStepSatisfiesStrongWolfeAndDescentReachesKnownMinimizer() {
        double[] initialSteps = {1e-6, 1e-2, 1.0, 1e2, 1e5};
        for (TestObjectives.Scalar f : new TestObjectives.Scalar[] {EXP, QUARTIC}) {
            double minimizer = f == EXP ? Math.log(2.0) : 3.0;
            for (double initialStep : initialSteps) {
                double x = descend(f, -2.0, initialStep, 25);
                assertEquals(minimizer, x, 1e-6, "initial step " + initialStep);
            }
        }
    }

    @Test
    void strongWolfeHoldsOnNonconvexFunction() {
        for (double start : new double[] {-2.0, -0.7, 0.35, 1.3, 4.0}) {
            for (double initialStep : new double[] {1e-3, 1.0, 50.0}) {
                double x = descend(WIGGLY, start, initialStep, 40);
                // Any stationary point is acceptable here; the check is on the conditions.
                assertTrue(Math.abs(WIGGLY.derivative(x)) < 1e-6, "start " + start + ", x " + x);
            }
        }
    }

    /**
     * Steepest descent in 1-D driven by the line search; asserts the strong Wolfe conditions for
     * each accepted step against an independent evaluation, and returns the final point.
     */
    private static double descend(TestObjectives.Scalar f, double start, double initialStep,
                                  int maxEvaluations) {
        DifferentiableObjective objective = TestObjectives.oneDimensional(f);
        StrongWolfeLineSearch search = new StrongWolfeLineSearch(C1, C2, maxEvaluations);
        double[] x = {start};
        double[] d = new double[1];
        double[] trialX = new double[1];
        double[] trialG = new double[1];
        for (int iteration = 0; iteration < 200; iteration++) {
            double fx = f.value(x[0]);
            double gx = f.derivative(x[0]);
            if (Math.abs(gx) < 1e-10) {
                break;
            }
            d[0] = -Math.signum(gx);
            double slope0 = gx * d[0];
            boolean ok = search.search(objective, x, fx, d, slope0, initialStep, trialX, trialG);
            assertTrue(search.evaluations() >= 1 && search.evaluations() <= maxEvaluations);
            if (!ok) {
                break;
            }
            double a = search.step();
            assertTrue(a > 0.0);
            // The trial buffers hold the accepted point and its gradient.
            assertEquals(x[0] + a * d[0], trialX[0], 0.0);
            assertEquals(f.derivative(trialX[0]), trialG[0], 0.0);
            double fa = f.value(trialX[0]);
            double slopeA = f.derivative(trialX[0]) * d[0];
            assertEquals(fa, search.value(), 0.0);
            assertEquals(slopeA, search.slope(), 0.0);
            assertTrue(fa <= fx + C1 * a * slope0, "sufficient decrease at step " + a);
            assertTrue(Math.abs(slopeA) <= C2 * Math.abs(slope0), "curvature at step " + a);
            x[0] = trialX[0];
        }
        return x[0];
    }

    @Test
    void findsStepThroughExtrapolationAndThroughZoom() {
        DifferentiableObjective quadratic = TestObjectives.oneDimensional(new TestObjectives.Scalar() {
            @Override
            public double value(double x) {
                return (x - 10.0) * (x - 10.0);
            }

            @Override
            public double derivative(double x) {
                return 2.0 * (x - 10.0);
            }
        });
        StrongWolfeLineSearch search = new StrongWolfeLineSearch(C1, C2, 25);
        double[] x = {0.0};
        double[] d = {1.0};
        double[] tx = new double[1];
        double[] tg = new double[1];
        // Tiny first step: must grow by extrapolation.
        assertTrue(search.search(quadratic, x, 100.0, d, -20.0, 1e-4, tx, tg));
        assertTrue(search.evaluations() > 1);
        assertTrue(Math.abs(2.0 * (tx[0] - 10.0)) <= C2 * 20.0);
        // Huge first step: must shrink by zoom; the cubic fits a quadratic exactly.
        assertTrue(search.search(quadratic, x, 100.0, d, -20.0, 1e3, tx, tg));
        assertEquals(10.0, tx[0], 1e-9);
    }

    @Test
    void failsWhenNoAcceptablePointExists() {
        // Linear and unbounded below: the slope never shrinks, so the budget runs out.
        DifferentiableObjective linear = TestObjectives.oneDimensional(new TestObjectives.Scalar() {
            @Override
            public double value(double x) {
                return -x;
            }

            @Override
            public double derivative(double x) {
                return -1.0;
            }
        });
        StrongWolfeLineSearch search = new StrongWolfeLineSearch(C1, C2, 12);
        double[] tx = new double[1];
        double[] tg = new double[1];
        assertFalse(search.search(linear, new double[] {0.0}, 0.0, new double[] {1.0}, -1.0, 1.0, tx, tg));
        assertEquals(12, search.evaluations());

        // Not a number anywhere but at the start: backs away until the budget runs out.
        DifferentiableObjective poisoned = TestObjectives.oneDimensional(new TestObjectives.Scalar() {
            @Override
            public double value(double x) {
                return x == 0.0 ? 0.0 : Double.NaN;
            }

            @Override
            public double derivative(double x) {
                return x == 0.0 ? -1.0 : Double.NaN;
            }
        });
        assertFalse(search.search(poisoned, new double[] {0.0}, 0.0, new double[] {1.0}, -1.0, 1.0, tx, tg));
        assertEquals(12, search.evaluations());
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StrongWolfeLineSearch(0.5, 0.25, 10));
        assertTrue(e.getMessage().contains("0.5") && e.getMessage().contains("0.25"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StrongWolfeLineSearch(C1, C2, 0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());

        StrongWolfeLineSearch search = new StrongWolfeLineSearch(C1, C2, 10);
        DifferentiableObjective f = TestObjectives.oneDimensional(EXP);
        double[] b = new double[1];
        e = assertThrows(IllegalArgumentException.class,
                () -> search.search(f, new double[] {0.0}, 1.0, new double[] {1.0}, 0.25, 1.0, b, b));
        assertTrue(e.getMessage().contains("0.25"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> search.search(f, new double[] {0.0}, 1.0, new double[] {1.0}, -1.0, -3.5, b, b));
        assertTrue(e.getMessage().contains("-3.5"), e.getMessage());
    }

    @Test
    void cubicMinimizerIsExactForQuadraticsAndNaNWithoutMinimum() {
        // f = (x - 2)^2 sampled at 0 and 5.
        assertEquals(2.0, StrongWolfeLineSearch.cubicMinimizer(0.0, 4.0, -4.0, 5.0, 9.0, 6.0), 1e-12);
        // f = -x^3 on [-1, 1] has no local minimizer.
        assertTrue(Double.isNaN(StrongWolfeLineSearch.cubicMinimizer(-1.0, 1.0, -3.0, 1.0, -1.0, -3.0)));
    }
}
