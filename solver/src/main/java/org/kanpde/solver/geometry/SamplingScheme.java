package org.kanpde.solver.geometry;

/**
 * How {@link Domain#sampleInterior} and {@link Domain#sampleBoundary} place points.
 *
 * <h2>Interior</h2>
 * <ul>
 *   <li>The three tensor schemes ({@link #UNIFORM_GRID}, {@link #GAUSS_LEGENDRE}, {@link #CHEBYSHEV})
 *       ignore the seed. On a {@link Box} in d dimensions they use the same m nodes on every axis,
 *       where m is the <em>largest integer with m^d &lt;= n</em>, so exactly m^d points are returned.
 *       On other domains the tensor grid is laid over the bounding box and filtered to the points
 *       strictly inside; its resolution m starts at the estimate
 *       {@code (n * boxMeasure / measure)^(1/d)} and is adjusted so that the number of points inside
 *       is at most n while resolution m + 1 would give more than n. The count is therefore close to
 *       n but rarely equal to it; if that count would be zero (tiny n) the coarsest grid with a
 *       point inside is used.</li>
 *   <li>{@link #SOBOL} and {@link #RANDOM} return exactly n points, drawn in the bounding box and
 *       kept when strictly inside (rejection sampling; on a box almost nothing is rejected).</li>
 * </ul>
 * Every interior point is strictly inside: farther than {@link Domain#tolerance()} from the boundary.
 *
 * <h2>Boundary</h2>
 * The n points are split over the boundary parts in proportion to their measure (largest
 * remainders, ties to the lower part index), so some parts get none when n is small. On each part:
 * <ul>
 *   <li>{@link #UNIFORM_GRID}: equally spaced at the midpoints of m equal cells, so corners (where
 *       the normal is ambiguous) are never sampled;</li>
 *   <li>{@link #GAUSS_LEGENDRE}, {@link #CHEBYSHEV}: the scheme's nodes along the part; on the
 *       circle of a {@link Disk} they fall back to {@link #UNIFORM_GRID}, which is the Gauss rule for
 *       periodic functions;</li>
 *   <li>{@link #SOBOL}: a one-dimensional (two-dimensional on the faces of a 3-D box) shifted Sobol
 *       sequence per part;</li>
 *   <li>{@link #RANDOM}: uniform by arclength (area on 3-D faces).</li>
 * </ul>
 * On the faces of a 3-D box the grid schemes use an {@code m1 x m2} tensor grid with
 * {@code m1 * m2 <= n_part} and spacings as equal as possible, so the total can fall short of n.
 * A 1-D box has two boundary points; see {@link Box#sampleBoundary}.
 *
 * <h2>Seeds</h2>
 * {@link #RANDOM} draws from {@code new SplittableRandom(seed)}. {@link #SOBOL} uses the Sobol
 * sequence of Hipparchus (Joe-Kuo direction numbers, starting at index 0) with a <em>random digital
 * shift</em>: each coordinate's 52-bit fraction is XOR-ed with a mask drawn from
 * {@code new SplittableRandom(seed)} (one mask per coordinate, and per part on the boundary) and
 * moved by half a unit in the last place so that it lies strictly in (0, 1). A digital shift keeps
 * the net structure of the sequence (its first 2^k points stay equidistributed), and different seeds
 * give different point sets. The same seed always gives the same points.
 */
public enum SamplingScheme {
    /** Equally spaced tensor grid; interior nodes exclude the boundary. Ignores the seed. */
    UNIFORM_GRID,
    /** Tensor Gauss-Legendre nodes. Ignores the seed. */
    GAUSS_LEGENDRE,
    /** Tensor Chebyshev-Gauss nodes {@code cos((2i + 1) pi / (2m))}. Ignores the seed. */
    CHEBYSHEV,
    /** Digitally shifted Sobol sequence (seeded), rejection on non-box domains. */
    SOBOL,
    /** Independent uniform points (seeded), rejection on non-box domains. */
    RANDOM;

    /**
     * The scheme's name on the command line, in problem and result files: {@code grid},
     * {@code gauss}, {@code chebyshev}, {@code sobol} or {@code random}.
     */
    public String id() {
        switch (this) {
            case UNIFORM_GRID:
                return "grid";
            case GAUSS_LEGENDRE:
                return "gauss";
            default:
                return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The scheme with the given {@link #id()}, case and surrounding blanks ignored; {@code uniform}
     * and {@code gauss-legendre} are accepted as well.
     *
     * @throws IllegalArgumentException naming the bad value and the choices
     */
    public static SamplingScheme parse(String id) {
        String s = id == null ? "" : id.trim().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "uniform":
                return UNIFORM_GRID;
            case "gauss-legendre":
                return GAUSS_LEGENDRE;
            default:
                for (SamplingScheme scheme : values()) {
                    if (scheme.id().equals(s)) {
                        return scheme;
                    }
                }
                throw new IllegalArgumentException("sampling must be random, sobol, grid, gauss or chebyshev, got '" + id + "'");
        }
    }

    /** @return true for the three tensor schemes, whose point count depends on a resolution m */
    boolean isTensor() {
        return this == UNIFORM_GRID || this == GAUSS_LEGENDRE || this == CHEBYSHEV;
    }
}
