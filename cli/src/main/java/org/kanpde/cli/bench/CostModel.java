package org.kanpde.cli.bench;

import java.util.Arrays;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Recipes;

/**
 * A network whose per-iteration cost is timed: a KAN on a fixed grid (of any edge basis) or a tanh
 * MLP, and whether Levenberg-Marquardt is timed too (it needs the n x n normal matrix, so only small
 * networks).
 *
 * @param kan    KAN (true) or MLP
 * @param basis  KAN edge basis (null for an MLP)
 * @param hidden hidden widths
 * @param grid   KAN grid size, or the basis's size parameter (0 for an MLP)
 * @param degree KAN spline degree k (0 for an MLP; ignored by bases other than B-splines)
 * @param lm     whether to time the Levenberg-Marquardt kernels as well as the gradient
 */
record CostModel(boolean kan, BasisType basis, int[] hidden, int grid, int degree, boolean lm) {
    CostModel {
        hidden = hidden.clone();
        if (kan && (grid < 1 || degree < 1 || basis == null)) {
            throw new IllegalArgumentException("a KAN needs a basis and grid and degree >= 1, got " + basis + ", " + grid
                    + " and " + degree);
        }
    }

    /** A B-spline KAN of grid G and degree k. */
    static CostModel kan(int[] hidden, int grid, int degree) {
        return new CostModel(true, BasisType.BSPLINE, hidden, grid, degree, true);
    }

    /** A KAN with another edge basis of size n (degree, centres or frequencies). */
    static CostModel kan(BasisType basis, int[] hidden, int size) {
        return new CostModel(true, basis, hidden, size, Recipes.KAN_DEGREE, true);
    }

    static CostModel mlp(int[] hidden, boolean lm) {
        return new CostModel(false, null, hidden, 0, 0, lm);
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
        return kan ? Recipes.kan(problem, widths, new int[] {grid}, new int[] {degree}, new BasisType[] {basis}, seed)
                : Recipes.mlp(problem, widths, seed);
    }

    String label(int d) {
        if (!kan) {
            return "MLP " + RunSpec.join(widths(d)) + " tanh";
        }
        return "KAN " + RunSpec.join(widths(d)) + (basis == BasisType.BSPLINE ? " G=" + grid + " k=" + degree
                : " " + basis.id() + " n=" + grid);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostModel c && c.kan == kan && c.basis == basis && Arrays.equals(c.hidden, hidden) && c.grid == grid
                && c.degree == degree && c.lm == lm;
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(hidden) * 31 + grid * 7 + degree + (kan ? 1 : 0) + (lm ? 2 : 0)) * 31
                + (basis == null ? 0 : basis.ordinal() + 1);
    }

    @Override
    public String toString() {
        return (kan ? "KAN " + basis.id() : "MLP") + " hidden " + Arrays.toString(hidden) + (kan ? " G=" + grid + " k=" + degree : "")
                + (lm ? ", LM and gradient" : ", gradient");
    }
}
