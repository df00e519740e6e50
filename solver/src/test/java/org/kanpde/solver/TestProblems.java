package org.kanpde.solver;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Nonlinearity;
import org.kanpde.solver.problem.Problem;

/** Small manufactured problems for solver tests; sources are -div(a grad u) + c u + n(u) of u. */
public final class TestProblems {
    private TestProblems() {
    }

    /** f = -div(a grad u) + c u + n(u) for smooth u and a, constant c, evaluated from their derivatives. */
    public static Field source(int d, Field u, Field a, double c, Nonlinearity n) {
        return Field.of(z -> {
            double[] uj = new double[1 + 2 * d];
            double[] aj = new double[1 + 2 * d];
            u.derivatives(z, uj);
            a.derivatives(z, aj);
            double f = c * uj[0] + (n == null ? 0 : n.value(uj[0]));
            for (int k = 0; k < d; k++) {
                f -= aj[0] * uj[1 + d + k] + aj[1 + k] * uj[1 + k];
            }
            return f;
        });
    }

    /** -u'' = pi^2 sin(pi x) on [-1, 1], u(+-1) = 0. */
    public static Problem poisson1d() {
        Field u = Field.smooth(1, z -> z[0].multiply(Math.PI).sin());
        return Problem.builder().name("poisson1d").domain(Box.interval(-1, 1))
                .source(source(1, u, Field.constant(1), 0, null))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0))).exact(u).build();
    }

    /** -Laplace u = f on [-1, 1]^2 with u = sin(pi x) sin(pi y). */
    public static Problem poisson2dSin() {
        Field u = Field.smooth(2, z -> z[0].multiply(Math.PI).sin().multiply(z[1].multiply(Math.PI).sin()));
        return Problem.builder().name("poisson2d-sin").domain(new Box(new double[] {-1, -1}, new double[] {1, 1}))
                .source(source(2, u, Field.constant(1), 0, null))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0))).exact(u).build();
    }

    /** u = exp(x/2) cos(y) + x on [0,1]^2 with a = 1 + x y / 2, c = 1, n(u) = u^3 and every BC kind. */
    public static Problem mixed() {
        Field u = Field.smooth(2, TestProblems::mixedSolution);
        Field a = Field.smooth(2, z -> z[0].multiply(z[1]).multiply(0.5).add(1));
        Nonlinearity cube = Nonlinearity.power(1, 3);
        Box box = new Box(new double[] {0, 0}, new double[] {1, 1});
        // outward normal derivative on each face from the exact gradient
        Field dudx = Field.of(z -> jet(u, z)[1]);
        Field dudy = Field.of(z -> jet(u, z)[2]);
        return Problem.builder().name("mixed").domain(box).diffusion(a).reaction(1).nonlinearity(cube)
                .source(source(2, u, a, 1, cube))
                .boundary("xmin", BoundaryCondition.dirichlet(u))
                .boundary("xmax", BoundaryCondition.neumann(dudx))
                .boundary("ymin", BoundaryCondition.robin(2, 1, Field.of(z -> 2 * u.value(z) - jet(u, z)[2])))
                .boundary("ymax", BoundaryCondition.robin(1, 0.5, Field.of(z -> u.value(z) + 0.5 * jet(u, z)[2])))
                .exact(u).build();
    }

    private static DerivativeStructure mixedSolution(DerivativeStructure[] z) {
        return z[0].multiply(0.5).exp().multiply(z[1].cos()).add(z[0]);
    }

    static double[] jet(Field f, double[] z) {
        double[] out = new double[1 + 2 * z.length];
        f.derivatives(z, out);
        return out;
    }
}
