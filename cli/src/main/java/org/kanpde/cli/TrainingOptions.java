package org.kanpde.cli;

import picocli.CommandLine.Option;

/** Options shared by {@code solve} and {@code compare}. */
final class TrainingOptions {
    @Option(names = "--problem", required = true, paramLabel = "ID|FILE.json",
            description = "A built-in problem id (see 'kanpde problems') or a JSON problem file.")
    String problem;

    @Option(names = "--points", paramLabel = "N",
            description = "Interior collocation points (default: 6000 for a KAN, 3000 for an MLP).")
    Integer points;

    @Option(names = "--boundary-points", paramLabel = "N",
            description = "Boundary points (default: a tenth of --points).")
    Integer boundaryPoints;

    @Option(names = "--sampling", paramLabel = "SCHEME", defaultValue = "random",
            description = "Collocation sampling: random, sobol, grid, gauss, chebyshev (default: ${DEFAULT-VALUE}).")
    String sampling;

    @Option(names = "--boundary-weight", paramLabel = "BETA",
            description = "Weight of the mean squared boundary residual (default: 1000; 10 for an MLP whose "
                    + "every stage is Adam or L-BFGS).")
    Double boundaryWeight;

    @Option(names = "--hard-bc", description = "Impose Dirichlet data exactly (u = g + D*N) instead of by penalty.")
    boolean hardBc;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Wall-time cap per model in seconds (default: 120 for solve, 90 per model for compare).")
    Double timeLimit;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Write result.json (and figures) into this directory.")
    java.nio.file.Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final summary.")
    boolean quiet;

    void validate() {
        if (points != null && points < 1) {
            throw new BadInputException("--points must be >= 1, got " + points);
        }
        if (boundaryPoints != null && boundaryPoints < 0) {
            throw new BadInputException("--boundary-points must be >= 0, got " + boundaryPoints);
        }
        if (boundaryWeight != null && (!(boundaryWeight >= 0) || !Double.isFinite(boundaryWeight))) {
            throw new BadInputException("--boundary-weight must be finite and >= 0, got " + boundaryWeight);
        }
        if (timeLimit != null && !(timeLimit > 0)) {
            throw new BadInputException("--time-limit must be > 0 seconds, got " + timeLimit);
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads must be >= 1, got " + threads);
        }
    }
}
