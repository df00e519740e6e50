/**
 * The physics-informed residual vector of a problem at collocation points and its sparse Jacobian
 * with respect to a trial function's parameters, as a least-squares objective; exact Dirichlet data
 * by u = g + D v.
 */
package org.kanpde.solver.residual;
