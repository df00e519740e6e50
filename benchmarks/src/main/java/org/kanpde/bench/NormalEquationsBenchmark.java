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
 * Jacobian assembly of Levenberg-Marquardt: {@code ResidualSystem.normalEquations} (residuals,
 * sparse or dense Jacobian rows, J^T J and J^T r) on 6,000 interior + 600 boundary rows of the KAN
 * paper's Poisson problem, for the accuracy recipe's KAN (825 trainable coefficients, sparse rows)
 * and the default MLP (501 parameters, dense rows); and the loss gradient of the same systems for
 * comparison. Milliseconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NormalEquationsBenchmark {
    /** The networks (see {@link ResidualFixture}). */
    @Param({"kan-2-5-1-g50-k5", "mlp-2-20-20-1"})
    public String model;

    /** Worker threads; results are bit-identical for any number. */
    @Param({"1", "2"})
    public int threads;

    private ParallelRunner runner;
    private ResidualFixture f;
    private double[] residuals;
    private double[] jtj;
    private double[] jtr;
    private double[] gradient;

    @Setup
    public void setUp() {
        runner = new ParallelRunner(threads);
        f = new ResidualFixture(model, 6000, 600, runner);
        int n = f.n();
        residuals = new double[f.rows.count()];
        jtj = new double[n * n];
        jtr = new double[n];
        gradient = new double[n];
    }

    @TearDown
    public void tearDown() {
        runner.close();
    }

    /** J^T J, J^T r and the loss. */
    @Benchmark
    public double normalEquations() {
        return f.system.normalEquations(f.x, residuals, jtj, jtr) + jtj[jtj.length - 1];
    }

    /** The loss and its gradient (what Adam and L-BFGS use). */
    @Benchmark
    public double gradient() {
        return f.system.evaluate(f.x, gradient) + gradient[0];
    }
}
