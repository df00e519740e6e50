package org.kanpde.plots;

import java.util.List;

import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.geometry.Disk;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.Runs;
import org.kanpde.solver.train.Execution;

/** Small problems and quickly trained runs for the figure tests. */
final class Fixtures {
    private static final Execution ONE_THREAD = Execution.defaults().withThreads(1);
    private Fixtures() {
    }

    /** -Laplace u = 2 pi^2 sin(pi x) sin(pi y) on [-1, 1]^2, u = sin(pi x) sin(pi y), u = 0 on the boundary. */
    static Problem poisson2d() {
        return sineProblem("poisson2d-test", new Box(new double[] {-1, -1}, new double[] {1, 1}), 2);
    }

    /** The same equation on another 2-D domain (disk, L-shape), with the exact solution as Dirichlet data. */
    static Problem on(Domain domain, String name) {
        return sineProblem(name, domain, domain.dimension());
    }

    /** -u'' = pi^2 sin(pi x) on [-1, 1]. */
    static Problem poisson1d() {
        return sineProblem("poisson1d-test", Box.interval(-1, 1), 1);
    }

    /** -Laplace u = 3 pi^2 sin sin sin on [0, 1]^3. */
    static Problem poisson3d() {
        return sineProblem("poisson3d-test", Box.cube(3, 0, 1), 3);
    }

    /** A 2-D problem without an exact solution. */
    static Problem withoutExact() {
        return Problem.builder().name("no-exact").domain(Polygon.lShape()).source(Field.constant(1))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0))).build();
    }

    static Disk disk() {
        return new Disk(0, 0, 1);
    }

    private static Problem sineProblem(String name, Domain domain, int d) {
        Field u = Field.smooth(d, z -> {
            var p = z[0].multiply(Math.PI).sin();
            for (int k = 1; k < d; k++) {
                p = p.multiply(z[k].multiply(Math.PI).sin());
            }
            return p;
        });
        Field f = Field.of(z -> d * Math.PI * Math.PI * u.value(z));
        return Problem.builder().name(name).description("manufactured sine solution in " + d + "-D").domain(domain)
                .source(f).boundary(BoundaryCondition.dirichlet(u)).exact(u).build();
    }

    /** A KAN [d,2,1] trained a few LM iterations on grid 5, then a few on grid 10 (one grid extension). */
    static TrainingResult trainKan(Problem problem) {
        int d = problem.dimension();
        double[] lo = problem.domain().lower();
        double[] hi = problem.domain().upper();
        Kan kan = Kan.builder().widths(d, 2, 1).gridSize(5).degree(3).inputRange(lo, hi).seed(1).build();
        Training settings = Runs.small(200, 40)
                .metricsEvery(1).quadrature(4, 4)
                .stage(Stage.of(new LevenbergMarquardt()).withIterations(5))
                .stage(Stage.of(new LevenbergMarquardt()).withGrid(10).withIterations(5)).build();
        return Runs.train(problem, kan, settings, ONE_THREAD, null);
    }

    /** An MLP [d,8,1] trained a few LM iterations. */
    static TrainingResult trainMlp(Problem problem) {
        Mlp mlp = Mlp.tanh(2, problem.dimension(), 8, 1);
        Training settings = Runs.small(200, 40)
                .metricsEvery(2).quadrature(4, 4)
                .stage(Stage.of(new LevenbergMarquardt()).withIterations(8)).build();
        return Runs.train(problem, mlp, settings, ONE_THREAD, null);
    }

    /** A KAN and an MLP trained on {@link #poisson2d()}. */
    static List<LabelledRun> kanAndMlp(Problem problem) {
        return List.of(new LabelledRun("KAN [2,2,1]", trainKan(problem)), new LabelledRun("MLP [2,8,1]", trainMlp(problem)));
    }
}
