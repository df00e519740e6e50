package org.kanpde.solver.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdamTest {

    private static final double[] LAMBDA = {1.0, 2.0, 3.0, 5.0, 10.0};
    private static final double[] CENTER = {1.0, -2.0, 0.5, 3.0, -1.0};
    private static final double[] AXIS = {1.0, 1.0, 1.0, 1.0, 1.0};

    private static DifferentiableObjective quadratic() {
        return TestObjectives.quadratic(LAMBDA, CENTER, AXIS);
    }

    /** f(x) = a . x, whose gradient never changes. */
    private static DifferentiableObjective linear(double... a) {
        return new DifferentiableObjective() {
            @Override
            public int dimension() {
                return a.length;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                if (gradient != null) {
                    System.arraycopy(a, 0, gradient, 0, a.length);
                }
                return Vectors.dot(a, x);
            }
        };
    }

    @Test
    void reducesConvexQuadraticToNearItsMinimum() {
        MinimizerRun run = new Adam().withLearningRate(0.05).start(quadratic(), new double[5]);
        double start = run.value();
        for (int k = 0; k < 2000 && run.step(); k++) {
            // keep stepping
        }
        assertTrue(run.value() < 1e-12 * start, "value " + run.value());
        for (int i = 0; i < 5; i++) {
            assertEquals(CENTER[i], run.point()[i], 1e-6);
        }
    }

    @Test
    void constantGradientMovesEachCoordinateByTheDecayedLearningRate() {
        // With a constant gradient the bias-corrected moments equal g and g^2, so step t moves
        // every coordinate by learningRate * decay^(t-1) against the sign of its gradient.
        double lr = 0.01;
        double decay = 0.5;
        MinimizerRun run = new Adam().withLearningRate(lr).withLearningRateDecay(decay)
                .start(linear(3.0, -0.5, 1.0), new double[3]);
        int steps = 10;
        for (int k = 0; k < steps; k++) {
            assertTrue(run.step());
        }
        double travelled = lr * (1.0 - Math.pow(decay, steps)) / (1.0 - decay);
        assertArrayEquals(new double[] {-travelled, travelled, -travelled}, run.point(), 1e-6 * travelled);
        assertEquals(steps, run.iterations());
        assertEquals(steps + 1, run.evaluations());
    }

    @Test
    void matchesTheUpdateFormulaWithClippingAndDecay() {
        double lr = 0.1;
        double b1 = 0.8;
        double b2 = 0.99;
        double eps = 1e-6;
        double decay = 0.97;
        double clip = 2.0;
        Adam adam = new Adam().withLearningRate(lr).withBeta1(b1).withBeta2(b2).withEpsilon(eps)
                .withLearningRateDecay(decay).withGradientClipNorm(clip);
        DifferentiableObjective f = quadratic();
        MinimizerRun run = adam.start(f, new double[5]);

        double[] x = new double[5];
        double[] g = new double[5];
        double[] m = new double[5];
        double[] v = new double[5];
        boolean clipped = false;
        for (int t = 1; t <= 30; t++) {
            f.evaluate(x, g);
            double norm = Vectors.norm(g);
            double scale = norm > clip ? clip / norm : 1.0;
            clipped |= scale < 1.0;
            for (int i = 0; i < 5; i++) {
                double gi = g[i] * scale;
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                x[i] -= lr * Math.pow(decay, t - 1) * mHat / (Math.sqrt(vHat) + eps);
            }
            assertTrue(run.step());
            assertArrayEquals(x, run.point(), 1e-12, "step " + t);
            assertEquals(f.evaluate(x, null), run.value(), 1e-12);
        }
        assertTrue(clipped, "test should exercise clipping");
    }

    @Test
    void valueIsTheValueAtTheCurrentPoint() {
        DifferentiableObjective f = quadratic();
        MinimizerRun run = new Adam().withLearningRate(0.5).start(f, new double[5]);
        for (int k = 0; k < 20; k++) {
            run.step();
            assertEquals(f.evaluate(run.point().clone(), null), run.value(), 0.0);
        }
    }

    @Test
    void sameStartGivesBitIdenticalIterates() {
        Adam adam = new Adam().withLearningRate(0.02).withGradientClipNorm(5.0).withLearningRateDecay(0.999);
        MinimizerRun a = adam.start(TestObjectives.rosenbrock(4), new double[] {-1.2, 1.0, -1.2, 1.0});
        MinimizerRun b = adam.start(TestObjectives.rosenbrock(4), new double[] {-1.2, 1.0, -1.2, 1.0});
        for (int k = 0; k < 500; k++) {
            assertEquals(a.step(), b.step());
            assertArrayEquals(a.point(), b.point());
            assertEquals(Double.doubleToRawLongBits(a.value()), Double.doubleToRawLongBits(b.value()));
        }
    }

    @Test
    void atExactMinimumStepReturnsFalseAndChangesNothing() {
        MinimizerRun run = new Adam().start(quadratic(), CENTER.clone());
        assertFalse(run.step());
        assertArrayEquals(CENTER, run.point());
        assertEquals(0.0, run.value());
        assertEquals(0, run.iterations());
        assertEquals(1, run.evaluations());
    }

    @Test
    void nonFiniteValueAtTheNewPointIsRejected() {
        // f(x) = -x, defined only for x < 0.5; a unit learning rate jumps out of the domain.
        DifferentiableObjective f = new DifferentiableObjective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                boolean inside = x[0] < 0.5;
                if (gradient != null) {
                    gradient[0] = inside ? -1.0 : Double.NaN;
                }
                return inside ? -x[0] : Double.NaN;
            }
        };
        MinimizerRun run = new Adam().withLearningRate(1.0).start(f, new double[] {0.0});
        double value = run.value();
        assertFalse(run.step());
        assertArrayEquals(new double[] {0.0}, run.point());
        assertEquals(value, run.value());
        assertEquals(0, run.iterations());
        assertEquals(2, run.evaluations());
    }

    @Test
    void settingsAreImmutableAndListedByToString() {
        Adam defaults = new Adam();
        assertEquals(1e-3, defaults.learningRate());
        assertEquals(0.9, defaults.beta1());
        assertEquals(0.999, defaults.beta2());
        assertEquals(1e-8, defaults.epsilon());
        assertEquals(1.0, defaults.learningRateDecay());
        assertEquals(Double.POSITIVE_INFINITY, defaults.gradientClipNorm());
        Adam changed = defaults.withLearningRate(0.01).withBeta1(0.5).withBeta2(0.9).withEpsilon(1e-6)
                .withLearningRateDecay(0.99).withGradientClipNorm(3.0);
        assertNotSame(defaults, changed);
        assertEquals(1e-3, defaults.learningRate());
        assertEquals("adam", changed.name());
        assertEquals("Adam[learningRate=0.01, beta1=0.5, beta2=0.9, epsilon=1.0E-6, learningRateDecay=0.99, "
                + "gradientClipNorm=3.0]", changed.toString());
        assertTrue(defaults.toString().contains("gradientClipNorm=Infinity"));
    }

    @Test
    void invalidSettingsNameTheBadValue() {
        Adam adam = new Adam();
        LbfgsTest.assertMessage("learning rate must be finite and > 0, got -1.0", () -> adam.withLearningRate(-1.0));
        LbfgsTest.assertMessage("got 0.0", () -> adam.withLearningRate(0.0));
        LbfgsTest.assertMessage("got Infinity", () -> adam.withLearningRate(Double.POSITIVE_INFINITY));
        LbfgsTest.assertMessage("beta1 must be in [0, 1), got 1.0", () -> adam.withBeta1(1.0));
        LbfgsTest.assertMessage("got -0.1", () -> adam.withBeta1(-0.1));
        LbfgsTest.assertMessage("beta2 must be in [0, 1), got NaN", () -> adam.withBeta2(Double.NaN));
        LbfgsTest.assertMessage("got 0.0", () -> adam.withEpsilon(0.0));
        LbfgsTest.assertMessage("got 1.5", () -> adam.withLearningRateDecay(1.5));
        LbfgsTest.assertMessage("got 0.0", () -> adam.withLearningRateDecay(0.0));
        LbfgsTest.assertMessage("got -2.0", () -> adam.withGradientClipNorm(-2.0));
        LbfgsTest.assertMessage("got NaN", () -> adam.withGradientClipNorm(Double.NaN));
    }
}
