/**
 * Inverse problems: a coefficient a or c or the source f of -div(a grad u) + c u + n(u) = f is
 * unknown (a field, trained as a second trial function, or a scalar), u is observed at scattered
 * points, and both are recovered by minimizing the stacked residual of the PDE, the boundary
 * conditions and the data misfit jointly with Levenberg-Marquardt.
 */
package org.kanpde.solver.inverse;
