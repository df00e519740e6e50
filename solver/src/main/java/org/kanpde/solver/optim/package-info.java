/**
 * Configured optimization methods ({@link org.kanpde.solver.optim.Optimizer}: Levenberg-Marquardt,
 * L-BFGS, Adam) on least-squares and differentiable objectives, with resumable runs. Knows nothing
 * of PDEs.
 */
package org.kanpde.solver.optim;
