package org.kanpde.bench;

import java.util.EnumSet;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.geometry.BoundarySample;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.ResidualRows;
import org.kanpde.solver.residual.ResidualSystem;
import org.kanpde.solver.train.Recipes;

/**
 * The residual system the trainer builds on the KAN paper's Poisson problem (random interior and
 * boundary points drawn as the trainer draws them for seed 1, boundary weight 1000, only the KAN
 * spline coefficients trainable), for one of the benchmarked networks.
 */
final class ResidualFixture {
    /** Seed of the network and of the points. */
    static final long SEED = 1;

    final Problem problem;
    final TrialFunction model;
    final ResidualRows rows;
    final ResidualSystem system;
    final double[] x;

    /**
     * @param name     kan-2-5-1-g50-k5 (the accuracy recipe's last stage, 825 trainable
     *                 coefficients), mlp-2-20-20-1 (the default MLP, 501 parameters) or
     *                 mlp-2-100-100-100-1 (20,601 parameters)
     * @param interior interior points
     * @param boundary boundary points
     * @param runner   threads (owned by the caller)
     */
    ResidualFixture(String name, int interior, int boundary, ParallelRunner runner) {
        problem = ProblemCatalog.get("poisson2d-paper");
        switch (name) {
            case "kan-2-5-1-g50-k5":
                model = Recipes.kan(problem, new int[] {2, 5, 1}, new int[] {50}, new int[] {5}, SEED);
                break;
            case "mlp-2-20-20-1":
                model = Recipes.mlp(problem, new int[] {2, 20, 20, 1}, SEED);
                break;
            case "mlp-2-100-100-100-1":
                model = Recipes.mlp(problem, new int[] {2, 100, 100, 100, 1}, SEED);
                break;
            default:
                throw new IllegalArgumentException("unknown model '" + name
                        + "', expected kan-2-5-1-g50-k5, mlp-2-20-20-1 or mlp-2-100-100-100-1");
        }
        long s = SEED * 1_000_003L;
        PointSet in = problem.domain().sampleInterior(interior, SamplingScheme.RANDOM, s);
        BoundarySample on = problem.domain().sampleBoundary(boundary, SamplingScheme.RANDOM, s + 7);
        rows = ResidualRows.of(problem, in, on, 1000, false);
        int[] free;
        if (model instanceof Kan) {
            free = ((Kan) model).parameterIndices(EnumSet.of(EdgeParameter.SPLINE_COEFFICIENTS));
        } else {
            free = new int[model.parameterCount()];
            for (int i = 0; i < free.length; i++) {
                free[i] = i;
            }
        }
        system = new ResidualSystem(model, rows, free, runner);
        x = system.currentPoint();
    }

    /** Order of the normal equations (trainable parameters). */
    int n() {
        return x.length;
    }
}
