/**
 * The result of a solve as a function: {@link org.kanpde.solver.solution.Solution} (u, its gradient
 * and Laplacian anywhere, Hipparchus views) and its errors against an exact solution
 * ({@link org.kanpde.solver.solution.ErrorMeasure}).
 */
package org.kanpde.solver.solution;
