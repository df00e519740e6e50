/**
 * Training: what a run is ({@link org.kanpde.solver.train.Training}: collocation, stages with their
 * configured optimizers, loss weights, seed), how it executes ({@link org.kanpde.solver.train.Execution}),
 * the session that runs it step by step with checkpoints, the default recipes, and the result.
 */
package org.kanpde.solver.train;
