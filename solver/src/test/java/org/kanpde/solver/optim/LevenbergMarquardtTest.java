package org.kanpde.solver.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LevenbergMarquardtTest {

    /** Residuals r(x) with an analytic Jacobian, for small test problems. */
    private abstract static class Dense implements LeastSquaresObjective {
        abstract void jacobian(double[] x, double[] jac);

        @Override
        public double normalEquations(double[] x, double[] r, double[] jtj, double[] jtr) {
            int m = residualCount();
            int n = dimension();
            double loss = residuals(x, r);
            double[] jac = new double[m * n];
            jacobian(x, jac);
            for (int a = 0; a < n; a++) {
                jtr[a] = 0;
                for (int i = 0; i < m; i++) {
                    jtr[a] += jac[i * n + a] * r[i];
                }
                for (int b = 0; b < n; b++) {
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        s += jac[i * n + a] * jac[i * n + b];
                    }
                    jtj[a * n + b] = s;
                }
            }
            return loss;
        }
    }

    /** Rosenbrock as least squares: r = (10 (y - x^2), 1 - x). */
    private static final Dense ROSENBROCK = new Dense() {
        public int dimension() {
            return 2;
        }

        public int residualCount() {
            return 2;
        }

        public double residuals(double[] x, double[] r) {
            r[0] = 10 * (x[1] - x[0] * x[0]);
            r[1] = 1 - x[0];
            return r[0] * r[0] + r[1] * r[1];
        }

        void jacobian(double[] x, double[] j) {
            j[0] = -20 * x[0];
            j[1] = 10;
            j[2] = -1;
            j[3] = 0;
        }
    };

    @Test
    void solvesRosenbrockToMachinePrecision() {
        MinimizerRun run = new LevenbergMarquardt().start(ROSENBROCK, new double[] {-1.2, 1});
        int steps = 0;
        while (run.step() && steps < 200) {
            steps++;
        }
        assertArrayEquals(new double[] {1, 1}, run.point(), 1e-10);
        assertTrue(run.value() < 1e-20, "final value " + run.value());
        assertTrue(steps < 100, "took " + steps + " steps");
        assertFalse(run.step(), "no progress possible at the exact minimum");
    }

    @Test
    void fitsAnExponentialModelToNoisyData() {
        // y = 2 exp(-1.5 t) + 0.3 + noise: a zero-residual-free problem with a known least-squares answer region
        int m = 50;
        double[] t = new double[m];
        double[] y = new double[m];
        SplittableRandom random = new SplittableRandom(1);
        double noise = 0;
        for (int i = 0; i < m; i++) {
            t[i] = i * 0.1;
            double e = 1e-3 * random.nextGaussian();
            noise += e * e;
            y[i] = 2 * Math.exp(-1.5 * t[i]) + 0.3 + e;
        }
        Dense fit = new Dense() {
            public int dimension() {
                return 3;
            }

            public int residualCount() {
                return m;
            }

            public double residuals(double[] x, double[] r) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    r[i] = x[0] * Math.exp(-x[1] * t[i]) + x[2] - y[i];
                    s += r[i] * r[i];
                }
                return s;
            }

            void jacobian(double[] x, double[] j) {
                for (int i = 0; i < m; i++) {
                    double e = Math.exp(-x[1] * t[i]);
                    j[3 * i] = e;
                    j[3 * i + 1] = -x[0] * t[i] * e;
                    j[3 * i + 2] = 1;
                }
            }
        };
        MinimizerRun run = new LevenbergMarquardt().start(fit, new double[] {1, 0.5, 0});
        double[] r = new double[m];
        for (int k = 0; k < 100 && run.step(); k++) {
            assertEquals(fit.residuals(run.point(), r), run.value(), 1e-15 * run.value(), "the value at the point, step " + k);
        }
        assertEquals(2, run.point()[0], 1e-2);
        assertEquals(1.5, run.point()[1], 1e-2);
        assertEquals(0.3, run.point()[2], 1e-2);
        // the true parameters leave exactly the noise, and the least-squares fit of 3 parameters a
        // little less (m - 3 of m degrees of freedom remain)
        assertTrue(run.value() <= noise && run.value() > 0.8 * noise, "residual " + run.value() + ", noise " + noise);
    }

    @Test
    void valuesNeverIncrease() {
        MinimizerRun run = new LevenbergMarquardt().withInitialDamping(1e-6).start(ROSENBROCK, new double[] {-1.2, 1});
        double last = run.value();
        while (run.step()) {
            assertTrue(run.value() <= last);
            last = run.value();
        }
    }

    @Test
    void invalidSettingsAndStartsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LevenbergMarquardt().withInitialDamping(-1));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LevenbergMarquardt().start(ROSENBROCK, new double[] {1}));
        assertTrue(e.getMessage().contains("length 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LevenbergMarquardt().start(ROSENBROCK, new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void choleskySolvesSpdSystemsAndRejectsIndefiniteOnes() {
        int n = 37;
        SplittableRandom r = new SplittableRandom(2);
        double[] b = r.doubles(n * n, -1, 1).toArray();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.1 : 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        double[] x = r.doubles(n, -1, 1).toArray();
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rhs[i] += a[i * n + j] * x[j];
            }
        }
        double[] factor = a.clone();
        assertTrue(Cholesky.factorize(factor, n));
        Cholesky.solve(factor, n, rhs);
        assertArrayEquals(x, rhs, 1e-9);
        double[] indefinite = {1, 2, 2, 1};
        assertFalse(Cholesky.factorize(indefinite, 2));
    }

    @Test
    void normalEquationsThatDoNotFitInMemoryAreRefusedWithTheAlternatives() {
        long sixGigabytes = 6L << 30;
        LevenbergMarquardt.checkSize(825, sixGigabytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LevenbergMarquardt.checkSize(20601, sixGigabytes));
        assertTrue(e.getMessage().contains("20601 trainable parameters") && e.getMessage().contains("13.6 GB")
                && e.getMessage().contains("--optimizer adam,lbfgs"), e.getMessage());
        // beyond the largest Java array whatever the memory
        e = assertThrows(IllegalArgumentException.class, () -> LevenbergMarquardt.checkSize(50000, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("50000 x 50000"), e.getMessage());
    }
}
