/**
 * KAN-PDE's solver: {@link org.kanpde.solver.PdeSolver} resolves a recipe (or a caller's trial
 * function) into a training and runs it. The packages follow the pipeline: problem (with geometry
 * and quadrature) -> collocation -> residual -> optim -> train -> solution, with io beside them.
 */
package org.kanpde.solver;
