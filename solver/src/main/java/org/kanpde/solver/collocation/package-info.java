/**
 * What the collocation points are: {@link org.kanpde.solver.collocation.Collocation} (how many
 * inside and on the boundary, which scheme, whether they are redrawn per stage) and the points it
 * draws for a problem's domain.
 */
package org.kanpde.solver.collocation;
