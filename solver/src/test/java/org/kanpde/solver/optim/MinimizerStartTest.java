package org.kanpde.solver.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Start-point validation and copying, common to every minimizer of the package. */
class MinimizerStartTest {

    /** The first-order methods' start on any differentiable objective. */
    @FunctionalInterface
    interface Starter {
        MinimizerRun start(DifferentiableObjective objective, double[] start);
    }

    static Stream<Starter> minimizers() {
        Adam adam = new Adam();
        Lbfgs lbfgs = new Lbfgs();
        return Stream.of(adam::start, lbfgs::start);
    }

    /** An objective of the given dimension with a fixed value and gradient. */
    private static DifferentiableObjective constant(int n, double value, double gradientEntry) {
        return new DifferentiableObjective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                if (gradient != null) {
                    java.util.Arrays.fill(gradient, gradientEntry);
                }
                return value;
            }
        };
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void rejectsStartOfWrongLength(Starter minimizer) {
        LbfgsTest.assertMessage("dimension 3, got 2",
                () -> minimizer.start(TestObjectives.rosenbrock(3), new double[2]));
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void rejectsNonFiniteStartNamingIndexAndValue(Starter minimizer) {
        LbfgsTest.assertMessage("start[1] = NaN",
                () -> minimizer.start(TestObjectives.rosenbrock(3), new double[] {0.0, Double.NaN, 0.0}));
        LbfgsTest.assertMessage("start[2] = -Infinity",
                () -> minimizer.start(TestObjectives.rosenbrock(3),
                        new double[] {0.0, 0.0, Double.NEGATIVE_INFINITY}));
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void rejectsNonFiniteValueOrGradientAtStart(Starter minimizer) {
        LbfgsTest.assertMessage("value at the start point must be finite, got Infinity",
                () -> minimizer.start(constant(2, Double.POSITIVE_INFINITY, 0.0), new double[2]));
        LbfgsTest.assertMessage("gradient[0] = NaN",
                () -> minimizer.start(constant(2, 1.0, Double.NaN), new double[2]));
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void rejectsEmptyObjective(Starter minimizer) {
        LbfgsTest.assertMessage("dimension must be >= 1, got 0",
                () -> minimizer.start(constant(0, 1.0, 0.0), new double[0]));
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void copiesTheStartPointAndEvaluatesThere(Starter minimizer) {
        double[] start = {-1.2, 1.0};
        MinimizerRun run = minimizer.start(TestObjectives.rosenbrock(2), start);
        assertNotSame(start, run.point());
        run.step();
        assertArrayEquals(new double[] {-1.2, 1.0}, start);
        MinimizerRun fresh = minimizer.start(TestObjectives.rosenbrock(2), start);
        assertEquals(TestObjectives.rosenbrock(2).evaluate(start, null), fresh.value());
        assertEquals(0, fresh.iterations());
        assertEquals(1, fresh.evaluations());
    }
}
