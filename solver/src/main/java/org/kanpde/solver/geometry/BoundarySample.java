package org.kanpde.solver.geometry;

/**
 * An immutable sample of boundary points: for each point its coordinates, its outward unit normal
 * and the index of the boundary part it lies on (see {@link Domain#boundaryPartName(int)}).
 * Coordinates and normals are flat row-major arrays of length {@code n * d}.
 */
public final class BoundarySample {

    private final PointSet points;
    private final double[] normals;
    private final int[] parts;
    private final int partCount;

    /**
     * Creates a sample (arrays copied).
     *
     * @param dimension   the dimension d, at least 1
     * @param coordinates flat point coordinates, length {@code n * d}
     * @param normals     flat outward unit normals, length {@code n * d}
     * @param parts       boundary part of each point, length n, each in {@code [0, partCount)}
     * @param partCount   number of boundary parts of the domain, at least 1
     * @throws IllegalArgumentException if the lengths disagree, a value is not finite, a normal is not
     *                                  of unit length (to 1e-9) or a part index is out of range
     */
    public BoundarySample(int dimension, double[] coordinates, double[] normals, int[] parts, int partCount) {
        this(new PointSet(dimension, coordinates), normals.clone(), parts.clone(), partCount, true);
    }

    private BoundarySample(PointSet points, double[] normals, int[] parts, int partCount, boolean validate) {
        if (validate) {
            int d = points.dimension();
            int n = points.size();
            if (partCount < 1) {
                throw new IllegalArgumentException("partCount must be >= 1, got " + partCount);
            }
            if (normals.length != n * d) {
                throw new IllegalArgumentException("normals length must be " + (n * d) + ", got " + normals.length);
            }
            if (parts.length != n) {
                throw new IllegalArgumentException("parts length must be " + n + ", got " + parts.length);
            }
            for (int i = 0; i < n; i++) {
                if (parts[i] < 0 || parts[i] >= partCount) {
                    throw new IllegalArgumentException("part of point " + i + " must be in [0, " + partCount
                            + "), got " + parts[i]);
                }
                double norm2 = 0;
                for (int k = 0; k < d; k++) {
                    norm2 += normals[i * d + k] * normals[i * d + k];
                }
                if (!(Math.abs(norm2 - 1.0) <= 1e-9)) {
                    throw new IllegalArgumentException("normal of point " + i + " must have unit length, got "
                            + "squared length " + norm2);
                }
            }
        }
        this.points = points;
        this.normals = normals;
        this.parts = parts;
        this.partCount = partCount;
    }

    /** Wraps arrays built in this package without copying; the caller must not modify them later. */
    static BoundarySample wrap(int dimension, double[] coordinates, double[] normals, int[] parts, int partCount) {
        return new BoundarySample(PointSet.wrap(dimension, coordinates), normals, parts, partCount, false);
    }

    /** @return the dimension d */
    public int dimension() {
        return points.dimension();
    }

    /** @return the number of points n */
    public int size() {
        return parts.length;
    }

    /** @return the number of boundary parts of the sampled domain (some may hold no point) */
    public int partCount() {
        return partCount;
    }

    /** @return the points, without normals or parts */
    public PointSet points() {
        return points;
    }

    /**
     * @param i point index
     * @param k coordinate index
     * @return coordinate k of point i
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double coordinate(int i, int k) {
        return points.coordinate(i, k);
    }

    /**
     * @param i point index, {@code 0 <= i < size()}
     * @param k coordinate index, {@code 0 <= k < dimension()}
     * @return component k of the outward unit normal at point i
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double normal(int i, int k) {
        int d = points.dimension();
        if (i < 0 || i >= parts.length || k < 0 || k >= d) {
            throw new IndexOutOfBoundsException("point " + i + ", component " + k + " out of range for "
                    + parts.length + " points in dimension " + d);
        }
        return normals[i * d + k];
    }

    /**
     * Copies point i into {@code out} without allocating.
     *
     * @param i   point index
     * @param out receives the coordinates (modified)
     * @throws IndexOutOfBoundsException if i is out of range or out is too short
     */
    public void point(int i, double[] out) {
        points.point(i, out);
    }

    /**
     * Copies the outward unit normal at point i into {@code out} without allocating.
     *
     * @param i   point index, {@code 0 <= i < size()}
     * @param out receives the d components (modified)
     * @throws IndexOutOfBoundsException if i is out of range or out is too short
     */
    public void normal(int i, double[] out) {
        if (i < 0 || i >= parts.length) {
            throw new IndexOutOfBoundsException("point " + i + " out of range for " + parts.length + " points");
        }
        int d = points.dimension();
        System.arraycopy(normals, i * d, out, 0, d);
    }

    /**
     * @param i point index, {@code 0 <= i < size()}
     * @return the boundary part that point i lies on
     * @throws IndexOutOfBoundsException if i is out of range
     */
    public int part(int i) {
        return parts[i];
    }

    /** @return a copy of the coordinates, flat row-major */
    public double[] coordinates() {
        return points.coordinates();
    }

    /** @return a copy of the normals, flat row-major */
    public double[] normals() {
        return normals.clone();
    }

    /** @return a copy of the part index of every point */
    public int[] parts() {
        return parts.clone();
    }

    /**
     * @param part a boundary part, {@code 0 <= part < partCount()}
     * @return the indices of the points on that part, increasing (possibly empty)
     * @throws IllegalArgumentException if part is out of range
     */
    public int[] indicesOfPart(int part) {
        if (part < 0 || part >= partCount) {
            throw new IllegalArgumentException("part must be in [0, " + partCount + "), got " + part);
        }
        int count = 0;
        for (int p : parts) {
            if (p == part) {
                count++;
            }
        }
        int[] out = new int[count];
        for (int i = 0, j = 0; i < parts.length; i++) {
            if (parts[i] == part) {
                out[j++] = i;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "BoundarySample[dimension=" + dimension() + ", size=" + size() + ", parts=" + partCount + "]";
    }
}
