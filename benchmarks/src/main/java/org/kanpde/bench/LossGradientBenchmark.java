package org.kanpde.bench;

import java.util.concurrent.TimeUnit;

import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.train.IterationKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loss and its gradient ({@link IterationKernels#gradient()}), the per-iteration cost of Adam
 * and of each L-BFGS evaluation, and the loss alone (a line-search trial): for the large MLP
 * [2,100,100,100,1] (20,601 parameters, too many for Levenberg-Marquardt) on the pykan reference's
 * point count, 2,601 interior + 204 boundary rows, and for the networks of
 * {@link LevenbergMarquardtBenchmark} on theirs, and for the Python reference's KAN [2,10,1] on its
 * points (the per-evaluation comparison with pykan in BENCHMARKS.md). Milliseconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LossGradientBenchmark {
    /** The networks (see {@link ResidualFixture}). */
    @Param({"mlp-2-100-100-100-1", "kan-2-5-1-g50-k5", "mlp-2-20-20-1", "kan-2-10-1-g5-k3", "kan-2-10-1-g20-k3"})
    public String model;

    /** Worker threads; results are bit-identical for any number. */
    @Param({"1", "2"})
    public int threads;

    private ParallelRunner runner;
    private IterationKernels kernels;

    @Setup
    public void setUp() {
        runner = new ParallelRunner(threads);
        kernels = ResidualFixture.kernels(model, runner);
    }

    @TearDown
    public void tearDown() {
        runner.close();
    }

    /** Loss and gradient over all trainable parameters. */
    @Benchmark
    public double gradient() {
        return kernels.gradient();
    }

    /** The loss alone (the residual pass). */
    @Benchmark
    public double loss() {
        return kernels.loss();
    }
}
