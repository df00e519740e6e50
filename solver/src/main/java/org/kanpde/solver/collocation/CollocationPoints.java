package org.kanpde.solver.collocation;

import org.kanpde.solver.geometry.BoundarySample;
import org.kanpde.solver.geometry.PointSet;

/**
 * One drawing of collocation points.
 *
 * @param interior the interior points
 * @param boundary the boundary points, or null when there are none (exactly imposed Dirichlet data,
 *                 or a boundary count of 0)
 * @param salt     which drawing of the run this is (see {@link Collocation#draw})
 */
public record CollocationPoints(PointSet interior, BoundarySample boundary, int salt) {

    /** Number of interior points. */
    public int interiorCount() {
        return interior.size();
    }

    /** Number of boundary points (0 without them). */
    public int boundaryCount() {
        return boundary == null ? 0 : boundary.size();
    }
}
