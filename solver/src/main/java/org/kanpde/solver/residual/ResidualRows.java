package org.kanpde.solver.residual;

import org.kanpde.solver.geometry.BoundarySample;
import org.kanpde.solver.geometry.DistanceFunction;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Nonlinearity;
import org.kanpde.solver.problem.Problem;

/**
 * The collocation rows of a physics-informed residual with every coefficient, source value and
 * boundary datum evaluated once (they do not change while the network trains). Interior rows come
 * first, then boundary rows. See {@link ResidualSystem} for the row form.
 */
public final class ResidualRows {
    private final int dimension;
    private final int interiorCount;
    private final int count;
    private final double[] points;
    private final double[] weight;
    private final double[] coefficientA;
    private final double[] coefficientsB;
    private final double[] coefficientC;
    private final double[] target;
    private final double[] lift;
    private final Nonlinearity nonlinearity;

    private ResidualRows(int dimension, int interiorCount, int count, Nonlinearity nonlinearity, boolean hard) {
        this.dimension = dimension;
        this.interiorCount = interiorCount;
        this.count = count;
        this.points = new double[count * dimension];
        this.weight = new double[count];
        this.coefficientA = new double[count];
        this.coefficientsB = new double[count * dimension];
        this.coefficientC = new double[count];
        this.target = new double[count];
        this.lift = hard ? new double[count * DirichletLift.recordSize(dimension)] : null;
        this.nonlinearity = nonlinearity;
    }

    /**
     * Rows for a problem on given collocation points.
     *
     * @param problem        the problem
     * @param interior       interior collocation points (at least one)
     * @param boundary       boundary points with normals and parts (ignored, may be null, with hard
     *                       Dirichlet enforcement)
     * @param boundaryWeight weight of the mean squared boundary residual relative to the interior
     * @param hardDirichlet  impose u = g exactly through u = g + D v (pure Dirichlet problems only)
     * @throws IllegalArgumentException for dimension mismatches, non-finite data, or hard
     *                                  enforcement on a problem that is not pure Dirichlet or whose
     *                                  parts do not share one smooth data field
     */
    public static ResidualRows of(Problem problem, PointSet interior, BoundarySample boundary, double boundaryWeight,
                                  boolean hardDirichlet) {
        int d = problem.dimension();
        if (interior.dimension() != d) {
            throw new IllegalArgumentException("interior points are " + interior.dimension() + "-D, the problem is " + d + "-D");
        }
        if (interior.size() < 1) {
            throw new IllegalArgumentException("need at least one interior collocation point, got 0");
        }
        if (!(boundaryWeight >= 0) || !Double.isFinite(boundaryWeight)) {
            throw new IllegalArgumentException("boundary weight must be finite and >= 0, got " + boundaryWeight);
        }
        Field lifted = hardDirichlet ? liftData(problem) : null;
        int nb = hardDirichlet || boundary == null ? 0 : boundary.size();
        if (nb > 0 && boundary.dimension() != d) {
            throw new IllegalArgumentException("boundary points are " + boundary.dimension() + "-D, the problem is " + d + "-D");
        }
        int ni = interior.size();
        ResidualRows rows = new ResidualRows(d, ni, ni + nb, problem.nonlinearity(), hardDirichlet);
        double[] z = new double[d];
        double[] jet = new double[1 + 2 * d];
        double wi = 1.0 / Math.sqrt(ni);
        DistanceFunction distance = hardDirichlet ? problem.domain().distance() : null;
        double[] grad = new double[d];
        double[] second = new double[d];
        for (int i = 0; i < ni; i++) {
            interior.point(i, z);
            System.arraycopy(z, 0, rows.points, i * d, d);
            problem.diffusion().derivatives(z, jet);
            rows.weight[i] = wi;
            rows.coefficientA[i] = problem.reaction().value(z);
            rows.coefficientC[i] = -jet[0];
            for (int k = 0; k < d; k++) {
                rows.coefficientsB[i * d + k] = -jet[1 + k];
            }
            rows.target[i] = problem.source().value(z);
            if (lifted != null) {
                int off = i * DirichletLift.recordSize(d);
                lifted.derivatives(z, jet);
                System.arraycopy(jet, 0, rows.lift, off, 1 + 2 * d);
                rows.lift[off + 1 + 2 * d] = distance.evaluateDiagonal(z, grad, second);
                System.arraycopy(grad, 0, rows.lift, off + 2 + 2 * d, d);
                System.arraycopy(second, 0, rows.lift, off + 2 + 3 * d, d);
            }
            rows.check(i, null);
        }
        double wb = nb == 0 ? 0 : Math.sqrt(boundaryWeight / nb);
        double[] normal = new double[d];
        for (int t = 0; t < nb; t++) {
            int i = ni + t;
            boundary.point(t, z);
            boundary.normal(t, normal);
            System.arraycopy(z, 0, rows.points, i * d, d);
            BoundaryCondition bc = problem.boundaryCondition(boundary.part(t));
            rows.weight[i] = wb;
            rows.coefficientA[i] = bc.alpha();
            for (int k = 0; k < d; k++) {
                rows.coefficientsB[i * d + k] = bc.beta() * normal[k];
            }
            rows.target[i] = bc.data().value(z);
            rows.check(i, problem.domain().boundaryPartName(boundary.part(t)));
        }
        return rows;
    }

    private static Field liftData(Problem problem) {
        if (!problem.isPureDirichlet()) {
            throw new IllegalArgumentException("hard Dirichlet enforcement needs Dirichlet conditions on every boundary part; "
                    + "problem '" + problem.name() + "' has others");
        }
        Field g = problem.boundaryCondition(0).data();
        for (int p = 1; p < problem.domain().boundaryPartCount(); p++) {
            // one field object, not equal values: g must extend the data smoothly into the domain
            if (problem.boundaryCondition(p).data() != g) {
                throw new IllegalArgumentException("hard Dirichlet enforcement needs one data field g (the same Field object) "
                        + "on all boundary parts; problem '" + problem.name() + "' has different fields on parts 0 and " + p);
            }
        }
        if (!g.hasDerivatives()) {
            throw new IllegalArgumentException("hard Dirichlet enforcement needs derivatives of the boundary data "
                    + "(build it with Field.smooth or Field.constant)");
        }
        return g;
    }

    /**
     * Rejects a row with non-finite data, naming the point, the boundary part and the quantity.
     *
     * @param part the boundary part's name, or null for an interior row
     */
    private void check(int i, String part) {
        boolean interior = part == null;
        String bad = null;
        double value = 0;
        if (!Double.isFinite(target[i])) {
            bad = interior ? "the source f" : "the boundary condition's value";
            value = target[i];
        } else if (!Double.isFinite(coefficientA[i])) {
            bad = interior ? "the reaction coefficient c" : "the Robin coefficient alpha";
            value = coefficientA[i];
        } else if (!Double.isFinite(coefficientC[i])) {
            bad = "the diffusion coefficient a";
            value = -coefficientC[i];
        }
        for (int k = 0; bad == null && k < dimension; k++) {
            if (!Double.isFinite(coefficientsB[i * dimension + k])) {
                bad = interior ? "the gradient of the diffusion coefficient a" : "beta times the normal";
                value = coefficientsB[i * dimension + k];
            }
        }
        if (bad == null && lift != null) {
            int size = DirichletLift.recordSize(dimension);
            for (int t = 0; bad == null && t < size; t++) {
                if (!Double.isFinite(lift[i * size + t])) {
                    // the record holds g and its derivatives, then D and its derivatives
                    bad = t < 1 + 2 * dimension ? "the Dirichlet data g (or its derivatives), extended into the domain"
                            : "the distance function D (or its derivatives)";
                    value = lift[i * size + t];
                }
            }
        }
        if (bad != null) {
            StringBuilder p = new StringBuilder("(");
            for (int k = 0; k < dimension; k++) {
                p.append(k == 0 ? "" : ", ").append(points[i * dimension + k]);
            }
            throw new IllegalArgumentException("problem data is not finite at the " + (interior ? "interior" : "boundary")
                    + " point " + p + ")" + (interior ? "" : " on part '" + part + "'") + ": " + bad + " evaluates to "
                    + value + " there");
        }
    }

    /** Spatial dimension. */
    public int dimension() {
        return dimension;
    }

    /** Number of rows. */
    public int count() {
        return count;
    }

    /** Number of interior rows (they come first). */
    public int interiorCount() {
        return interiorCount;
    }

    /** Flat row points, count x d (shared: do not modify). */
    double[] points() {
        return points;
    }

    /** A copy of the row points. */
    public double[] pointsCopy() {
        return points.clone();
    }

    double weight(int i) {
        return weight[i];
    }

    double coefficientA(int i) {
        return coefficientA[i];
    }

    double[] coefficientsB() {
        return coefficientsB;
    }

    double coefficientC(int i) {
        return coefficientC[i];
    }

    double target(int i) {
        return target[i];
    }

    double[] lift() {
        return lift;
    }

    Nonlinearity nonlinearity() {
        return nonlinearity;
    }
}
