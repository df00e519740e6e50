package org.kanpde.plots;

import java.util.List;

import org.kanpde.solver.train.TrainingResult;

/**
 * One series of a scaling study: the error reached by models of several sizes, e.g. KANs on grids 5,
 * 10, 20, 50 or MLPs of increasing width. Immutable (arrays are copied in and out).
 */
public final class ScalingSeries {
    private final String label;
    private final double[] parameters;
    private final double[] errors;

    /**
     * @param label      legend label, e.g. "KAN [2,5,1]"
     * @param parameters parameter count of each model, finite and &gt; 0
     * @param errors     error of each model, finite and &gt; 0 (log scales cannot show 0)
     * @throws IllegalArgumentException if the label is blank, the arrays are empty or differ in length,
     *                                  or a value is not finite and positive
     */
    public ScalingSeries(String label, double[] parameters, double[] errors) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("series label must not be blank, got '" + label + "'");
        }
        if (parameters == null || errors == null || parameters.length == 0) {
            throw new IllegalArgumentException("series '" + label + "' needs at least one point");
        }
        if (parameters.length != errors.length) {
            throw new IllegalArgumentException("series '" + label + "' has " + parameters.length + " parameter counts but "
                    + errors.length + " errors");
        }
        for (int t = 0; t < parameters.length; t++) {
            if (!(parameters[t] > 0) || !Double.isFinite(parameters[t])) {
                throw new IllegalArgumentException("series '" + label + "': parameter count " + t
                        + " must be finite and > 0, got " + parameters[t]);
            }
            if (!(errors[t] > 0) || !Double.isFinite(errors[t])) {
                throw new IllegalArgumentException("series '" + label + "': error " + t
                        + " must be finite and > 0 for a log-log plot, got " + errors[t]);
            }
        }
        this.label = label;
        this.parameters = parameters.clone();
        this.errors = errors.clone();
    }

    /**
     * A series of training results: parameter counts from the solutions, errors from their relative L2
     * metrics.
     *
     * @throws IllegalArgumentException if a result has no metrics (no exact solution) or the list is empty
     */
    public static ScalingSeries of(String label, List<TrainingResult> results) {
        if (results == null || results.isEmpty()) {
            throw new IllegalArgumentException("series '" + label + "' needs at least one result");
        }
        double[] p = new double[results.size()];
        double[] e = new double[results.size()];
        for (int t = 0; t < p.length; t++) {
            TrainingResult r = results.get(t);
            if (r.metrics() == null) {
                throw new IllegalArgumentException("series '" + label + "': result " + t
                        + " has no error metrics (no exact solution)");
            }
            p[t] = r.solution().parameterCount();
            e[t] = r.metrics().relL2();
        }
        return new ScalingSeries(label, p, e);
    }

    /** The label. */
    public String label() {
        return label;
    }

    /** Parameter counts (a copy). */
    public double[] parameters() {
        return parameters.clone();
    }

    /** Errors (a copy). */
    public double[] errors() {
        return errors.clone();
    }

    /** Number of points. */
    public int size() {
        return parameters.length;
    }

    /**
     * Least-squares slope of log10(error) against log10(parameters): the exponent s in
     * error ~ C parameters^s.
     *
     * @return the slope, or NaN with fewer than two distinct parameter counts
     */
    public double slope() {
        double[] fit = fit();
        return fit == null ? Double.NaN : fit[0];
    }

    /** {slope, intercept} of the log-log fit, or null with fewer than two distinct parameter counts. */
    double[] fit() {
        int n = parameters.length;
        double mx = 0;
        double my = 0;
        for (int t = 0; t < n; t++) {
            mx += Math.log10(parameters[t]);
            my += Math.log10(errors[t]);
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int t = 0; t < n; t++) {
            double dx = Math.log10(parameters[t]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log10(errors[t]) - my);
        }
        if (!(sxx > 1e-24)) {
            return null;
        }
        double slope = sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }
}
