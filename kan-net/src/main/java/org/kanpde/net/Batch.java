package org.kanpde.net;

import org.kanpde.net.parallel.ParallelRunner;

/**
 * Evaluation of a trial function at many points, in parallel over points and in blocks of points
 * ({@link BlockEvaluator}), so that the values are those of the per-point evaluator.
 */
public final class Batch {
    private static final int CHUNK = 256;
    /** Points per block evaluation (a divisor of CHUNK). */
    private static final int BLOCK = 32;

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
        int channels = 1 + grad + second;
        double[][] out = new double[n][channels];
        BlockEvaluator[] evaluators = blockEvaluators(f, level, runner);
        runner.run(n, CHUNK, (chunk, start, end, worker) -> {
            BlockEvaluator ev = evaluators[worker];
            for (int b0 = start; b0 < end; b0 += BLOCK) {
                int count = Math.min(BLOCK, end - b0);
                double[] jets = ev.forward(points, b0 * d, count);
                for (int t = 0; t < count; t++) {
                    System.arraycopy(jets, t * channels, out[b0 + t], 0, channels);
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
        BlockEvaluator[] evaluators = blockEvaluators(f, Derivatives.VALUE, runner);
        runner.run(n, CHUNK, (chunk, start, end, worker) -> {
            BlockEvaluator ev = evaluators[worker];
            for (int b0 = start; b0 < end; b0 += BLOCK) {
                int count = Math.min(BLOCK, end - b0);
                System.arraycopy(ev.forward(points, b0 * d, count), 0, out, b0, count);
            }
        });
        return out;
    }

    private static BlockEvaluator[] blockEvaluators(TrialFunction f, Derivatives level, ParallelRunner runner) {
        BlockEvaluator[] evaluators = new BlockEvaluator[runner.threads()];
        for (int w = 0; w < evaluators.length; w++) {
            evaluators[w] = f.blockEvaluator(level, BLOCK);
        }
        return evaluators;
    }

    private static void checkPoints(double[] points, int d) {
        if (points.length % d != 0) {
            throw new IllegalArgumentException("point array length " + points.length
                    + " is not a multiple of the input dimension " + d);
        }
    }
}
