package org.kanpde.solver.collocation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.SamplingScheme;

/**
 * What the collocation points of a training run are: how many inside the domain and on its
 * boundary, how each set is placed, and whether they are drawn anew before every stage. Immutable;
 * {@code withX} methods return modified copies (Hipparchus style).
 *
 * <p>The boundary count follows the interior count unless set: a tenth of it (at least one point),
 * the share measured best on the KAN paper's Poisson problem (6000 + 600). Both sets are drawn with
 * {@link #draw}, from a seed and a salt that the training derives from its own seed and the stage.
 * How a scheme places points on each kind of domain is the domain's business
 * ({@link Domain#sampleInterior}, {@link Domain#sampleBoundary}).
 */
public final class Collocation {
    /** Most collocation points of each kind: beyond it point arrays of 3-D problems overflow. */
    public static final int MAX_POINTS = 50_000_000;
    /** The boundary count is the interior count divided by this unless it is set. */
    public static final int BOUNDARY_DIVISOR = 10;

    private final int interiorPoints;
    /** -1: a tenth of the interior points. */
    private final int boundaryPoints;
    private final SamplingScheme interiorSampling;
    private final SamplingScheme boundarySampling;
    private final boolean resampling;

    private Collocation(int interiorPoints, int boundaryPoints, SamplingScheme interiorSampling,
                        SamplingScheme boundarySampling, boolean resampling) {
        this.interiorPoints = interiorPoints;
        this.boundaryPoints = boundaryPoints;
        this.interiorSampling = interiorSampling;
        this.boundarySampling = boundarySampling;
        this.resampling = resampling;
    }

    /**
     * {@code interiorPoints} random interior points, a tenth as many random boundary points, drawn
     * once for the whole run.
     *
     * @throws IllegalArgumentException if the count is not in [1, {@link #MAX_POINTS}]
     */
    public static Collocation of(int interiorPoints) {
        return new Collocation(checkInterior(interiorPoints), -1, SamplingScheme.RANDOM, SamplingScheme.RANDOM, false);
    }

    /** Another interior count (the boundary count follows it unless it was set). */
    public Collocation withInteriorPoints(int n) {
        return new Collocation(checkInterior(n), boundaryPoints, interiorSampling, boundarySampling, resampling);
    }

    /** An explicit boundary count, in [0, {@link #MAX_POINTS}] (0: no boundary residuals). */
    public Collocation withBoundaryPoints(int n) {
        if (n < 0 || n > MAX_POINTS) {
            throw new IllegalArgumentException("boundary points must be in [0, " + MAX_POINTS + "], got " + n);
        }
        return new Collocation(interiorPoints, n, interiorSampling, boundarySampling, resampling);
    }

    /** The same scheme inside and on the boundary. */
    public Collocation withSampling(SamplingScheme scheme) {
        return withInteriorSampling(scheme).withBoundarySampling(scheme);
    }

    /** The scheme of the interior points. */
    public Collocation withInteriorSampling(SamplingScheme scheme) {
        return new Collocation(interiorPoints, boundaryPoints, Objects.requireNonNull(scheme, "interior sampling"),
                boundarySampling, resampling);
    }

    /** The scheme of the boundary points. */
    public Collocation withBoundarySampling(SamplingScheme scheme) {
        return new Collocation(interiorPoints, boundaryPoints, interiorSampling,
                Objects.requireNonNull(scheme, "boundary sampling"), resampling);
    }

    /** Whether fresh points are drawn before every stage after the first (default false). */
    public Collocation withResampling(boolean on) {
        return new Collocation(interiorPoints, boundaryPoints, interiorSampling, boundarySampling, on);
    }

    /** Number of interior points requested (tensor schemes may return fewer, see {@link SamplingScheme}). */
    public int interiorPoints() {
        return interiorPoints;
    }

    /** Number of boundary points requested: as set, or a tenth of the interior points (at least 1). */
    public int boundaryPoints() {
        return boundaryPoints >= 0 ? boundaryPoints : Math.max(1, interiorPoints / BOUNDARY_DIVISOR);
    }

    /** Scheme of the interior points. */
    public SamplingScheme interiorSampling() {
        return interiorSampling;
    }

    /** Scheme of the boundary points. */
    public SamplingScheme boundarySampling() {
        return boundarySampling;
    }

    /** Whether points are drawn anew before every stage after the first. */
    public boolean resampling() {
        return resampling;
    }

    /**
     * Draws the points. The same arguments give the same points.
     *
     * @param domain   where
     * @param seed     the run's seed
     * @param salt     which drawing of the run (0 first; the stage index when resampling)
     * @param boundary whether boundary points are wanted (not with exactly imposed Dirichlet data)
     * @return the interior points and, when wanted and more than zero were asked for, the boundary points
     */
    public CollocationPoints draw(Domain domain, long seed, int salt, boolean boundary) {
        long s = seed * 1_000_003L + salt;
        int nb = boundaryPoints();
        return new CollocationPoints(domain.sampleInterior(interiorPoints, interiorSampling, s),
                !boundary || nb == 0 ? null : domain.sampleBoundary(nb, boundarySampling, s + 7), salt);
    }

    /** The settings by name, as exact text: the collocation part of a training fingerprint. */
    public Map<String, String> fingerprint() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("interiorPoints", Integer.toString(interiorPoints));
        m.put("boundaryPoints", Integer.toString(boundaryPoints()));
        m.put("interiorSampling", interiorSampling.id());
        m.put("boundarySampling", boundarySampling.id());
        m.put("resampling", Boolean.toString(resampling));
        return m;
    }

    private static int checkInterior(int n) {
        if (n < 1 || n > MAX_POINTS) {
            throw new IllegalArgumentException("interior points must be in [1, " + MAX_POINTS + "], got " + n);
        }
        return n;
    }

    @Override
    public String toString() {
        return "Collocation[" + interiorPoints + " " + interiorSampling.id() + " + " + boundaryPoints() + " "
                + boundarySampling.id() + (resampling ? ", resampled every stage" : "") + "]";
    }
}
