package org.kanpde.problems;

import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Nonlinearity;
import org.kanpde.solver.problem.Problem;

/**
 * Problems that exercise the other terms of {@code -div(a grad u) + c u + n(u) = f}: a variable
 * diffusion coefficient, a negative reaction (Helmholtz) and a cubic nonlinearity, all with
 * Dirichlet data given by one shared field so hard enforcement applies. Where the data is not
 * zero it is a simple function that agrees with u only on the boundary, so a hard-enforcement lift
 * does not give the solution away.
 */
final class CoefficientProblems {
    private static final double PI = Math.PI;

    private CoefficientProblems() {
    }

    /**
     * -div(a grad u) = f on [-1, 1]^2 with a = 1 + x^2 + y^2 and u = s + x y, s = sin(pi x) sin(pi y).
     * -div(a grad u) = -a Laplace u - grad a . grad u with Laplace u = -2 pi^2 s and
     * grad a . grad u = 2x (pi cos(pi x) sin(pi y) + y) + 2y (pi sin(pi x) cos(pi y) + x), so
     * f = 2 pi^2 a s - 2 pi (x cos(pi x) sin(pi y) + y sin(pi x) cos(pi y)) - 4 x y.
     * s vanishes on the boundary, so the Dirichlet data is x y.
     */
    static Problem varcoef2d() {
        return Problem.builder()
                .name("varcoef2d")
                .description("-div(a grad u) = f on [-1, 1]^2, a = 1 + x^2 + y^2, u = sin(pi x) sin(pi y) + x y, Dirichlet u = x y")
                .domain(Box.cube(2, -1, 1))
                .diffusion(DescribedField.of(Field.smooth(2, z -> z[0].square().add(z[1].square()).add(1)), "1 + x^2 + y^2"))
                .source(Field.of(z -> {
                    double x = z[0], y = z[1];
                    double sx = Math.sin(PI * x), cx = Math.cos(PI * x), sy = Math.sin(PI * y), cy = Math.cos(PI * y);
                    double a = 1 + x * x + y * y;
                    return 2 * PI * PI * a * sx * sy - 2 * PI * (x * cx * sy + y * sx * cy) - 4 * x * y;
                }, "2*pi^2*(1 + x^2 + y^2)*sin(pi*x)*sin(pi*y) - 2*pi*(x*cos(pi*x)*sin(pi*y) + y*sin(pi*x)*cos(pi*y)) - 4*x*y"))
                .boundary(BoundaryCondition.dirichlet(DescribedField.of(Field.smooth(2, z -> z[0].multiply(z[1])), "x*y")))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].multiply(PI).sin().multiply(z[1].multiply(PI).sin())
                        .add(z[0].multiply(z[1]))), "sin(pi*x)*sin(pi*y) + x*y"))
                .build();
    }

    /**
     * -Laplace u - 16 u = f on [-1, 1]^2, u = (1 - x^2) sin(2 pi y): u_xx = -2 sin(2 pi y),
     * u_yy = -4 pi^2 u, so f = sin(2 pi y) (2 + (4 pi^2 - 16)(1 - x^2)). The Dirichlet
     * eigenvalues of -Laplace here are pi^2 (m^2 + n^2) / 4 (about 12.3 and 19.7 around 16), so
     * the problem is well posed, though not far from resonance.
     */
    static Problem helmholtz2d() {
        return Problem.builder()
                .name("helmholtz2d")
                .description("-Laplace u - k^2 u = f on [-1, 1]^2, k = 4, u = (1 - x^2) sin(2 pi y), zero Dirichlet")
                .domain(Box.cube(2, -1, 1))
                .reaction(-16)
                .source(Field.of(z -> {
                    double x = z[0], y = z[1];
                    return Math.sin(2 * PI * y) * (2 + (4 * PI * PI - 16) * (1 - x * x));
                }, "sin(2*pi*y)*(2 + (4*pi^2 - 16)*(1 - x^2))"))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].square().negate().add(1).multiply(z[1].multiply(2 * PI).sin())),
                        "(1 - x^2)*sin(2*pi*y)"))
                .build();
    }

    /**
     * -Laplace u - 16 u = f on [0, 1]^3, u = sin(pi x) sin(pi y) z (1 - z): -Laplace u =
     * 2 pi^2 u + 2 sin(pi x) sin(pi y), so f = sin(pi x) sin(pi y) ((2 pi^2 - 16) z (1 - z) + 2).
     * The smallest Dirichlet eigenvalue, 3 pi^2, is well above 16.
     */
    static Problem helmholtz3d() {
        return Problem.builder()
                .name("helmholtz3d")
                .description("-Laplace u - k^2 u = f on [0, 1]^3, k = 4, u = sin(pi x) sin(pi y) z (1 - z), zero Dirichlet")
                .domain(Box.cube(3, 0, 1))
                .reaction(-16)
                .source(Field.of(z -> {
                    double w = z[2] * (1 - z[2]);
                    return Math.sin(PI * z[0]) * Math.sin(PI * z[1]) * ((2 * PI * PI - 16) * w + 2);
                }, "sin(pi*x)*sin(pi*y)*((2*pi^2 - 16)*z*(1 - z) + 2)"))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(DescribedField.of(Field.smooth(3, z -> z[0].multiply(PI).sin().multiply(z[1].multiply(PI).sin())
                        .multiply(z[2].multiply(z[2].negate().add(1)))), "sin(pi*x)*sin(pi*y)*z*(1 - z)"))
                .build();
    }

    /**
     * -Laplace u + u^3 = f on [-1, 1]^2, u = s + x / 2 with s = sin(pi x) sin(pi y):
     * f = 2 pi^2 s + (s + x / 2)^3; s vanishes on the boundary, so the Dirichlet data is x / 2.
     */
    static Problem nonlinear2d() {
        return Problem.builder()
                .name("nonlinear2d")
                .description("-Laplace u + u^3 = f on [-1, 1]^2, u = sin(pi x) sin(pi y) + x/2, Dirichlet u = x/2")
                .domain(Box.cube(2, -1, 1))
                .nonlinearity(Nonlinearity.power(1, 3))
                .source(Field.of(z -> {
                    double s = Math.sin(PI * z[0]) * Math.sin(PI * z[1]);
                    double u = s + 0.5 * z[0];
                    return 2 * PI * PI * s + u * u * u;
                }, "2*pi^2*sin(pi*x)*sin(pi*y) + (sin(pi*x)*sin(pi*y) + x/2)^3"))
                .boundary(BoundaryCondition.dirichlet(DescribedField.of(Field.smooth(2, z -> z[0].multiply(0.5)), "x/2")))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].multiply(PI).sin().multiply(z[1].multiply(PI).sin())
                        .add(z[0].multiply(0.5))), "sin(pi*x)*sin(pi*y) + x/2"))
                .build();
    }
}
