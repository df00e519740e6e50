package org.kanpde.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.kanpde.net.Derivatives;
import org.kanpde.net.Evaluator;
import org.kanpde.net.Jet;
import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.Kan;
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
 * Points per second of the per-point kernel of physics-informed training: a forward pass with
 * gradient and Laplacian, then the reverse pass into the parameter gradient (dense) or into one
 * sparse Jacobian row, on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrialFunctionBenchmark {
    private static final int POINTS = 1024;

    /** kan-2-10-1: KAN [2,10,1], G=10, k=3; kan-2-5-1-g50-k5: the accuracy recipe; mlp: [2,100,100,100,1] tanh. */
    @Param({"kan-2-10-1", "kan-2-5-1-g50-k5", "mlp-2-100-100-100-1"})
    public String model;

    private Evaluator evaluator;
    private double[] points;
    private double[] gradient;
    private int[] index;
    private double[] value;
    private final double[] gbar = {0.1, -0.2};
    private final double[] sbar = {-1.0, -1.0};

    @Setup
    public void setUp() {
        TrialFunction f;
        switch (model) {
            case "kan-2-10-1":
                f = Kan.builder().widths(2, 10, 1).gridSize(10).degree(3).seed(1).build();
                break;
            case "kan-2-5-1-g50-k5":
                f = Kan.builder().widths(2, 5, 1).gridSize(50).degree(5).seed(1).build();
                break;
            case "mlp-2-100-100-100-1":
                f = Mlp.tanh(1, 2, 100, 100, 100, 1);
                break;
            default:
                throw new IllegalArgumentException("unknown model " + model);
        }
        evaluator = f.evaluator(Derivatives.HESSIAN_DIAGONAL);
        points = new SplittableRandom(7).doubles(2L * POINTS, -1, 1).toArray();
        gradient = new double[f.parameterCount()];
        index = new int[evaluator.maxNonZeros()];
        value = new double[evaluator.maxNonZeros()];
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double forwardBackwardDense() {
        double sink = 0;
        for (int i = 0; i < POINTS; i++) {
            Jet jet = evaluator.forward(points, 2 * i);
            sink += jet.laplacian();
            evaluator.backward(-jet.laplacian(), gbar, sbar, gradient);
        }
        return sink + gradient[0];
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double forwardJacobianRow() {
        double sink = 0;
        for (int i = 0; i < POINTS; i++) {
            Jet jet = evaluator.forward(points, 2 * i);
            sink += jet.laplacian();
            int n = evaluator.backwardSparse(0.0, null, sbar, index, value);
            sink += value[n - 1];
        }
        return sink;
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double forwardOnly() {
        double sink = 0;
        for (int i = 0; i < POINTS; i++) {
            sink += evaluator.forward(points, 2 * i).laplacian();
        }
        return sink;
    }
}
