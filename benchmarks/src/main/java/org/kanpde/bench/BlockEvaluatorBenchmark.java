package org.kanpde.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.kanpde.net.BlockEvaluator;
import org.kanpde.net.Derivatives;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.mlp.Mlp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Points per second of block evaluation (u, gradient and Laplacian, then the reverse pass into the
 * parameter gradient) on one thread, for the big MLP baseline, by block size. Compare with
 * {@link TrialFunctionBenchmark}, which runs the per-point evaluator on the same network.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlockEvaluatorBenchmark {
    private static final int POINTS = 1024;

    /** mlp-2-100-100-100-1: the pykan comparison's MLP; mlp-2-20-20-1: the default MLP. */
    @Param({"mlp-2-100-100-100-1", "mlp-2-20-20-1"})
    public String model;

    @Param({"16", "32", "64"})
    public int block;

    private BlockEvaluator evaluator;
    private double[] points;
    private double[] gradient;
    private double[] adjoints;

    @Setup
    public void setUp() {
        TrialFunction f;
        switch (model) {
            case "mlp-2-100-100-100-1":
                f = Mlp.tanh(1, 2, 100, 100, 100, 1);
                break;
            case "mlp-2-20-20-1":
                f = Mlp.tanh(1, 2, 20, 20, 1);
                break;
            default:
                throw new IllegalArgumentException("unknown model " + model);
        }
        evaluator = f.blockEvaluator(Derivatives.HESSIAN_DIAGONAL, block);
        points = new SplittableRandom(7).doubles(2L * POINTS, -1, 1).toArray();
        gradient = new double[f.parameterCount()];
        adjoints = new double[block * evaluator.channels()];
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double forwardBackward() {
        double sink = 0;
        int channels = evaluator.channels();
        for (int first = 0; first < POINTS; first += block) {
            int count = Math.min(block, POINTS - first);
            double[] jets = evaluator.forward(points, 2 * first, count);
            for (int t = 0; t < count; t++) {
                double laplacian = jets[t * channels + 3] + jets[t * channels + 4];
                sink += laplacian;
                adjoints[t * channels] = -laplacian;
                adjoints[t * channels + 1] = 0.1;
                adjoints[t * channels + 2] = -0.2;
                adjoints[t * channels + 3] = -1.0;
                adjoints[t * channels + 4] = -1.0;
            }
            evaluator.backward(adjoints, gradient);
        }
        return sink + gradient[0];
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double forwardOnly() {
        double sink = 0;
        for (int first = 0; first < POINTS; first += block) {
            int count = Math.min(block, POINTS - first);
            sink += evaluator.forward(points, 2 * first, count)[0];
        }
        return sink;
    }
}
