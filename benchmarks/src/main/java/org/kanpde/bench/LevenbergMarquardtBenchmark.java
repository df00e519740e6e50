package org.kanpde.bench;

import java.util.concurrent.TimeUnit;

import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.optim.Cholesky;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * One Levenberg-Marquardt step of the accuracy recipe's last stage (KAN [2,5,1], G=50, k=5: 825
 * trainable coefficients, 6,600 residual rows): the normal equations, the damped system
 * J^T J + mu D, its Cholesky factorization and the two triangular solves; and the factorization
 * alone, and the solves alone, at n = 825. Milliseconds per call.
 *
 * <p>{@code choleskyFactorize} restores the damped matrix before every call (an untimed
 * {@code Level.Invocation} setup; at tens of milliseconds per call its overhead does not matter).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LevenbergMarquardtBenchmark {
    /** Damping relative to the diagonal, as in a Levenberg-Marquardt trial. */
    private static final double MU = 1e-3;

    /** Worker threads; the factor is bit-identical for any number. */
    @Param({"1", "2"})
    public int threads;

    private ParallelRunner runner;
    private ResidualFixture f;
    private int n;
    private double[] residuals;
    private double[] jtj;
    private double[] jtr;
    private double[] damped;
    private double[] work;
    private double[] factor;
    private double[] step;

    @Setup(Level.Trial)
    public void setUp() {
        runner = new ParallelRunner(threads);
        f = new ResidualFixture("kan-2-5-1-g50-k5", 6000, 600, runner);
        n = f.n();
        residuals = new double[f.rows.count()];
        jtj = new double[n * n];
        jtr = new double[n];
        f.system.normalEquations(f.x, residuals, jtj, jtr);
        damped = new double[n * n];
        damp(jtj, damped);
        work = new double[n * n];
        factor = damped.clone();
        if (!Cholesky.factorize(factor, n, runner)) {
            throw new IllegalStateException("the damped normal matrix is not positive definite");
        }
        step = new double[n];
    }

    @Setup(Level.Invocation)
    public void restore() {
        System.arraycopy(damped, 0, work, 0, n * n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }

    /** Normal equations, damping, factorization and solve: one accepted step's linear algebra. */
    @Benchmark
    public double lmStep() {
        f.system.normalEquations(f.x, residuals, jtj, jtr);
        damp(jtj, work);
        Cholesky.factorize(work, n, runner);
        for (int i = 0; i < n; i++) {
            step[i] = -jtr[i];
        }
        Cholesky.solve(work, n, step);
        return step[0];
    }

    /** The factorization of the damped 825 x 825 matrix alone. */
    @Benchmark
    public boolean choleskyFactorize() {
        return Cholesky.factorize(work, n, runner);
    }

    /** The two triangular solves with the factor alone. */
    @Benchmark
    public double choleskySolve() {
        for (int i = 0; i < n; i++) {
            step[i] = -jtr[i];
        }
        Cholesky.solve(factor, n, step);
        return step[n - 1];
    }

    private void damp(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, n * n);
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, from[i * n + i]);
        }
        for (int i = 0; i < n; i++) {
            to[i * n + i] += MU * Math.max(from[i * n + i], 1e-9 * max);
        }
    }
}
