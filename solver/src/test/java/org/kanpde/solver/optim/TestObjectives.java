package org.kanpde.solver.optim;

/** Objectives with known minimizers, shared by the minimizer tests. */
final class TestObjectives {

    private TestObjectives() {
    }

    /**
     * Chained Rosenbrock function {@code sum_i 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2}, minimum 0
     * at (1, ..., 1), where its gradient is exactly zero.
     */
    static DifferentiableObjective rosenbrock(int n) {
        return new DifferentiableObjective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                if (gradient != null) {
                    java.util.Arrays.fill(gradient, 0.0);
                }
                double f = 0.0;
                for (int i = 0; i + 1 < n; i++) {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1.0 - x[i];
                    f += 100.0 * a * a + b * b;
                    if (gradient != null) {
                        gradient[i] += -400.0 * x[i] * a - 2.0 * b;
                        gradient[i + 1] += 200.0 * a;
                    }
                }
                return f;
            }
        };
    }

    /**
     * Quadratic {@code f(x) = 1/2 (x - c)' Q diag(lambda) Q (x - c)} with {@code Q} the Householder
     * reflection {@code I - 2 v v' / v'v}, so that the Hessian is dense but the minimizer is
     * exactly {@code c} with exactly zero gradient there.
     */
    static DifferentiableObjective quadratic(double[] lambda, double[] c, double[] v) {
        int n = lambda.length;
        double vv = 0.0;
        for (double vi : v) {
            vv += vi * vi;
        }
        double twoOverVv = 2.0 / vv;
        double[] z = new double[n];
        return new DifferentiableObjective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                // z = Q (x - c)
                double vd = 0.0;
                for (int i = 0; i < n; i++) {
                    vd += v[i] * (x[i] - c[i]);
                }
                for (int i = 0; i < n; i++) {
                    z[i] = (x[i] - c[i]) - twoOverVv * vd * v[i];
                }
                double f = 0.0;
                for (int i = 0; i < n; i++) {
                    f += 0.5 * lambda[i] * z[i] * z[i];
                    z[i] *= lambda[i];
                }
                if (gradient != null) {
                    // gradient = Q diag(lambda) z
                    double vz = 0.0;
                    for (int i = 0; i < n; i++) {
                        vz += v[i] * z[i];
                    }
                    for (int i = 0; i < n; i++) {
                        gradient[i] = z[i] - twoOverVv * vz * v[i];
                    }
                }
                return f;
            }
        };
    }

    /** Quadratic with eigenvalues spread log-uniformly over [1, condition]. */
    static DifferentiableObjective illConditionedQuadratic(int n, double condition, double[] c) {
        double[] lambda = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.pow(condition, i / (double) (n - 1));
            v[i] = 1.0 + 0.5 * Math.sin(i + 1.0);
        }
        return quadratic(lambda, c, v);
    }

    /** A function of one variable given by its value and derivative. */
    interface Scalar {
        double value(double x);

        double derivative(double x);
    }

    /** Wraps a scalar function as a 1-D objective. */
    static DifferentiableObjective oneDimensional(Scalar f) {
        return new DifferentiableObjective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                if (gradient != null) {
                    gradient[0] = f.derivative(x[0]);
                }
                return f.value(x[0]);
            }
        };
    }
}
