package org.kanpde.solver.geometry;

/**
 * Conservative classification of axis-aligned cells against domains, for the cut-cell measure and
 * quadrature of {@link CsgDomain}: {@link Region#INSIDE} and {@link Region#OUTSIDE} are claimed only
 * when they are certain (up to rounding); anything else is {@link Region#MIXED}. Exact tests exist
 * for boxes, disks, balls, polygons and CSG combinations of them; any other domain is always MIXED,
 * which is correct but makes the cut-cell rules refine everywhere.
 */
final class Cells {

    private Cells() {
    }

    /**
     * @param domain the domain
     * @param lo     lower corner of the cell (not modified)
     * @param hi     upper corner of the cell (not modified)
     * @return where the cell lies
     */
    static Region classify(Domain domain, double[] lo, double[] hi) {
        if (domain instanceof NamedDomain named) {
            return classify(named.domain(), lo, hi);
        }
        if (domain instanceof CsgDomain csg) {
            return csg.classify(lo, hi);
        }
        if (domain instanceof Box) {
            return box(domain.lower(), domain.upper(), lo, hi);
        }
        if (domain instanceof Disk disk) {
            return ball(disk.centre(), disk.radius(), lo, hi);
        }
        if (domain instanceof Ball ball) {
            return ball(ball.centre(), ball.radius(), lo, hi);
        }
        if (domain instanceof Polygon polygon) {
            return polygon(polygon, lo, hi);
        }
        return Region.MIXED;
    }

    private static Region box(double[] a, double[] b, double[] lo, double[] hi) {
        boolean inside = true;
        for (int k = 0; k < a.length; k++) {
            if (hi[k] <= a[k] || lo[k] >= b[k]) {
                return Region.OUTSIDE;
            }
            inside &= lo[k] >= a[k] && hi[k] <= b[k];
        }
        return inside ? Region.INSIDE : Region.MIXED;
    }

    private static Region ball(double[] c, double radius, double[] lo, double[] hi) {
        double near = 0;
        double far = 0;
        for (int k = 0; k < c.length; k++) {
            double nearest = Math.max(lo[k], Math.min(c[k], hi[k])) - c[k];
            double farthest = Math.max(Math.abs(lo[k] - c[k]), Math.abs(hi[k] - c[k]));
            near += nearest * nearest;
            far += farthest * farthest;
        }
        if (near >= radius * radius) {
            return Region.OUTSIDE;
        }
        return far <= radius * radius ? Region.INSIDE : Region.MIXED;
    }

    /** MIXED if an edge meets the closed cell, else decided by the cell's centre. */
    private static Region polygon(Polygon polygon, double[] lo, double[] hi) {
        double[] v = polygon.vertices();
        int n = v.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            if (segmentMeetsCell(v[2 * i], v[2 * i + 1], v[2 * j], v[2 * j + 1], lo, hi)) {
                return Region.MIXED;
            }
        }
        double[] centre = {0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1])};
        return polygon.contains(centre) ? Region.INSIDE : Region.OUTSIDE;
    }

    /** Liang-Barsky clipping of the segment against the closed cell. */
    static boolean segmentMeetsCell(double x1, double y1, double x2, double y2, double[] lo, double[] hi) {
        double t0 = 0;
        double t1 = 1;
        double[] p = {x1, y1};
        double[] d = {x2 - x1, y2 - y1};
        for (int k = 0; k < 2; k++) {
            if (d[k] == 0) {
                if (p[k] < lo[k] || p[k] > hi[k]) {
                    return false;
                }
                continue;
            }
            double ta = (lo[k] - p[k]) / d[k];
            double tb = (hi[k] - p[k]) / d[k];
            t0 = Math.max(t0, Math.min(ta, tb));
            t1 = Math.min(t1, Math.max(ta, tb));
            if (t0 > t1) {
                return false;
            }
        }
        return true;
    }
}
