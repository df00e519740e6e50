package org.kanpde.plots;

import java.util.Arrays;

import org.kanpde.solver.geometry.Domain;

/**
 * A grid of cells over the bounding box of a 2-D domain, or over the plane z = middle of a 3-D
 * domain's box, that knows which cell centres lie in the domain. Cells are square in data units (the
 * longer side of the box gets {@code resolution} cells), indexed {@code j * nx + i} with i along x
 * and j along y, both from the lower corner. Immutable.
 */
final class PlaneGrid {
    private final int dimension;
    private final int nx;
    private final int ny;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private final double slice;
    private final int[] cellOfPoint;
    private final double[] points;

    private PlaneGrid(Domain domain, int resolution) {
        this.dimension = domain.dimension();
        double[] lo = domain.lower();
        double[] hi = domain.upper();
        this.x0 = lo[0];
        this.x1 = hi[0];
        this.y0 = lo[1];
        this.y1 = hi[1];
        this.slice = dimension == 3 ? 0.5 * (lo[2] + hi[2]) : Double.NaN;
        double wx = x1 - x0;
        double wy = y1 - y0;
        double cell = Math.max(wx, wy) / resolution;
        this.nx = Math.max(2, (int) Math.round(wx / cell));
        this.ny = Math.max(2, (int) Math.round(wy / cell));
        double[] all = new double[nx * ny * dimension];
        int[] cells = new int[nx * ny];
        double[] z = new double[dimension];
        int n = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                z[0] = x0 + (i + 0.5) * wx / nx;
                z[1] = y0 + (j + 0.5) * wy / ny;
                if (dimension == 3) {
                    z[2] = slice;
                }
                if (domain.contains(z)) {
                    System.arraycopy(z, 0, all, n * dimension, dimension);
                    cells[n++] = j * nx + i;
                }
            }
        }
        this.points = Arrays.copyOf(all, n * dimension);
        this.cellOfPoint = Arrays.copyOf(cells, n);
    }

    /**
     * The grid of a 2-D or 3-D domain.
     *
     * @param resolution cells along the longer side of the box, 2 to 2000
     * @throws IllegalArgumentException if the domain is 1-D or the resolution is out of range
     */
    static PlaneGrid of(Domain domain, int resolution) {
        if (domain.dimension() < 2 || domain.dimension() > 3) {
            throw new IllegalArgumentException("heat maps need a 2-D or 3-D domain, got " + domain.dimension() + "-D");
        }
        checkResolution(resolution);
        return new PlaneGrid(domain, resolution);
    }

    static void checkResolution(int resolution) {
        if (resolution < 2 || resolution > 2000) {
            throw new IllegalArgumentException("grid resolution must be in [2, 2000] cells, got " + resolution);
        }
    }

    int nx() {
        return nx;
    }

    int ny() {
        return ny;
    }

    double x0() {
        return x0;
    }

    double x1() {
        return x1;
    }

    double y0() {
        return y0;
    }

    double y1() {
        return y1;
    }

    /** Whether the grid is a slice of a 3-D domain. */
    boolean isSlice() {
        return dimension == 3;
    }

    /** The fixed z of a slice (NaN for 2-D domains). */
    double slice() {
        return slice;
    }

    /** The cell centres inside the domain, flat n x d (a copy). */
    double[] points() {
        return points.clone();
    }

    /** Number of cell centres inside the domain. */
    int pointCount() {
        return cellOfPoint.length;
    }

    /** Coordinates of inside point {@code p} (a new array of length d). */
    double[] point(int p) {
        return Arrays.copyOfRange(points, p * dimension, (p + 1) * dimension);
    }

    /**
     * Spreads one value per inside point over the cells; cells outside the domain get NaN.
     *
     * @param values one value per inside point, in the order of {@link #points()}
     * @return nx * ny cell values
     */
    double[] cells(double[] values) {
        if (values.length != cellOfPoint.length) {
            throw new IllegalArgumentException("got " + values.length + " values for " + cellOfPoint.length + " points");
        }
        double[] out = new double[nx * ny];
        Arrays.fill(out, Double.NaN);
        for (int p = 0; p < values.length; p++) {
            out[cellOfPoint[p]] = values[p];
        }
        return out;
    }
}
