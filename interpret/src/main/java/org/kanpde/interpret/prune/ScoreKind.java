package org.kanpde.interpret.prune;

/** How an edge's importance is measured from its values phi(x_s) over sample points. */
public enum ScoreKind {
    /**
     * The KAN paper's L1 norm of an activation, mean_s |phi(x_s)|. An edge that is a large constant
     * counts as important (removing it shifts the output).
     */
    MEAN_ABS,
    /**
     * The standard deviation of phi(x_s) (pykan 0.2's attribution starts from it). An edge that is
     * nearly constant counts as unimportant: the {@link Pruner} moves its mean into a kept edge, so
     * removing it changes the function only by its fluctuation.
     */
    STD
}
