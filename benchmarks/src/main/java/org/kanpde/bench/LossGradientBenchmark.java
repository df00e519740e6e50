package org.kanpde.bench;

import java.util.concurrent.TimeUnit;

import org.kanpde.net.parallel.ParallelRunner;
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
 * The loss and its gradient ({@code ResidualSystem.evaluate}), the per-iteration cost of Adam and of
 * each L-BFGS evaluation, for the large MLP [2,100,100,100,1] (20,601 parameters, too many for
 * Levenberg-Marquardt) on the pykan reference's point count: 2,601 interior + 204 boundary rows.
 * Milliseconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LossGradientBenchmark {
    /** Worker threads; results are bit-identical for any number. */
    @Param({"1", "2"})
    public int threads;

    private ParallelRunner runner;
    private ResidualFixture f;
    private double[] gradient;
    private double[] residuals;

    @Setup
    public void setUp() {
        runner = new ParallelRunner(threads);
        f = new ResidualFixture("mlp-2-100-100-100-1", 2601, 204, runner);
        gradient = new double[f.n()];
        residuals = new double[f.rows.count()];
    }

    @TearDown
    public void tearDown() {
        runner.close();
    }

    /** Loss and gradient over all 20,601 parameters. */
    @Benchmark
    public double gradient() {
        return f.system.evaluate(f.x, gradient) + gradient[0];
    }

    /** The loss alone (the residual pass, e.g. for a line-search trial). */
    @Benchmark
    public double loss() {
        return f.system.residuals(f.x, residuals);
    }
}
