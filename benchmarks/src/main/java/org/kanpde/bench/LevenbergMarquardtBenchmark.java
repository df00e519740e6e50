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
 * The kernels of a Levenberg-Marquardt iteration ({@link IterationKernels}) on 6,000 interior + 600
 * boundary rows of the KAN paper's Poisson problem, for the accuracy recipe's KAN (825 trainable
 * coefficients, sparse rows) and the default MLP (501 parameters, dense rows): the normal equations
 * (residuals, Jacobian rows, J^T J and J^T r), the damped Cholesky factorization and solve, and a
 * whole iteration of the optimizer (trial evaluations included). Milliseconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LevenbergMarquardtBenchmark {
    /** The networks (see {@link ResidualFixture}). */
    @Param({"kan-2-5-1-g50-k5", "mlp-2-20-20-1"})
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
        kernels.normalEquations();
    }

    @TearDown
    public void tearDown() {
        runner.close();
    }

    /** J^T J, J^T r and the loss. */
    @Benchmark
    public double normalEquations() {
        return kernels.normalEquations();
    }

    /** Damping, factorization and solve of one trial step. */
    @Benchmark
    public boolean cholesky() {
        return kernels.cholesky();
    }

    /** One iteration of the optimizer. */
    @Benchmark
    public boolean lmIteration() {
        return kernels.lmIteration();
    }
}
