package org.kanpde.solver.solution;

/**
 * Errors of an approximation u against the exact solution u*, by quadrature:
 * relative L2 error ||u - u*|| / ||u*||, the largest |u - u*| over the quadrature nodes, and the
 * relative H1-seminorm error ||grad(u - u*)|| / ||grad u*||.
 *
 * @param relL2       relative L2 error
 * @param maxAbs      maximum absolute error over the nodes
 * @param h1Rel       relative H1-seminorm error (NaN when the exact gradient is unknown)
 * @param nodes       number of quadrature nodes used
 */
public record ErrorMetrics(double relL2, double maxAbs, double h1Rel, int nodes) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "relL2 %.3e, max %.3e, H1 %.3e", relL2, maxAbs, h1Rel);
    }
}
