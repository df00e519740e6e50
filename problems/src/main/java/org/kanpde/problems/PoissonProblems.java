package org.kanpde.problems;

import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

/**
 * Poisson problems {@code -Laplace u = f} on boxes with zero Dirichlet data. Each uses one shared
 * {@code Field.constant(0)} on every face, so hard Dirichlet enforcement applies.
 */
final class PoissonProblems {
    private static final double PI = Math.PI;

    private PoissonProblems() {
    }

    /** -u'' = pi^2 sin(pi x) on [-1, 1], u = sin(pi x). */
    static Problem poisson1d() {
        return Problem.builder()
                .name("poisson1d")
                .description("-u'' = f on [-1, 1], u = sin(pi x), u = 0 at both ends")
                .domain(Box.interval(-1, 1))
                .source(Field.of(z -> PI * PI * Math.sin(PI * z[0]), "pi^2*sin(pi*x)"))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(DescribedField.of(Field.smooth(1, z -> z[0].multiply(PI).sin()), "sin(pi*x)"))
                .build();
    }

    /** -Laplace u = 2 pi^2 sin(pi x) sin(pi y) on [-1, 1]^2, u = sin(pi x) sin(pi y). */
    static Problem poisson2dSin() {
        return Problem.builder()
                .name("poisson2d-sin")
                .description("-Laplace u = f on [-1, 1]^2, u = sin(pi x) sin(pi y), zero Dirichlet")
                .domain(Box.cube(2, -1, 1))
                .source(Field.of(z -> 2 * PI * PI * Math.sin(PI * z[0]) * Math.sin(PI * z[1]), "2*pi^2*sin(pi*x)*sin(pi*y)"))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].multiply(PI).sin().multiply(z[1].multiply(PI).sin())),
                        "sin(pi*x)*sin(pi*y)"))
                .build();
    }

    /**
     * The KAN paper's problem: u = sin(pi x) sin(pi y^2) on [-1, 1]^2. With s = sin(pi y^2),
     * c = cos(pi y^2): u_xx = -pi^2 u and u_yy = sin(pi x) (2 pi c - 4 pi^2 y^2 s), so
     * f = sin(pi x) (pi^2 (1 + 4 y^2) s - 2 pi c). u vanishes on the boundary because
     * sin(pi) = 0 at x = +-1 and y^2 = 1 at y = +-1.
     */
    static Problem poisson2dPaper() {
        return Problem.builder()
                .name("poisson2d-paper")
                .description("the KAN paper's problem: -Laplace u = f on [-1, 1]^2, u = sin(pi x) sin(pi y^2), zero Dirichlet")
                .domain(Box.cube(2, -1, 1))
                .source(Field.of(z -> {
                    double x = z[0], y = z[1];
                    return Math.sin(PI * x) * (PI * PI * (1 + 4 * y * y) * Math.sin(PI * y * y) - 2 * PI * Math.cos(PI * y * y));
                }, "sin(pi*x)*(pi^2*(1 + 4*y^2)*sin(pi*y^2) - 2*pi*cos(pi*y^2))"))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].multiply(PI).sin().multiply(z[1].square().multiply(PI).sin())),
                        "sin(pi*x)*sin(pi*y^2)"))
                .build();
    }

    /** -Laplace u = 3 pi^2 u on the unit cube, u = sin(pi x) sin(pi y) sin(pi z). */
    static Problem poisson3d() {
        return Problem.builder()
                .name("poisson3d")
                .description("-Laplace u = f on [0, 1]^3, u = sin(pi x) sin(pi y) sin(pi z), zero Dirichlet")
                .domain(Box.cube(3, 0, 1))
                .source(Field.of(z -> 3 * PI * PI * Math.sin(PI * z[0]) * Math.sin(PI * z[1]) * Math.sin(PI * z[2]),
                        "3*pi^2*sin(pi*x)*sin(pi*y)*sin(pi*z)"))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(DescribedField.of(Field.smooth(3, z -> z[0].multiply(PI).sin().multiply(z[1].multiply(PI).sin())
                        .multiply(z[2].multiply(PI).sin())), "sin(pi*x)*sin(pi*y)*sin(pi*z)"))
                .build();
    }

    /**
     * A smooth mode plus a small high-frequency one, u = s1 + 0.1 s6 with
     * s_m = sin(m pi x) sin(m pi y); -Laplace s_m = 2 m^2 pi^2 s_m, so f = 2 pi^2 s1 + 7.2 pi^2 s6.
     * Spectral bias makes networks learn s1 long before s6.
     */
    static Problem multiscale2d() {
        return Problem.builder()
                .name("multiscale2d")
                .description("-Laplace u = f on [-1, 1]^2, u = sin(pi x) sin(pi y) + 0.1 sin(6 pi x) sin(6 pi y), zero Dirichlet")
                .domain(Box.cube(2, -1, 1))
                .source(Field.of(z -> {
                    double x = z[0], y = z[1];
                    return 2 * PI * PI * Math.sin(PI * x) * Math.sin(PI * y)
                            + 7.2 * PI * PI * Math.sin(6 * PI * x) * Math.sin(6 * PI * y);
                }, "2*pi^2*sin(pi*x)*sin(pi*y) + 7.2*pi^2*sin(6*pi*x)*sin(6*pi*y)"))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].multiply(PI).sin().multiply(z[1].multiply(PI).sin())
                        .add(z[0].multiply(6 * PI).sin().multiply(z[1].multiply(6 * PI).sin()).multiply(0.1))),
                        "sin(pi*x)*sin(pi*y) + 0.1*sin(6*pi*x)*sin(6*pi*y)"))
                .build();
    }
}
