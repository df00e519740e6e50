package org.kanpde.bench;

import java.util.EnumSet;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.basis.BasisType;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.collocation.Collocation;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.IterationKernels;
import org.kanpde.solver.train.Recipes;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.Training;

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
     *               the pykan reference's 2,601 + 204; or kan-2-10-1-g5-k3 and kan-2-10-1-g20-k3,
     *               the pykan reference's own network and points ({@link #pykan})
     * @param runner threads (owned by the caller)
     */
    static IterationKernels kernels(String name, ParallelRunner runner) {
        if (name.startsWith("kan-2-10-1-g") && name.endsWith("-k3")) {
            return pykan(Integer.parseInt(name.substring("kan-2-10-1-g".length(), name.length() - 3)), runner);
        }
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
                        + "', expected kan-2-5-1-g50-k5, mlp-2-20-20-1, mlp-2-100-100-100-1, kan-2-10-1-g5-k3 or kan-2-10-1-g20-k3");
        }
        return IterationKernels.of(problem, model, points, SEED, runner);
    }

    /**
     * What one loss-and-gradient evaluation of the Python reference ({@code pykan_poisson.py}: pykan's
     * PDE example) computes, for the per-evaluation comparison: KAN [2,10,1], k=3, grid G, silu base,
     * every parameter trainable (spline coefficients and both scales, as pykan's optimizer sees
     * them), on u = sin(pi x) sin(pi y) with the example's 51 x 51 interior mesh and 204 boundary
     * points; the loss is the weighted sum of squared residuals and its gradient the dense one.
     */
    private static IterationKernels pykan(int grid, ParallelRunner runner) {
        Problem problem = ProblemCatalog.get("poisson2d-sin");
        Kan kan = Kan.builder().widths(2, 10, 1).gridSize(grid).degree(3).inputRange(-1, 1).seed(SEED).build();
        Training training = Training.builder()
                .collocation(Collocation.of(2601).withBoundaryPoints(204).withSampling(SamplingScheme.UNIFORM_GRID))
                .trainableKan(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS, EdgeParameter.BASE_SCALE, EdgeParameter.SPLINE_SCALE))
                .seed(SEED).stage(Stage.of(new Adam())).build();
        return IterationKernels.of(problem, kan, training, runner);
    }
}
