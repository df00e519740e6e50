package org.kanpde.cli;

import org.kanpde.solver.train.Recipes;

import picocli.CommandLine.Option;

/** Options shared by {@code solve} and {@code compare}. */
final class TrainingOptions {
    @Option(names = "--problem", required = true, paramLabel = "ID|FILE.json",
            description = "A built-in problem id (see 'kanpde problems') or a JSON problem file.")
    String problem;

    @Option(names = "--points", paramLabel = "N",
            description = "Interior collocation points (default: " + Recipes.KAN_POINTS + " for a KAN, " + Recipes.MLP_POINTS
                    + " for an MLP).")
    Integer points;

    @Option(names = "--boundary-points", paramLabel = "N",
            description = "Boundary points (default: a tenth of --points).")
    Integer boundaryPoints;

    @Option(names = "--sampling", paramLabel = "SCHEME",
            description = "Collocation sampling: random, sobol, grid, gauss, chebyshev (default: random).")
    String sampling;

    @Option(names = "--resample", description = "Draw fresh collocation points before every stage after the first.")
    boolean resample;

    @Option(names = "--boundary-weight", paramLabel = "BETA",
            description = "Weight of the mean squared boundary residual (default: " + Recipes.BOUNDARY_WEIGHT_LM + "; "
                    + Recipes.BOUNDARY_WEIGHT_FIRST_ORDER + " for an MLP whose every stage is Adam or L-BFGS).")
    Double boundaryWeight;

    @Option(names = "--hard-bc", description = "Impose Dirichlet data exactly (u = g + D*N) instead of by penalty.")
    boolean hardBc;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Wall-time cap per model in seconds (default: " + Recipes.TIME_LIMIT + " for solve, "
                    + Recipes.COMPARE_TIME_LIMIT + " per model for compare).")
    Double timeLimit;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Write result.json (and figures) into this directory.")
    java.nio.file.Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final summary.")
    boolean quiet;
}
