package org.kanpde.net;

import org.kanpde.net.parallel.ParallelRunner;

/** Evaluation of a trial function at many points, in parallel over points. */
public final class Batch {
    private static final int CHUNK = 256;

    private Batch() {
    }

    /**
     * Values, gradients and second derivatives at every point.
     *
     * @param f      the function
     * @param points flat n x d coordinates
     * @param level  derivatives wanted
     * @param runner threads to use
     * @return {@code out[n][c]}: per point, channel 0 is u, channels 1..d the gradient (if carried),
     *         then the second derivatives in {@link Jet#pairs()} order
     */
    public static double[][] evaluate(TrialFunction f, double[] points, Derivatives level, ParallelRunner runner) {
        int d = f.inputDimension();
        checkPoints(points, d);
        int n = points.length / d;
        int grad = level.order() >= 1 ? d : 0;
        int second = level.secondCount(d);
        double[][] out = new double[n][1 + grad + second];
        Evaluator[] evaluators = new Evaluator[runner.threads()];
        for (int w = 0; w < evaluators.length; w++) {
            evaluators[w] = f.evaluator(level);
        }
        runner.run(n, CHUNK, (chunk, start, end, worker) -> {
            Evaluator ev = evaluators[worker];
            for (int t = start; t < end; t++) {
                Jet jet = ev.forward(points, t * d);
                double[] row = out[t];
                row[0] = jet.value();
                for (int k = 0; k < grad; k++) {
                    row[1 + k] = jet.gradient(k);
                }
                for (int p = 0; p < second; p++) {
                    row[1 + grad + p] = jet.second(p);
                }
            }
        });
        return out;
    }

    /** u at every point (flat n x d input), in parallel. */
    public static double[] values(TrialFunction f, double[] points, ParallelRunner runner) {
        int d = f.inputDimension();
        checkPoints(points, d);
        int n = points.length / d;
        double[] out = new double[n];
        Evaluator[] evaluators = new Evaluator[runner.threads()];
        for (int w = 0; w < evaluators.length; w++) {
            evaluators[w] = f.evaluator(Derivatives.VALUE);
        }
        runner.run(n, CHUNK, (chunk, start, end, worker) -> {
            Evaluator ev = evaluators[worker];
            for (int t = start; t < end; t++) {
                out[t] = ev.forward(points, t * d).value();
            }
        });
        return out;
    }

    private static void checkPoints(double[] points, int d) {
        if (points.length % d != 0) {
            throw new IllegalArgumentException("point array length " + points.length
                    + " is not a multiple of the input dimension " + d);
        }
    }
}
