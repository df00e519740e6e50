package org.kanpde.cli;

import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.train.Recipes;

import picocli.CommandLine.Option;

/** Options that choose and shape the trial function and its optimizer. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "kan|mlp", defaultValue = "kan",
            description = "Trial function: kan or mlp (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--width", paramLabel = "W0,W1,...",
            description = "Layer widths, input dimension first and 1 last (default: KAN d,2d+1,1, or 2,10,1 on a 2-D domain with holes; MLP d,20,20,1).")
    String width;

    @Option(names = "--grid", paramLabel = "G1,G2,...",
            description = "KAN grid sizes, one training stage each, extending the grid between stages (default: 5,10,20,50; 5,10,20 in 3-D).")
    String grid;

    @Option(names = "--k", paramLabel = "K",
            description = "KAN spline degree k (pykan's k), one value or one per layer (default: " + Recipes.KAN_DEGREE + ").")
    String degree;

    @Option(names = "--basis", paramLabel = "bspline|chebyshev|rbf|fourier",
            description = {"KAN edge basis, one or one per layer (default: bspline). The grid sizes then mean: intervals",
                "(bspline), polynomial degree (chebyshev), Gaussian centres (rbf), frequencies (fourier)."})
    String basis;

    @Option(names = "--layer-grid-max", paramLabel = "G1,G2,...", description = {"Per-layer caps of the grid schedule,",
        "e.g. --grid 5,10,20,50 --layer-grid-max 20,50 stops the first layer at G=20 (default: no caps)."})
    String layerGridMax;

    @Option(names = "--optimizer", paramLabel = "lm|lbfgs|adam",
            description = "Optimizer for every stage, or one per stage (an MLP trains one stage per entry, "
                    + "e.g. adam,lbfgs). Default: lm; for MLPs of more than 1000 parameters adam,lbfgs "
                    + "(30 Adam iterations, then L-BFGS).")
    String optimizer;

    @Option(names = "--iterations", paramLabel = "N1,N2,...",
            description = "Iterations per stage, one value or one per stage (default: LM 150 per stage, 300 and 400 for the last two).")
    String iterations;

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "Learning rate of the Adam stages (default: " + Adam.DEFAULT_LEARNING_RATE + ").")
    Double learningRate;
}
