package org.kanpde.problems;

import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

/** Problems with Neumann and Robin conditions on boxes (normals point out of the box). */
final class MixedBoundaryProblems {
    private static final double PI = Math.PI;

    private MixedBoundaryProblems() {
    }

    /**
     * -Laplace u = f on [0, 1]^2 with u = e^x sin(pi y) + x^2 y + x, so
     * u_x = e^x sin(pi y) + 2 x y + 1, u_y = pi e^x cos(pi y) + x^2 and
     * f = (pi^2 - 1) e^x sin(pi y) - 2 y. Conditions: u = sin(pi y) on xmin, u = x on ymin,
     * du/dn = u_x = e sin(pi y) + 2 y + 1 on xmax, and u + 2 du/dn = (x^2 + x) + 2 (x^2 - pi e^x)
     * on ymax.
     */
    static Problem poisson2dMixed() {
        return Problem.builder()
                .name("poisson2d-mixed")
                .description("-Laplace u = f on [0, 1]^2, u = e^x sin(pi y) + x^2 y + x; Dirichlet on xmin and ymin, "
                        + "Neumann on xmax, Robin u + 2 du/dn on ymax")
                .domain(Box.cube(2, 0, 1))
                .source(Field.of(z -> (PI * PI - 1) * Math.exp(z[0]) * Math.sin(PI * z[1]) - 2 * z[1],
                        "(pi^2 - 1)*exp(x)*sin(pi*y) - 2*y"))
                .boundary("xmin", BoundaryCondition.dirichlet(DescribedField.of(Field.smooth(2, z -> z[1].multiply(PI).sin()),
                        "sin(pi*y)")))
                .boundary("ymin", BoundaryCondition.dirichlet(DescribedField.of(Field.smooth(2, z -> z[0]), "x")))
                .boundary("xmax", BoundaryCondition.neumann(Field.of(z -> Math.E * Math.sin(PI * z[1]) + 2 * z[1] + 1,
                        "e*sin(pi*y) + 2*y + 1")))
                .boundary("ymax", BoundaryCondition.robin(1, 2, Field.of(z -> 3 * z[0] * z[0] + z[0] - 2 * PI * Math.exp(z[0]),
                        "3*x^2 + x - 2*pi*exp(x)")))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].exp().multiply(z[1].multiply(PI).sin())
                        .add(z[0].square().multiply(z[1])).add(z[0])), "exp(x)*sin(pi*y) + x^2*y + x"))
                .build();
    }

    /**
     * -Laplace u + u = f on [0, 1]^2 with Neumann data on every side (well posed because c = 1 &gt; 0).
     * u = cos(pi x) sin(pi y) + x y, so u_x = -pi sin(pi x) sin(pi y) + y,
     * u_y = pi cos(pi x) cos(pi y) + x and f = (2 pi^2 + 1) cos(pi x) sin(pi y) + x y. Outward
     * derivatives: -y on xmin, y on xmax, -(pi cos(pi x) + x) on ymin, x - pi cos(pi x) on ymax.
     */
    static Problem reaction2dNeumann() {
        return Problem.builder()
                .name("reaction2d-neumann")
                .description("-Laplace u + u = f on [0, 1]^2, u = cos(pi x) sin(pi y) + x y, Neumann on every side")
                .domain(Box.cube(2, 0, 1))
                .reaction(1)
                .source(Field.of(z -> (2 * PI * PI + 1) * Math.cos(PI * z[0]) * Math.sin(PI * z[1]) + z[0] * z[1],
                        "(2*pi^2 + 1)*cos(pi*x)*sin(pi*y) + x*y"))
                .boundary("xmin", BoundaryCondition.neumann(Field.of(z -> -z[1], "-y")))
                .boundary("xmax", BoundaryCondition.neumann(Field.of(z -> z[1], "y")))
                .boundary("ymin", BoundaryCondition.neumann(Field.of(z -> -(PI * Math.cos(PI * z[0]) + z[0]), "-(pi*cos(pi*x) + x)")))
                .boundary("ymax", BoundaryCondition.neumann(Field.of(z -> z[0] - PI * Math.cos(PI * z[0]), "x - pi*cos(pi*x)")))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].multiply(PI).cos().multiply(z[1].multiply(PI).sin())
                        .add(z[0].multiply(z[1]))), "cos(pi*x)*sin(pi*y) + x*y"))
                .build();
    }
}
