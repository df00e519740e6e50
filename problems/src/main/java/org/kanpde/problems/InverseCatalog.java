package org.kanpde.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.inverse.Coefficient;
import org.kanpde.solver.inverse.InverseProblem;
import org.kanpde.solver.inverse.Observations;
import org.kanpde.solver.inverse.Unknown;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

/**
 * The built-in inverse problems: PINNacle's PInv (i207M/PINNacle, {@code src/pde/inverse.py},
 * class {@code PoissonInv}) and its consistent variant.
 *
 * <p>PInv: -div(a grad u) = f on [0, 1]^2 with u = sin(pi x) sin(pi y) and
 * a = 1 / (1 + x^2 + y^2 + (x - 1)^2 + (y - 1)^2); a is unknown (positive, known on the
 * boundary), u is observed on the 50 x 50 grid of [0, 1]^2 (which includes the boundary) with
 * Gaussian noise of standard deviation 0.1, and u has no boundary condition of its own.
 *
 * <p>The source. With S = 1 + x^2 + y^2 + (x-1)^2 + (y-1)^2, a = 1/S and grad S = 2 (2x - 1, 2y - 1),
 * so grad a = -a^2 grad S and
 * <pre>
 *   -div(a grad u) = -a Laplace u - grad a . grad u
 *                  = 2 pi^2 a u + 2 pi a^2 ((2x - 1) cos(pi x) sin(pi y) + (2y - 1) sin(pi x) cos(pi y)).
 * </pre>
 * PINNacle's {@code f_src} writes (2x + 1) and (2y + 1) in the second term, so its f does not
 * belong to its a and u: the difference, 4 pi a^2 (cos(pi x) sin(pi y) + sin(pi x) cos(pi y)), is
 * 39 % of f in relative L2 and up to 26 % of max |f| (PINNacle's own
 * {@code a_ref_x = (2 - 4x)/S^2} agrees with the a above). The ids:
 * <ul>
 *   <li>{@code pinv}: the consistent source, noise sigma = 0.1;</li>
 *   <li>{@code pinv-clean}: the consistent source, noise-free observations;</li>
 *   <li>{@code pinv-pinnacle}: PINNacle's source as written, noise sigma = 0.1;</li>
 *   <li>{@code pinv-pinnacle-clean}: PINNacle's source, noise-free.</li>
 * </ul>
 * The noise is drawn from {@code java.util.Random(NOISE_SEED)} in grid order, so it is the same
 * on every run (PINNacle draws it unseeded from NumPy).
 */
public final class InverseCatalog {
    /** Observation grid points per direction (PINNacle: {@code np.linspace(0, 1, 50)}). */
    public static final int GRID = 50;
    /** Noise standard deviation of PINNacle's observations. */
    public static final double SIGMA = 0.1;
    /** Seed of the observation noise. */
    public static final long NOISE_SEED = 15;

    private static final Map<String, String> DESCRIPTIONS = descriptions();

    private InverseCatalog() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pinv", "PINNacle PInv: identify a > 0 in -div(a grad u) = f on [0,1]^2 from 50x50 observations of u "
                + "with noise sigma 0.1 (consistent source)");
        m.put("pinv-clean", "PInv with noise-free observations (consistent source)");
        m.put("pinv-pinnacle", "PInv with PINNacle's source as written ((2x+1), (2y+1): inconsistent with its a and u), "
                + "noise sigma 0.1");
        m.put("pinv-pinnacle-clean", "PInv with PINNacle's source as written, noise-free observations");
        return m;
    }

    /** The ids, in catalogue order. */
    public static List<String> ids() {
        return List.copyOf(DESCRIPTIONS.keySet());
    }

    /** One line describing a problem. */
    public static String description(String id) {
        check(id);
        return DESCRIPTIONS.get(id);
    }

    /**
     * The inverse problem of an id.
     *
     * @throws IllegalArgumentException for an unknown id, naming the known ones
     */
    public static InverseProblem get(String id) {
        check(id);
        boolean pinnacle = id.startsWith("pinv-pinnacle");
        boolean clean = id.endsWith("-clean");
        return pinv(id, pinnacle ? 1 : -1, clean ? 0 : SIGMA);
    }

    private static void check(String id) {
        if (!DESCRIPTIONS.containsKey(id)) {
            throw new IllegalArgumentException("unknown inverse problem '" + id + "'; known: " + String.join(", ", ids()));
        }
    }

    /** a = 1 / (1 + x^2 + y^2 + (x - 1)^2 + (y - 1)^2). */
    static Field diffusion() {
        return Field.smooth(2, z -> s(z).reciprocal());
    }

    /** u = sin(pi x) sin(pi y). */
    static Field solution() {
        return Field.smooth(2, z -> z[0].multiply(Math.PI).sin().multiply(z[1].multiply(Math.PI).sin()));
    }

    /**
     * The source 2 pi^2 a u + 2 pi a^2 ((2x + shift) cos(pi x) sin(pi y) + (2y + shift) sin(pi x) cos(pi y)):
     * shift -1 is -div(a grad u), shift +1 is PINNacle's {@code f_src}.
     */
    static Field source(int shift) {
        return Field.of(z -> {
            double x = z[0];
            double y = z[1];
            double a = 1 / (1 + x * x + y * y + (x - 1) * (x - 1) + (y - 1) * (y - 1));
            double sx = Math.sin(Math.PI * x);
            double sy = Math.sin(Math.PI * y);
            return 2 * Math.PI * Math.PI * sx * sy * a
                    + 2 * Math.PI * ((2 * x + shift) * Math.cos(Math.PI * x) * sy + (2 * y + shift) * sx * Math.cos(Math.PI * y))
                    * a * a;
        });
    }

    private static DerivativeStructure s(DerivativeStructure[] z) {
        DerivativeStructure x1 = z[0].subtract(1);
        DerivativeStructure y1 = z[1].subtract(1);
        return z[0].multiply(z[0]).add(z[1].multiply(z[1])).add(x1.multiply(x1)).add(y1.multiply(y1)).add(1);
    }

    private static InverseProblem pinv(String id, int shift, double sigma) {
        Field u = solution();
        Field a = diffusion();
        Problem problem = Problem.builder().name(id).description(DESCRIPTIONS.get(id))
                .domain(new Box(new double[] {0, 0}, new double[] {1, 1}))
                .source(source(shift))
                // u has no boundary condition in PInv (see withoutBoundaryConditions below)
                .boundary(BoundaryCondition.dirichlet(Field.constant(0)))
                .exact(u)
                .build();
        Unknown unknown = Unknown.field(Coefficient.DIFFUSION).positive().withBoundary(a).withExact(a);
        double[] grid = Observations.grid(new double[] {0, 0}, new double[] {1, 1}, GRID);
        Observations data = Observations.measure(u, 2, grid, sigma, NOISE_SEED);
        return new InverseProblem(problem, List.of(unknown), data).withoutBoundaryConditions();
    }
}
