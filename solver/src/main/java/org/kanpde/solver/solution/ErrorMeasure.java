package org.kanpde.solver.solution;

import org.kanpde.net.Batch;
import org.kanpde.net.Derivatives;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.problem.ReferenceData;
import org.kanpde.solver.quadrature.QuadratureRule;

/**
 * Measures {@link ErrorMetrics} of trial functions against a problem's exact solution on one
 * quadrature rule, independent of the training points. The exact solution is evaluated once.
 */
public final class ErrorMeasure {
    private final int d;
    private final QuadratureRule rule;
    private final double[] points;
    private final double[] exact;
    private final double[] exactGradient;
    private final double normL2;
    private final double normH1;
    private final boolean atPoints;

    private ErrorMeasure(ReferenceData data) {
        this.d = data.dimension();
        this.points = data.points();
        this.exact = data.values();
        double[] ones = new double[exact.length];
        java.util.Arrays.fill(ones, 1.0);
        this.rule = new QuadratureRule(d, points, ones);
        this.exactGradient = null;
        double l2 = 0;
        for (double v : exact) {
            l2 += v * v;
        }
        this.normL2 = Math.sqrt(l2);
        this.normH1 = Double.NaN;
        this.atPoints = true;
    }

    /**
     * Errors at the points of reference data, all of weight 1: the relative L2 error is PINNacle's
     * {@code sqrt(sum (u - u_ref)^2 / sum u_ref^2)}, the max error the largest |u - u_ref|, and the H1
     * error is NaN (no gradients).
     *
     * @param data the reference data
     * @return the measure
     */
    public static ErrorMeasure atPoints(ReferenceData data) {
        return new ErrorMeasure(data);
    }

    /** @return whether this measure is taken at reference data's points (not by quadrature) */
    public boolean isAtPoints() {
        return atPoints;
    }

    /**
     * @param problem a problem with an exact solution
     * @param rule    the quadrature rule (for example {@code problem.domain().quadrature(8, 16)})
     * @throws IllegalArgumentException if the problem has no exact solution, dimensions differ, or the
     *                                  exact solution or its gradient is not finite at a quadrature
     *                                  node (the message names the node)
     */
    public ErrorMeasure(Problem problem, QuadratureRule rule) {
        if (!problem.hasExactSolution()) {
            throw new IllegalArgumentException("problem '" + problem.name() + "' has no exact solution to measure errors against");
        }
        this.d = problem.dimension();
        if (rule.dimension() != d) {
            throw new IllegalArgumentException("quadrature rule is " + rule.dimension() + "-D, the problem is " + d + "-D");
        }
        this.rule = rule;
        this.points = rule.points();
        Field u = problem.exactSolution();
        int n = rule.size();
        this.exact = new double[n];
        this.exactGradient = u.hasDerivatives() ? new double[n * d] : null;
        double[] z = new double[d];
        double[] jet = new double[1 + 2 * d];
        double l2 = 0;
        double h1 = 0;
        for (int i = 0; i < n; i++) {
            rule.point(i, z);
            double w = rule.weight(i);
            if (exactGradient != null) {
                u.derivatives(z, jet);
                exact[i] = jet[0];
                for (int k = 0; k < d; k++) {
                    exactGradient[i * d + k] = jet[1 + k];
                    h1 += w * jet[1 + k] * jet[1 + k];
                }
            } else {
                exact[i] = u.value(z);
            }
            // a NaN here would turn every error into NaN without saying why
            checkFinite(problem, z, exact[i], exactGradient, i * d);
            l2 += w * exact[i] * exact[i];
        }
        this.normL2 = Math.sqrt(l2);
        this.normH1 = Math.sqrt(h1);
        this.atPoints = false;
    }

    private void checkFinite(Problem problem, double[] z, double value, double[] gradient, int offset) {
        String what = null;
        if (!Double.isFinite(value)) {
            what = "is " + value;
        } else if (gradient != null) {
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(gradient[offset + k])) {
                    what = "has a gradient component " + k + " of " + gradient[offset + k];
                    break;
                }
            }
        }
        if (what != null) {
            StringBuilder p = new StringBuilder("(");
            for (int k = 0; k < d; k++) {
                p.append(k == 0 ? "" : ", ").append(z[k]);
            }
            throw new IllegalArgumentException("the exact solution of problem '" + problem.name() + "' " + what
                    + " at the quadrature node " + p + "); errors cannot be measured against it (is it defined in the "
                    + "whole domain?)");
        }
    }

    /** Number of quadrature nodes. */
    public int nodes() {
        return rule.size();
    }

    /** Errors of {@code f}, evaluated in parallel on {@code runner}. */
    public ErrorMetrics measure(TrialFunction f, ParallelRunner runner) {
        boolean gradient = exactGradient != null;
        double[][] values = Batch.evaluate(f, points, gradient ? Derivatives.GRADIENT : Derivatives.VALUE, runner);
        double l2 = 0;
        double h1 = 0;
        double max = 0;
        for (int i = 0; i < values.length; i++) {
            double w = rule.weight(i);
            double e = values[i][0] - exact[i];
            l2 += w * e * e;
            max = Math.max(max, Math.abs(e));
            if (Double.isNaN(e)) {
                max = Double.NaN;
            }
            if (gradient) {
                for (int k = 0; k < d; k++) {
                    double ek = values[i][1 + k] - exactGradient[i * d + k];
                    h1 += w * ek * ek;
                }
            }
        }
        double rel = normL2 > 0 ? Math.sqrt(l2) / normL2 : Math.sqrt(l2);
        double relH1 = !gradient ? Double.NaN : normH1 > 0 ? Math.sqrt(h1) / normH1 : Math.sqrt(h1);
        return new ErrorMetrics(rel, max, relH1, values.length);
    }
}
