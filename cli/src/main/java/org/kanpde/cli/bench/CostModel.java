package org.kanpde.cli.bench;

import java.util.Arrays;

import org.kanpde.net.TrialFunction;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Recipes;

/**
 * A network whose per-iteration cost is timed: a KAN on a fixed grid or a tanh MLP, and whether
 * Levenberg-Marquardt is timed too (it needs the n x n normal matrix, so only small networks).
 *
 * @param kan    KAN (true) or MLP
 * @param hidden hidden widths
 * @param grid   KAN grid size (0 for an MLP)
 * @param order  KAN spline order (0 for an MLP)
 * @param lm     whether to time the Levenberg-Marquardt kernels as well as the gradient
 */
record CostModel(boolean kan, int[] hidden, int grid, int order, boolean lm) {
    CostModel {
        hidden = hidden.clone();
        if (kan && (grid < 1 || order < 1)) {
            throw new IllegalArgumentException("a KAN needs grid and order >= 1, got " + grid + " and " + order);
        }
    }

    static CostModel kan(int[] hidden, int grid, int order) {
        return new CostModel(true, hidden, grid, order, true);
    }

    static CostModel mlp(int[] hidden, boolean lm) {
        return new CostModel(false, hidden, 0, 0, lm);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    int[] widths(int d) {
        int[] w = new int[hidden.length + 2];
        w[0] = d;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = 1;
        return w;
    }

    /** The network, built as the trainer's stage on that grid would see it (weights from the seed). */
    TrialFunction build(Problem problem, long seed) {
        int[] widths = widths(problem.dimension());
        return kan ? Recipes.kan(problem, widths, new int[] {grid}, new int[] {order}, seed) : Recipes.mlp(problem, widths, seed);
    }

    String label(int d) {
        return kan ? "KAN " + RunSpec.join(widths(d)) + " G=" + grid + " k=" + order
                : "MLP " + RunSpec.join(widths(d)) + " tanh";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostModel c && c.kan == kan && Arrays.equals(c.hidden, hidden) && c.grid == grid
                && c.order == order && c.lm == lm;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + grid * 7 + order + (kan ? 1 : 0) + (lm ? 2 : 0);
    }

    @Override
    public String toString() {
        return (kan ? "KAN" : "MLP") + " hidden " + Arrays.toString(hidden) + (kan ? " G=" + grid + " k=" + order : "")
                + (lm ? ", LM and gradient" : ", gradient");
    }
}
