/**
 * What to solve: the operator -div(a grad u) + c u + n(u) = f with its coefficient
 * {@link org.kanpde.solver.problem.Field fields}, boundary conditions per boundary part and an
 * optional exact solution, on a domain. The first step of the pipeline problem -> collocation ->
 * trial function -> residual -> optimizer -> training -> solution -> io.
 */
package org.kanpde.solver.problem;
