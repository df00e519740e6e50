package org.kanpde.solver.geometry;

/** Where an axis-aligned cell lies relative to a domain; see {@link Cells#classify}. */
enum Region {
    /** The whole closed cell is in the closed domain. */
    INSIDE,
    /** No point of the open cell is in the domain's interior. */
    OUTSIDE,
    /** Not proven either way: the cell may meet the boundary. */
    MIXED
}
