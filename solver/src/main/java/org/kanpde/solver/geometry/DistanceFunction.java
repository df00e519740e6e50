package org.kanpde.solver.geometry;

/**
 * A function D on R^d that vanishes on the boundary of a domain and is positive in its interior, for
 * imposing Dirichlet conditions exactly through a trial function {@code u = g + D * N}. Its value,
 * gradient and second derivatives feed the Laplacian
 * {@code Lap(u) = Lap(g) + N Lap(D) + 2 grad(D).grad(N) + D Lap(N)}.
 *
 * <p>Outside the domain D is not specified (it may be negative). Implementations are immutable and
 * thread-safe, and the evaluation methods allocate nothing: results go into caller arrays.
 */
public interface DistanceFunction {

    /** @return the dimension d of the points */
    int dimension();

    /**
     * @param z a point, length d (not modified)
     * @return D(z)
     * @throws IllegalArgumentException if {@code z.length != dimension()}
     */
    double value(double[] z);

    /**
     * Computes the value, the gradient and the full Hessian.
     *
     * @param z        a point, length d (not modified)
     * @param gradient receives {@code dD/dz_k} at index k (modified); length at least d
     * @param hessian  receives {@code d2D/(dz_k dz_l)} at index {@code k * d + l} (modified, symmetric);
     *                 length at least d * d
     * @return D(z)
     * @throws IllegalArgumentException if {@code z.length != dimension()} or an output is too short
     */
    double evaluate(double[] z, double[] gradient, double[] hessian);

    /**
     * Computes the value, the gradient and the second derivatives {@code d2D/dz_k^2} (the Hessian
     * diagonal), which is all a Laplacian needs.
     *
     * @param z                 a point, length d (not modified)
     * @param gradient          receives the gradient (modified); length at least d
     * @param secondDerivatives receives {@code d2D/dz_k^2} at index k (modified); length at least d
     * @return D(z)
     * @throws IllegalArgumentException if {@code z.length != dimension()} or an output is too short
     */
    double evaluateDiagonal(double[] z, double[] gradient, double[] secondDerivatives);
}
