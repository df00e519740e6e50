package org.kanpde.solver.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.geometry.CsgDomain;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.NamedDomain;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.problem.Problem;

/**
 * The default models and schedules: the best recipes measured so far (see the README's
 * measurements), so that a user who sets nothing gets them.
 *
 * <p>KAN: widths [d, 2d+1, 1] (the width of the Kolmogorov-Arnold representation: [2,5,1] in 2-D;
 * on the 3-D Poisson problem [3,5,1] stalled at 1e-2 where [3,7,1] reached 2.6e-8), quintic
 * splines (k = 5), grids 5, 10, 20, 50 (5, 10, 20 in 3-D, where G = 50 makes every
 * Levenberg-Marquardt iteration cost seconds) for 150, 150, 300 and 400 iterations, only the spline
 * coefficients training, first-layer grids spanning the domain. Schedules count iterations rather than seconds so that the same seed gives
 * the same numbers; a time limit only caps the stages (in proportion to their expected cost).
 *
 * <p>MLP: [d, 20, 20, 1] tanh with Levenberg-Marquardt, which beat Adam followed by L-BFGS on
 * [d, 100, 100, 100, 1] by orders of magnitude at equal time. MLPs of more than
 * {@value #MLP_LM_MAX_PARAMETERS} parameters, whose dense normal equations cost too much per
 * iteration, train with {@value #ADAM_WARMUP} Adam iterations and then L-BFGS.
 *
 * <p>Boundary weight: {@value #BOUNDARY_WEIGHT_LM} with Levenberg-Marquardt (100 left the boundary
 * error dominant, 1e4 was worse) and for KANs, {@value #BOUNDARY_WEIGHT_FIRST_ORDER} for MLPs whose
 * every stage is Adam or L-BFGS. On poisson2d-sin, 60 s of L-BFGS on [2,100,100,100,1] reached
 * relative L2 1.1e-1 with weight 1000, 2.8e-2 with 100, 9.7e-3 with 10 and 1.1e-1 with 1: a large
 * weight makes the MLP's loss badly conditioned, which Levenberg-Marquardt's damped Gauss-Newton
 * steps absorb and first-order steps do not. KANs behave the other way: on poisson2d-paper, 120 s
 * of L-BFGS on the default KAN reached 6.5e-5 with weight 1000 and 8.7e-4 with 10, Adam 3.8e-4
 * and 8.8e-3.
 */
public final class Recipes {
    /** Default KAN grid schedule in 1 and 2 dimensions. */
    public static final int[] KAN_GRIDS = {5, 10, 20, 50};
    /** Default KAN grid schedule in 3 dimensions. */
    public static final int[] KAN_GRIDS_3D = {5, 10, 20};
    /** Default KAN spline degree k (quintic). */
    public static final int KAN_DEGREE = 5;
    /** Default MLP hidden widths. */
    public static final int[] MLP_HIDDEN = {20, 20};
    /** Default interior collocation points of a KAN (6000 random points gave the best KAN errors). */
    public static final int KAN_POINTS = 6000;
    /** Default interior collocation points of an MLP (its LM iterations cost more per point). */
    public static final int MLP_POINTS = 3000;
    /** Default total time cap of {@code kanpde solve}, in seconds. */
    public static final double TIME_LIMIT = 120;
    /** Default time cap per model of {@code kanpde compare}, in seconds (60 s was hit on a busy machine). */
    public static final double COMPARE_TIME_LIMIT = 90;
    /** Largest MLP (parameters) that trains with Levenberg-Marquardt by default. */
    public static final int MLP_LM_MAX_PARAMETERS = 1000;
    /** Adam iterations before L-BFGS in the default schedule of large MLPs. */
    public static final int ADAM_WARMUP = 30;
    /** L-BFGS iterations after the warm-up in the default schedule of large MLPs (the time limit usually ends it first). */
    public static final int LBFGS_AFTER_WARMUP = 5000;
    /** Default boundary weight of KANs and of schedules with a Levenberg-Marquardt stage. */
    public static final double BOUNDARY_WEIGHT_LM = 1000;
    /** Default boundary weight of MLPs whose every stage uses Adam or L-BFGS. */
    public static final double BOUNDARY_WEIGHT_FIRST_ORDER = 10;

    private Recipes() {
    }

    /** Default KAN widths for a d-dimensional problem. */
    public static int[] kanWidths(int d) {
        return new int[] {d, 2 * d + 1, 1};
    }

    /**
     * Hidden width of the default KAN on a 2-D domain with holes (a {@link CsgDomain} difference).
     * Solutions there carry a feature around every hole: on PINNacle's 2d-C (four holes) [2,5,1]
     * stalled at loss 2.7e-2 and 4.4e-3 relative L2 against the reference, [2,10,1] reached loss
     * 3.3e-6 and 3.7e-5 (BENCHMARKS.md, "Problems that others wrote").
     */
    public static final int KAN_HOLED_2D_WIDTH = 10;

    /**
     * Default KAN widths for a problem: {@link #kanWidths(int)}, except [2, {@link #KAN_HOLED_2D_WIDTH}, 1]
     * on a 2-D domain with holes.
     */
    public static int[] kanWidths(Problem problem) {
        Domain domain = problem.domain();
        if (domain instanceof NamedDomain named) {
            domain = named.domain();
        }
        if (problem.dimension() == 2 && domain instanceof CsgDomain csg && csg.operation() == CsgDomain.Operation.DIFFERENCE) {
            return new int[] {2, KAN_HOLED_2D_WIDTH, 1};
        }
        return kanWidths(problem.dimension());
    }

    /** Default KAN grid schedule for a d-dimensional problem. */
    public static int[] kanGrids(int d) {
        return (d >= 3 ? KAN_GRIDS_3D : KAN_GRIDS).clone();
    }

    /** Default MLP widths for a d-dimensional problem. */
    public static int[] mlpWidths(int d) {
        int[] w = new int[MLP_HIDDEN.length + 2];
        w[0] = d;
        System.arraycopy(MLP_HIDDEN, 0, w, 1, MLP_HIDDEN.length);
        w[w.length - 1] = 1;
        return w;
    }

    /** Default interior collocation points of a KAN or an MLP (a tenth as many on the boundary). */
    public static int points(boolean kan) {
        return kan ? KAN_POINTS : MLP_POINTS;
    }

    /**
     * Checks layer widths against a problem: at least two entries, each &gt;= 1, the problem's
     * dimension first and 1 last.
     *
     * @throws IllegalArgumentException naming the widths and what they should be
     */
    public static void checkWidths(Problem problem, int[] widths) {
        int d = problem.dimension();
        boolean positive = widths != null && Arrays.stream(widths).allMatch(w -> w >= 1);
        if (widths == null || widths.length < 2 || !positive || widths[0] != d || widths[widths.length - 1] != 1) {
            throw new IllegalArgumentException("widths " + (widths == null ? "null" : Arrays.toString(widths).replace(" ", ""))
                    + " do not fit problem '" + problem.name() + "': it is " + d + "-D, so widths must start with " + d
                    + ", end with 1 and be >= 1 (e.g. " + Arrays.toString(kanWidths(d)).replace(" ", "") + ")");
        }
    }

    /**
     * A KAN for a problem: first-layer grids span the domain's bounding box, hidden grids [-1, 1].
     *
     * @param grid   initial grid size (one for all layers, or one per layer)
     * @param degree spline degree k (one for all layers, or one per layer)
     * @param basis  edge bases (one for all layers, or one per layer)
     */
    public static Kan kan(Problem problem, int[] widths, int[] grid, int[] degree, BasisType[] basis, long seed) {
        checkWidths(problem, widths);
        return Kan.builder().widths(widths).basis(basis).gridSize(grid).degree(degree)
                .inputRange(problem.domain().lower(), problem.domain().upper()).seed(seed).build();
    }

    /** A tanh MLP for a problem. */
    public static Mlp mlp(Problem problem, int[] widths, long seed) {
        checkWidths(problem, widths);
        return Mlp.tanh(seed, widths);
    }

    /**
     * The default optimizers of a model: Levenberg-Marquardt for KANs and for MLPs of at most
     * {@link #MLP_LM_MAX_PARAMETERS} parameters, else an Adam warm-up followed by L-BFGS.
     *
     * @param kan        whether the model is a KAN
     * @param parameters the model's parameter count
     */
    public static Optimizer[] optimizers(boolean kan, int parameters) {
        if (kan || parameters <= MLP_LM_MAX_PARAMETERS) {
            return new Optimizer[] {new LevenbergMarquardt()};
        }
        return new Optimizer[] {new Adam(), new Lbfgs()};
    }

    /**
     * The default boundary weight: {@link #BOUNDARY_WEIGHT_LM} for KANs and for schedules with a
     * Levenberg-Marquardt stage, else (MLPs trained by Adam and L-BFGS only)
     * {@link #BOUNDARY_WEIGHT_FIRST_ORDER}.
     *
     * @param kan    whether the model is a KAN
     * @param stages the schedule
     */
    public static double boundaryWeight(boolean kan, List<Stage> stages) {
        if (kan || stages.stream().anyMatch(s -> s.optimizer() instanceof LevenbergMarquardt)) {
            return BOUNDARY_WEIGHT_LM;
        }
        return BOUNDARY_WEIGHT_FIRST_ORDER;
    }

    /**
     * Default iterations when stage s runs {@code optimizers[s]}: Levenberg-Marquardt 150 per stage
     * with 300 and 400 for the last two (where the fine grids converge), or 600 for a single
     * stage; L-BFGS 1000; Adam 2000; the schedule Adam, L-BFGS is the large-MLP recipe,
     * {@value #ADAM_WARMUP} and {@value #LBFGS_AFTER_WARMUP} iterations.
     */
    public static int[] iterations(Optimizer[] optimizers) {
        int n = optimizers.length;
        if (n == 2 && optimizers[0] instanceof Adam && optimizers[1] instanceof Lbfgs) {
            return new int[] {ADAM_WARMUP, LBFGS_AFTER_WARMUP};
        }
        int[] it = new int[n];
        for (int s = 0; s < n; s++) {
            if (optimizers[s] instanceof LevenbergMarquardt) {
                it[s] = n == 1 ? 600 : s == n - 1 ? 400 : s == n - 2 ? 300 : 150;
            } else {
                it[s] = optimizers[s] instanceof Lbfgs ? 1000 : 2000;
            }
        }
        return it;
    }

    /**
     * A schedule of stages: one per entry of {@code optimizers} (with grid sizes per stage and layer
     * for KANs), each with its iteration count and a weight proportional to its expected cost,
     * iterations times (largest grid size + 10) (the constant stands for the work that does not
     * grow with the grid), which shares out a total time limit ({@link Execution#withTimeLimit}).
     *
     * @param optimizers the optimizer of each stage
     * @param grids      grid sizes per stage and layer (for example from {@code GridSchedule.capped}),
     *                   or null for networks without grids
     * @param iterations iterations per stage
     */
    public static List<Stage> schedule(Optimizer[] optimizers, int[][] grids, int[] iterations) {
        int n = optimizers.length;
        if (grids != null && grids.length != n) {
            throw new IllegalArgumentException("need one optimizer per grid stage (" + grids.length + "), got " + n);
        }
        if (iterations.length != n) {
            throw new IllegalArgumentException("need one iteration count per stage (" + n + "), got " + Arrays.toString(iterations));
        }
        double[] cost = new double[n];
        double total = 0;
        for (int s = 0; s < n; s++) {
            cost[s] = (double) iterations[s] * (grids == null ? 1 : Arrays.stream(grids[s]).max().orElse(0) + 10);
            total += cost[s];
        }
        List<Stage> stages = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            Stage stage = Stage.of(optimizers[s]).withIterations(iterations[s]).withWeight(cost[s] / total);
            if (grids != null) {
                stage = stage.withGrid(grids[s]);
            }
            stages.add(stage);
        }
        return stages;
    }
}
