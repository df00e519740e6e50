package org.kanpde.problems;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.kanpde.solver.geometry.Disk;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

/** Problems on domains other than boxes: the L-shape and disks. */
final class ShapeProblems {
    private static final double PI = Math.PI;

    private ShapeProblems() {
    }

    /**
     * The corner singularity u = r^(2/3) sin(2 theta / 3) on {@link Polygon#lShape()}, harmonic, so
     * f = 0. theta runs counter-clockwise from 0 on the edge y = 0, x &gt; 0 (edge2) to 3 pi / 2 on
     * the edge x = 0, y &lt; 0 (edge1); u vanishes on those two edges and the Dirichlet data on the
     * other four is u itself.
     *
     * <p>The two zero edges get {@code Field.constant(0)} and the others the formula, so the data
     * are two different fields and the solver refuses hard Dirichlet enforcement: a lift equal to u
     * would hand over the answer. Use boundary residuals.
     *
     * <p>The gradient grows like r^(-1/3) at the re-entrant corner; the exact field returns 0 for
     * its value and (meaningless) zero derivatives exactly at the origin, which is a vertex and
     * never sampled.
     */
    static Problem lshape() {
        // one field for the data and the exact solution; the text is the formula of lshape-mixed.json
        Field u = DescribedField.of(Field.smooth(2, z -> cornerSingularity(z[0], z[1])),
                "(x^2 + y^2)^(1/3)*sin(2/3*(atan2(-(x + y), y - x) + 3*pi/4))");
        Field zero = Field.constant(0);
        return Problem.builder()
                .name("lshape")
                .description("-Laplace u = 0 on the L-shape [-1, 1]^2 minus [0, 1] x [-1, 0], "
                        + "u = r^(2/3) sin(2 theta/3) (singular gradient at the re-entrant corner), Dirichlet")
                .domain(Polygon.lShape())
                .source(Field.constant(0))
                .boundary(BoundaryCondition.dirichlet(u))
                .boundary("edge1", BoundaryCondition.dirichlet(zero))
                .boundary("edge2", BoundaryCondition.dirichlet(zero))
                .exact(u)
                .build();
    }

    /**
     * r^(2/3) sin(2 theta / 3). Rather than shifting atan2(y, x) by 2 pi below the x-axis, the
     * angle is measured in a frame rotated so that atan2's cut, the ray where its first argument is
     * 0 and its second negative, lies along x = -y, x &gt; 0, inside the removed quadrant: then
     * theta = atan2(-(x + y), y - x) + 3 pi / 4 is smooth on the whole L-shape and a little beyond
     * its edges, which keeps finite-difference checks at the boundary honest.
     */
    private static DerivativeStructure cornerSingularity(DerivativeStructure x, DerivativeStructure y) {
        if (x.getValue() == 0 && y.getValue() == 0) {
            return x.getFactory().constant(0);
        }
        DerivativeStructure theta = x.add(y).negate().atan2(y.subtract(x)).add(0.75 * PI);
        return x.square().add(y.square()).pow(1.0 / 3).multiply(theta.multiply(2.0 / 3).sin());
    }

    /**
     * -Laplace u = f on the unit disk, u = (1 - x^2 - y^2) e^x. With w = 1 - x^2 - y^2:
     * u_xx = (w - 4x - 2) e^x, u_yy = -2 e^x, so f = (4 + 4x - w) e^x = (3 + 4x + x^2 + y^2) e^x.
     */
    static Problem disk() {
        return Problem.builder()
                .name("disk")
                .description("-Laplace u = f on the unit disk, u = (1 - x^2 - y^2) e^x, zero Dirichlet")
                .domain(Disk.unit())
                .source(Field.of(z -> (3 + 4 * z[0] + z[0] * z[0] + z[1] * z[1]) * Math.exp(z[0]), "(3 + 4*x + x^2 + y^2)*exp(x)"))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].square().add(z[1].square()).negate().add(1)
                        .multiply(z[0].exp())), "(1 - x^2 - y^2)*exp(x)"))
                .build();
    }

    /**
     * -Laplace u + u = f on the disk of centre (0.5, 0) and radius 1 with a Robin condition
     * u + du/dn = g. u = e^x cos(y) is harmonic, so f = u; with the outward normal
     * n = (x - 0.5, y), du/dn = e^x ((x - 0.5) cos y - y sin y) and
     * g = e^x ((x + 0.5) cos y - y sin y).
     */
    static Problem diskRobin() {
        return Problem.builder()
                .name("disk-robin")
                .description("-Laplace u + u = f on the disk of centre (0.5, 0), radius 1, u = e^x cos(y), "
                        + "Robin u + du/dn = g")
                .domain(new Disk(0.5, 0, 1))
                .reaction(1)
                .source(Field.of(z -> Math.exp(z[0]) * Math.cos(z[1]), "exp(x)*cos(y)"))
                .boundary(BoundaryCondition.robin(1, 1, Field.of(z ->
                        Math.exp(z[0]) * ((z[0] + 0.5) * Math.cos(z[1]) - z[1] * Math.sin(z[1])),
                        "exp(x)*((x + 0.5)*cos(y) - y*sin(y))")))
                .exact(DescribedField.of(Field.smooth(2, z -> z[0].exp().multiply(z[1].cos())), "exp(x)*cos(y)"))
                .build();
    }
}
