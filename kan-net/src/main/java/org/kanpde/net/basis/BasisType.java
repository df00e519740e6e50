package org.kanpde.net.basis;

import java.util.Locale;

import org.kanpde.net.spline.Knots;
import org.kanpde.net.spline.TaylorTable;


/**
 * The edge bases a KAN can use, each with the meaning of the builder's grid size:
 * <table>
 *   <caption>size parameter per basis</caption>
 *   <tr><th>type</th><th>grid size means</th><th>coefficients per edge</th></tr>
 *   <tr><td>{@link #BSPLINE}</td><td>grid intervals G (degree k from the builder's degree)</td><td>G + k</td></tr>
 *   <tr><td>{@link #CHEBYSHEV}</td><td>polynomial degree n (T_0 .. T_n)</td><td>n + 1</td></tr>
 *   <tr><td>{@link #RBF}</td><td>number of Gaussian centres n over the range (&gt;= 2), width 1.5 times the spacing</td><td>n + 8 (four more beyond each end)</td></tr>
 *   <tr><td>{@link #FOURIER}</td><td>number of frequencies n (1, cos, sin of m w x, m = 1..n)</td><td>2n + 1</td></tr>
 * </table>
 * The builder's degree applies to B-splines only; the other bases ignore it.
 */
public enum BasisType {
    /** B-splines of degree k on a grid of G intervals ({@link BSplineBasis}). */
    BSPLINE {
        @Override
        public EdgeBasis create(double lower, double upper, int gridSize, int degree) {
            return BSplineBasis.uniform(lower, upper, gridSize, degree);
        }

        @Override
        public int size(int gridSize, int degree) {
            Knots.checkDegree(degree);
            return exactSize(this, gridSize, degree, (long) gridSize + degree);
        }

        @Override
        public long tableSize(int gridSize, int degree) {
            Knots.checkDegree(degree);
            return TaylorTable.size(gridSize, degree);
        }
    },
    /** Chebyshev polynomials T_0 .. T_n of an affine map of the range onto [-1, 1] ({@link ChebyshevBasis}). */
    CHEBYSHEV {
        @Override
        public EdgeBasis create(double lower, double upper, int gridSize, int degree) {
            return ChebyshevBasis.of(lower, upper, gridSize);
        }

        @Override
        public int size(int gridSize, int degree) {
            return exactSize(this, gridSize, degree, gridSize + 1L);
        }
    },
    /** Gaussian radial basis functions on a uniform grid of centres ({@link RbfBasis}). */
    RBF {
        @Override
        public EdgeBasis create(double lower, double upper, int gridSize, int degree) {
            // FastKAN ties the width to the spacing; for PDE residuals that stalled at 5e-4 on the
            // KAN paper's problem (the Gaussians' ripple, about 1e-4 of the value, grows like 1/h^2
            // in second derivatives); 1.5 spacings reached 1.7e-7
            return RbfBasis.uniform(lower, upper, gridSize, RBF_WIDTH_FACTOR);
        }

        @Override
        public int size(int gridSize, int degree) {
            return exactSize(this, gridSize, degree, gridSize + 8L);
        }

        /** The centres. */
        @Override
        public long tableSize(int gridSize, int degree) {
            return size(gridSize, degree);
        }
    },
    /** A constant and sine/cosine pairs of n frequencies ({@link FourierBasis}). */
    FOURIER {
        @Override
        public EdgeBasis create(double lower, double upper, int gridSize, int degree) {
            return FourierBasis.of(lower, upper, gridSize);
        }

        @Override
        public int size(int gridSize, int degree) {
            return exactSize(this, gridSize, degree, 2L * gridSize + 1);
        }
    };

    /** Gaussian width of {@link #RBF} bases in grid spacings. */
    static final double RBF_WIDTH_FACTOR = 1.5;


    /**
     * A basis of this type laid out uniformly on [lower, upper].
     *
     * @param gridSize the size parameter (see the class comment)
     * @param degree   the B-spline degree k; ignored by the other types
     * @throws IllegalArgumentException if a setting is invalid for this type, naming the value
     */
    public abstract EdgeBasis create(double lower, double upper, int gridSize, int degree);

    /**
     * Coefficients per edge for a grid size (and, for B-splines, a degree), computed without
     * overflow, so that a network's size can be checked before its bases are built.
     *
     * @throws IllegalArgumentException if the count exceeds the largest Java array, or (B-splines)
     *                                  the degree is not in [1, {@link Knots#MAX_DEGREE}],
     *                                  naming the values
     */
    public abstract int size(int gridSize, int degree);

    /**
     * Doubles of precomputed tables that one basis of this type holds (one per input node): the
     * Taylor coefficients of B-splines, 4 (k+1)^2 per interval ({@link TaylorTable#size}); the
     * centres of RBFs; 0 for Chebyshev and Fourier bases, which evaluate by recurrences. In long
     * arithmetic, for size checks before anything is allocated.
     *
     * @throws IllegalArgumentException as {@link #size}
     */
    public long tableSize(int gridSize, int degree) {
        return 0;
    }

    /** Largest array length the JVM allocates (a few header words below Integer.MAX_VALUE). */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static int exactSize(BasisType type, int gridSize, int degree, long size) {
        if (size > MAX_ARRAY) {
            throw new IllegalArgumentException(type.id() + " grid size " + gridSize
                    + (type == BSPLINE ? " with degree k = " + degree : "") + " gives " + size
                    + " coefficients per edge, more than one array holds (" + MAX_ARRAY + ")");
        }
        return (int) size;
    }

    /** The lower-case name used on command lines and in model files: bspline, chebyshev, rbf, fourier. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type with the given {@link #id()} (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name, naming it and the choices
     */
    public static BasisType parse(String id) {
        if (id != null) {
            for (BasisType t : values()) {
                if (t.id().equalsIgnoreCase(id.trim())) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown edge basis '" + id + "', expected bspline, chebyshev, rbf or fourier");
    }
}
