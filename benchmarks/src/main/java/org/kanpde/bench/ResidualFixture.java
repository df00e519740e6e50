package org.kanpde.bench;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.IterationKernels;
import org.kanpde.solver.train.Recipes;

/**
 * The benchmarked networks by name, each on the KAN paper's Poisson problem with its point count,
 * and their {@link IterationKernels}: the residual system a default training builds (random points
 * drawn as the trainer draws them for seed 1, boundary weight 1000, only the KAN spline
 * coefficients trainable). {@code kanpde bench} times the same kernels across sizes.
 */
final class ResidualFixture {
    /** Seed of the network and of the points. */
    static final long SEED = 1;

    private ResidualFixture() {
    }

    /**
     * @param name   kan-2-5-1-g50-k5 (the accuracy recipe's last stage, 825 trainable
     *               coefficients) or mlp-2-20-20-1 (the default MLP, 501 parameters), both on 6,000
     *               interior and 600 boundary points; or mlp-2-100-100-100-1 (20,601 parameters) on
     *               the pykan reference's 2,601 + 204
     * @param runner threads (owned by the caller)
     */
    static IterationKernels kernels(String name, ParallelRunner runner) {
        Problem problem = ProblemCatalog.get("poisson2d-paper");
        TrialFunction model;
        Collocation points = Collocation.of(6000).withBoundaryPoints(600);
        switch (name) {
            case "kan-2-5-1-g50-k5":
                model = Recipes.kan(problem, new int[] {2, 5, 1}, new int[] {50}, new int[] {5}, new BasisType[] {BasisType.BSPLINE}, SEED);
                break;
            case "mlp-2-20-20-1":
                model = Recipes.mlp(problem, new int[] {2, 20, 20, 1}, SEED);
                break;
            case "mlp-2-100-100-100-1":
                model = Recipes.mlp(problem, new int[] {2, 100, 100, 100, 1}, SEED);
                points = Collocation.of(2601).withBoundaryPoints(204);
                break;
            default:
                throw new IllegalArgumentException("unknown model '" + name
                        + "', expected kan-2-5-1-g50-k5, mlp-2-20-20-1 or mlp-2-100-100-100-1");
        }
        return IterationKernels.of(problem, model, points, SEED, runner);
    }
}
