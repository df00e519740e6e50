package org.kanpde.net.quadrature;

/**
 * The n-point Gauss-Legendre rule on [-1, 1]: exact for polynomials of degree at most 2n - 1.
 * Nodes are in increasing order, symmetric about 0 and lie strictly inside (-1, 1). Immutable.
 *
 * <p>Nodes are the roots of the Legendre polynomial P_n, found by Newton's method with P_n and P_n'
 * from the three-term recurrence, starting from the asymptotic guess
 * {@code cos(pi (i + 3/4) / (n + 1/2))}; weights are {@code 2 / ((1 - x^2) P_n'(x)^2)}. This costs
 * O(n^2) and matches Hipparchus's {@code GaussIntegratorFactory.legendre(n)} to rounding, which we do
 * not use because its cost grows like n^3 (about 0.85 s for n = 400, 7.6 s for n = 800): too slow
 * for Gauss-Legendre sampling grids. It lives in kan-net because grid refits place their fit
 * points with it too, and the solver's quadrature rules build on it.
 */
public final class GaussLegendre {

    private static final int MAX_NEWTON_STEPS = 100;

    private final double[] nodes;
    private final double[] weights;

    private GaussLegendre(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * Computes the n-point rule.
     *
     * @param n number of nodes, at least 1
     * @return the rule on [-1, 1]
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static GaussLegendre of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of Gauss-Legendre nodes must be >= 1, got " + n);
        }
        double[] x = new double[n];
        double[] w = new double[n];
        double[] pd = new double[2];
        // Roots come in pairs +-x: find the non-negative half, largest first.
        for (int i = 0; i < (n + 1) / 2; i++) {
            double root = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            if (2 * i + 1 == n) {
                root = 0.0;
                legendre(n, root, pd);
            } else {
                for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
                    legendre(n, root, pd);
                    double dx = pd[0] / pd[1];
                    root -= dx;
                    // Quadratic convergence: once a step is this small the root is exact to rounding.
                    if (Math.abs(dx) <= 1e-15) {
                        break;
                    }
                }
                legendre(n, root, pd);
            }
            double weight = 2.0 / ((1.0 - root) * (1.0 + root) * pd[1] * pd[1]);
            x[n - 1 - i] = root;
            x[i] = -root;
            w[n - 1 - i] = weight;
            w[i] = weight;
        }
        return new GaussLegendre(x, w);
    }

    /** Writes P_n(x) and P_n'(x) to {@code out[0]} and {@code out[1]}, for n >= 1 and |x| < 1. */
    private static void legendre(int n, double x, double[] out) {
        double previous = 1.0;
        double current = x;
        for (int k = 1; k < n; k++) {
            double next = ((2 * k + 1) * x * current - k * previous) / (k + 1);
            previous = current;
            current = next;
        }
        out[0] = current;
        // P_n' from P_n and P_{n-1}; |x| < 1 for every root, so 1 - x^2 never vanishes.
        out[1] = n * (previous - x * current) / ((1.0 - x) * (1.0 + x));
    }

    /** @return the number of nodes n */
    public int size() {
        return nodes.length;
    }

    /**
     * @param i node index, {@code 0 <= i < size()}
     * @return node i in (-1, 1), increasing with i
     */
    public double node(int i) {
        return nodes[i];
    }

    /**
     * @param i node index, {@code 0 <= i < size()}
     * @return the (positive) weight of node i; the weights sum to 2
     */
    public double weight(int i) {
        return weights[i];
    }

    /** @return a copy of the nodes on [-1, 1], increasing */
    public double[] nodes() {
        return nodes.clone();
    }

    /** @return a copy of the weights on [-1, 1] */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Nodes of the rule mapped affinely to (0, 1), increasing.
     *
     * @return a new array of n nodes in (0, 1)
     */
    public double[] unitNodes() {
        double[] t = new double[nodes.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.5 * (nodes[i] + 1.0);
        }
        return t;
    }

    /**
     * The composite rule on [a, b]: the interval is split into {@code subintervals} equal pieces and
     * this rule is mapped onto each. Exact for piecewise polynomials of degree at most 2n - 1 on
     * the pieces.
     *
     * @param a            left end, finite
     * @param b            right end, finite, {@code b > a}
     * @param subintervals number of pieces, at least 1
     * @param nodesOut     receives the {@code n * subintervals} nodes in increasing order (modified)
     * @param weightsOut   receives the matching weights (modified)
     * @throws IllegalArgumentException if the interval is empty or not finite, {@code subintervals < 1}
     *                                  or an output array is shorter than {@code n * subintervals}
     */
    public void composite(double a, double b, int subintervals, double[] nodesOut, double[] weightsOut) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && a < b)) {
            throw new IllegalArgumentException("interval must be finite with a < b, got [" + a + ", " + b + "]");
        }
        if (subintervals < 1) {
            throw new IllegalArgumentException("subintervals must be >= 1, got " + subintervals);
        }
        int n = nodes.length;
        int total = n * subintervals;
        if (nodesOut.length < total || weightsOut.length < total) {
            throw new IllegalArgumentException("output arrays need length >= " + total + ", got "
                    + nodesOut.length + " and " + weightsOut.length);
        }
        double h = (b - a) / subintervals;
        for (int s = 0; s < subintervals; s++) {
            double left = a + s * h;
            for (int i = 0; i < n; i++) {
                nodesOut[s * n + i] = left + 0.5 * h * (nodes[i] + 1.0);
                weightsOut[s * n + i] = 0.5 * h * weights[i];
            }
        }
    }

    @Override
    public String toString() {
        return "GaussLegendre[n=" + nodes.length + "]";
    }
}
