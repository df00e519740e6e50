package org.kanpde.problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.kanpde.solver.problem.Problem;

/**
 * The built-in problems: manufactured solutions whose source terms and boundary data are written
 * out by hand (each derivation is in the Javadoc of its factory and checked against finite
 * differences of the exact solution in the tests).
 *
 * <table>
 * <caption>Problems</caption>
 * <tr><th>id</th><th>equation, domain</th><th>exact solution</th><th>boundary</th></tr>
 * <tr><td>poisson1d</td><td>-u'' = f, [-1, 1]</td><td>sin(pi x)</td><td>Dirichlet 0</td></tr>
 * <tr><td>poisson2d-sin</td><td>-Laplace u = f, [-1, 1]^2</td><td>sin(pi x) sin(pi y)</td><td>Dirichlet 0</td></tr>
 * <tr><td>poisson2d-paper</td><td>-Laplace u = f, [-1, 1]^2</td><td>sin(pi x) sin(pi y^2)</td><td>Dirichlet 0</td></tr>
 * <tr><td>poisson2d-mixed</td><td>-Laplace u = f, [0, 1]^2</td><td>e^x sin(pi y) + x^2 y + x</td>
 *     <td>Dirichlet, Neumann, Robin</td></tr>
 * <tr><td>poisson3d</td><td>-Laplace u = f, [0, 1]^3</td><td>sin(pi x) sin(pi y) sin(pi z)</td><td>Dirichlet 0</td></tr>
 * <tr><td>varcoef2d</td><td>-div((1 + x^2 + y^2) grad u) = f, [-1, 1]^2</td><td>sin(pi x) sin(pi y) + x y</td>
 *     <td>Dirichlet x y</td></tr>
 * <tr><td>helmholtz2d</td><td>-Laplace u - 16 u = f, [-1, 1]^2</td><td>(1 - x^2) sin(2 pi y)</td><td>Dirichlet 0</td></tr>
 * <tr><td>nonlinear2d</td><td>-Laplace u + u^3 = f, [-1, 1]^2</td><td>sin(pi x) sin(pi y) + x/2</td>
 *     <td>Dirichlet x/2</td></tr>
 * <tr><td>lshape</td><td>-Laplace u = 0, L-shape</td><td>r^(2/3) sin(2 theta/3)</td><td>Dirichlet u</td></tr>
 * <tr><td>disk</td><td>-Laplace u = f, unit disk</td><td>(1 - x^2 - y^2) e^x</td><td>Dirichlet 0</td></tr>
 * <tr><td>multiscale2d</td><td>-Laplace u = f, [-1, 1]^2</td><td>sin(pi x) sin(pi y) + 0.1 sin(6 pi x) sin(6 pi y)</td>
 *     <td>Dirichlet 0</td></tr>
 * <tr><td>reaction2d-neumann</td><td>-Laplace u + u = f, [0, 1]^2</td><td>cos(pi x) sin(pi y) + x y</td>
 *     <td>Neumann</td></tr>
 * <tr><td>helmholtz3d</td><td>-Laplace u - 16 u = f, [0, 1]^3</td><td>sin(pi x) sin(pi y) z (1 - z)</td>
 *     <td>Dirichlet 0</td></tr>
 * <tr><td>disk-robin</td><td>-Laplace u + u = f, disk centre (0.5, 0)</td><td>e^x cos y</td><td>Robin</td></tr>
 * </table>
 *
 * <p>All pure-Dirichlet problems except {@code lshape} give every boundary part the same data
 * field, with derivatives, so the solver's hard Dirichlet enforcement applies; where that data is
 * not zero it agrees with the exact solution only on the boundary.
 */
public final class ProblemCatalog {

    private static final Map<String, Supplier<Problem>> PROBLEMS = catalogue();

    private ProblemCatalog() {
    }

    private static Map<String, Supplier<Problem>> catalogue() {
        Map<String, Supplier<Problem>> m = new LinkedHashMap<>();
        m.put("poisson1d", PoissonProblems::poisson1d);
        m.put("poisson2d-sin", PoissonProblems::poisson2dSin);
        m.put("poisson2d-paper", PoissonProblems::poisson2dPaper);
        m.put("poisson2d-mixed", MixedBoundaryProblems::poisson2dMixed);
        m.put("poisson3d", PoissonProblems::poisson3d);
        m.put("varcoef2d", CoefficientProblems::varcoef2d);
        m.put("helmholtz2d", CoefficientProblems::helmholtz2d);
        m.put("nonlinear2d", CoefficientProblems::nonlinear2d);
        m.put("lshape", ShapeProblems::lshape);
        m.put("disk", ShapeProblems::disk);
        m.put("multiscale2d", PoissonProblems::multiscale2d);
        m.put("reaction2d-neumann", MixedBoundaryProblems::reaction2dNeumann);
        m.put("helmholtz3d", CoefficientProblems::helmholtz3d);
        m.put("disk-robin", ShapeProblems::diskRobin);
        return Collections.unmodifiableMap(m);
    }

    /** @return the problem ids, in catalogue order (an unmodifiable list) */
    public static List<String> ids() {
        return Collections.unmodifiableList(new ArrayList<>(PROBLEMS.keySet()));
    }

    /**
     * @param id a problem id, e.g. {@code "poisson2d-paper"}
     * @return a new instance of the problem; its {@link Problem#name()} is the id
     * @throws IllegalArgumentException if the id is unknown; the message lists the known ids
     */
    public static Problem get(String id) {
        Supplier<Problem> factory = PROBLEMS.get(id);
        if (factory == null) {
            throw new IllegalArgumentException("unknown problem '" + id + "'; known: " + String.join(", ", PROBLEMS.keySet()));
        }
        return factory.get();
    }

    /**
     * @param id a problem id
     * @return the problem's one-line description
     * @throws IllegalArgumentException if the id is unknown
     */
    public static String description(String id) {
        return get(id).description();
    }
}
