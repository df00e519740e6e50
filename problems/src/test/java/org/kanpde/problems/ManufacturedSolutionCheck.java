package org.kanpde.problems;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.Predicate;

import org.kanpde.solver.geometry.BoundarySample;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Nonlinearity;
import org.kanpde.solver.problem.Problem;

/**
 * Checks a manufactured problem against its exact solution using only values of u and a:
 * fourth-order finite differences for the operator -div(a grad u) + c u + n(u) inside, and a
 * fourth-order one-sided difference along the inward normal for du/dn on the boundary. So the
 * hand-written sources and boundary data are tested against something independent of them.
 */
public final class ManufacturedSolutionCheck {

    /** Step of the differences: truncation about h^4 u^(6) / 90, rounding about 1e-16 / h^2. */
    public static final double H = 1e-3;

    /**
     * Absolute allowance per unit of |u| for rounding in the differences, about 64 eps / (12 h^2)
     * per axis with a margin; it matters only where all terms nearly vanish (e.g. linear u).
     */
    private static final double ROUNDING = 1e-8;

    private ManufacturedSolutionCheck() {
    }

    /** du/dz_k at z by the fourth-order central difference. */
    public static double first(Field f, double[] z, int k) {
        return (f.value(shift(z, k, -2 * H)) - 8 * f.value(shift(z, k, -H))
                + 8 * f.value(shift(z, k, H)) - f.value(shift(z, k, 2 * H))) / (12 * H);
    }

    /** d2u/dz_k^2 at z by the fourth-order central difference. */
    public static double second(Field f, double[] z, int k) {
        return (-f.value(shift(z, k, -2 * H)) + 16 * f.value(shift(z, k, -H)) - 30 * f.value(z)
                + 16 * f.value(shift(z, k, H)) - f.value(shift(z, k, 2 * H))) / (12 * H * H);
    }

    private static double[] shift(double[] z, int k, double h) {
        double[] s = z.clone();
        s[k] += h;
        return s;
    }

    /**
     * -div(a grad u) + c u + n(u) of the exact solution at z.
     *
     * @return {operator, scale} where scale sums the magnitudes of the terms (and of f), so that
     *         cancellation between large terms does not make a relative test meaningless
     */
    public static double[] operator(Problem p, double[] z) {
        Field u = p.exactSolution();
        Field a = p.diffusion();
        double av = a.value(z);
        double uv = u.value(z);
        double sum = 0;
        double scale = Math.abs(p.source().value(z));
        for (int k = 0; k < z.length; k++) {
            double t1 = -av * second(u, z, k);
            double t2 = a.isConstant() ? 0 : -first(a, z, k) * first(u, z, k);
            sum += t1 + t2;
            scale += Math.abs(t1) + Math.abs(t2);
        }
        double cu = p.reaction().value(z) * uv;
        Nonlinearity n = p.nonlinearity();
        double nu = n == null ? 0 : n.value(uv);
        return new double[] {sum + cu + nu, scale + Math.abs(cu) + Math.abs(nu)};
    }

    /**
     * alpha u + beta du/dn of the exact solution at a boundary point.
     *
     * @return {value, scale}
     */
    public static double[] boundary(Problem p, double[] z, double[] normal, int part) {
        BoundaryCondition bc = p.boundaryCondition(part);
        Field u = p.exactSolution();
        double uv = u.value(z);
        double dudn = 0;
        if (bc.beta() != 0) {
            double[] f = new double[5];
            for (int j = 0; j < 5; j++) {
                double[] s = z.clone();
                for (int k = 0; k < z.length; k++) {
                    s[k] -= j * H * normal[k];
                }
                f[j] = u.value(s);
            }
            // f(t) = u(z - t n), so du/dn = -f'(0).
            dudn = -(-25 * f[0] + 48 * f[1] - 36 * f[2] + 16 * f[3] - 3 * f[4]) / (12 * H);
        }
        double value = bc.alpha() * uv + bc.beta() * dudn;
        double scale = Math.abs(bc.alpha() * uv) + Math.abs(bc.beta() * dudn) + Math.abs(bc.data().value(z));
        return new double[] {value, scale};
    }

    /**
     * Asserts that the source equals the operator of the exact solution at random interior points
     * and that the boundary data equal alpha u + beta du/dn at random points of every part.
     *
     * @param usable    which interior points to check (points whose stencil leaves the domain are
     *                  skipped in any case)
     * @param tolerance relative to the scale of the terms
     */
    public static void assertSolves(Problem p, int interior, int boundary, long seed, Predicate<double[]> usable,
                                    double tolerance) {
        Domain domain = p.domain();
        int d = domain.dimension();
        PointSet points = domain.sampleInterior(interior, SamplingScheme.RANDOM, seed);
        int checked = 0;
        double[] z = new double[d];
        for (int i = 0; i < points.size(); i++) {
            points.point(i, z);
            if (!usable.test(z) || !stencilInside(domain, z)) {
                continue;
            }
            double f = p.source().value(z);
            double[] op = operator(p, z);
            if (!(Math.abs(f - op[0]) <= tolerance * op[1] + ROUNDING * (1 + Math.abs(p.exactSolution().value(z))))) {
                fail(p.name() + ": source " + f + " != operator of exact solution " + op[0] + " at "
                        + Arrays.toString(z) + " (scale " + op[1] + ")");
            }
            checked++;
        }
        assertTrue(checked >= interior / 2, p.name() + ": only " + checked + " of " + interior + " interior points checked");

        BoundarySample sample = domain.sampleBoundary(boundary, SamplingScheme.RANDOM, seed + 1);
        double[] normal = new double[d];
        int[] perPart = new int[domain.boundaryPartCount()];
        for (int i = 0; i < sample.size(); i++) {
            sample.point(i, z);
            sample.normal(i, normal);
            int part = sample.part(i);
            double g = p.boundaryCondition(part).data().value(z);
            double[] bc = boundary(p, z, normal, part);
            if (!(Math.abs(g - bc[0]) <= tolerance * bc[1] + ROUNDING * (1 + Math.abs(p.exactSolution().value(z))))) {
                fail(p.name() + ": boundary data " + g + " != " + p.boundaryCondition(part) + " of exact solution "
                        + bc[0] + " on part " + domain.boundaryPartName(part) + " at " + Arrays.toString(z));
            }
            perPart[part]++;
        }
        for (int part = 0; part < perPart.length; part++) {
            assertTrue(perPart[part] > 0, p.name() + ": no boundary point on part " + domain.boundaryPartName(part));
        }
    }

    private static boolean stencilInside(Domain domain, double[] z) {
        for (int k = 0; k < z.length; k++) {
            for (int j = -2; j <= 2; j++) {
                if (!domain.contains(shift(z, k, j * H))) {
                    return false;
                }
            }
        }
        return true;
    }
}
