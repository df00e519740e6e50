package org.kanpde.cli.bench;

import java.util.List;
import java.util.Locale;

import org.kanpde.cli.console.BadInputException;
import org.kanpde.net.basis.BasisType;

/**
 * The contents of a benchmark suite: the training runs per problem dimension, the default seeds and
 * wall-time budget, and the cost and thread studies. Immutable.
 *
 * <ul>
 *   <li>{@code quick}: tiny versions of every part (seconds; the end-to-end test runs it);</li>
 *   <li>{@code paper}: the runs behind BENCHMARKS.md (about 20 minutes on 2 cores), with the
 *       Chebyshev, RBF and Fourier edge bases next to B-splines on both problems;</li>
 *   <li>{@code full}: more widths, k = 3 and 5 for every width, grids to 50, the other bases, three
 *       seeds, larger cost studies (an hour or more).</li>
 * </ul>
 *
 * @param name        suite name
 * @param problems    default problems (catalogue ids)
 * @param seeds       default seeds
 * @param budget      default wall-time budget in seconds of the budgeted runs
 * @param plane       runs on 1-D and 2-D problems
 * @param space       runs on 3-D problems
 * @param costPoints  interior point counts of the cost-against-points study
 * @param pointModels networks of the cost-against-points study
 * @param costFixed   interior points of the cost-against-parameters and thread studies
 * @param sizeModels  networks of the cost-against-parameters study
 * @param threadModels networks of the thread study's kernel timings
 * @param repetitions timed repetitions of each kernel (after one warm-up call)
 * @param speedupRuns training runs repeated on 1 thread and on all threads
 */
record Suite(String name, List<String> problems, List<Long> seeds, double budget, List<RunSpec> plane,
             List<RunSpec> space, int[] costPoints, List<CostModel> pointModels, int costFixed,
             List<CostModel> sizeModels, List<CostModel> threadModels, int repetitions, List<RunSpec> speedupRuns) {

    /** The suite names. */
    static final List<String> NAMES = List.of("quick", "paper", "full");

    /** The main 2-D problem and the 3-D one. */
    static final List<String> PROBLEMS = List.of("poisson2d-paper", "poisson3d");

    Suite {
        problems = List.copyOf(problems);
        seeds = List.copyOf(seeds);
        plane = List.copyOf(plane);
        space = List.copyOf(space);
        costPoints = costPoints.clone();
        pointModels = List.copyOf(pointModels);
        sizeModels = List.copyOf(sizeModels);
        threadModels = List.copyOf(threadModels);
        speedupRuns = List.copyOf(speedupRuns);
    }

    @Override
    public int[] costPoints() {
        return costPoints.clone();
    }

    /** The runs for a problem of dimension d. */
    List<RunSpec> runs(int d) {
        return d >= 3 ? space : plane;
    }

    /**
     * The suite called {@code name} (case-insensitive).
     *
     * @throws BadInputException naming the value if there is no such suite
     */
    static Suite named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "quick":
                return quick();
            case "paper":
                return paper();
            case "full":
                return full();
            default:
                throw new BadInputException("--suite must be one of " + String.join(", ", NAMES) + ", got '" + name + "'");
        }
    }

    private static int[] h(int... hidden) {
        return hidden;
    }

    private static int[] its(int... iterations) {
        return iterations;
    }

    /** Tiny settings: every part of the benchmark in seconds. */
    static Suite quick() {
        List<RunSpec> plane = List.of(
                RunSpec.kan(h(2), 3, its(5, 10), its(15, 15), 800),
                RunSpec.kan(h(5), 5, its(5, 10), its(15, 15), 800),
                RunSpec.kan(BasisType.CHEBYSHEV, h(5), its(5, 10), its(15, 15), 800),
                RunSpec.mlpLm(h(10), 30, 400),
                RunSpec.mlpLm(h(20, 20), 20, 400),
                RunSpec.mlpBudget(h(40, 40), 10, 400, 40));
        List<RunSpec> space = List.of(
                RunSpec.kan(h(2), 3, its(3, 5), its(10, 10), 800),
                RunSpec.mlpLm(h(10), 20, 400),
                RunSpec.mlpBudget(h(20, 20), 10, 400, 40));
        return new Suite("quick", PROBLEMS, List.of(1L), 1.5, plane, space, new int[] {250, 500, 1000},
                List.of(CostModel.kan(h(5), 10, 5), CostModel.mlp(h(20, 20), true)), 500,
                List.of(CostModel.kan(h(5), 5, 5), CostModel.kan(h(5), 10, 5), CostModel.kan(h(5), 20, 5),
                        CostModel.kan(BasisType.CHEBYSHEV, h(5), 10),
                        CostModel.mlp(h(10, 10), true), CostModel.mlp(h(20, 20), true), CostModel.mlp(h(40, 40), false)),
                List.of(CostModel.kan(h(5), 10, 5)), 2,
                List.of(RunSpec.kan(h(3), 3, its(5), its(10), 800)));
    }

    /** The BENCHMARKS.md runs. */
    static Suite paper() {
        int[] lm3 = its(150, 150, 300);
        int[] lm4 = its(150, 150, 300, 400);
        int[] g3 = its(5, 10, 20);
        int[] g4 = its(5, 10, 20, 50);
        int[] f3 = its(3, 6, 10);
        List<RunSpec> plane = List.of(
                RunSpec.kan(h(2), 3, g3, lm3, 6000),
                RunSpec.kan(h(5), 3, g3, lm3, 6000),
                RunSpec.kan(h(10), 3, g3, lm3, 6000),
                RunSpec.kan(h(3), 5, g4, lm4, 6000),
                RunSpec.kan(h(5), 5, g4, lm4, 6000),
                RunSpec.kan(BasisType.CHEBYSHEV, h(5), g3, lm3, 6000),
                RunSpec.kan(BasisType.RBF, h(5), g3, lm3, 6000),
                RunSpec.kan(BasisType.FOURIER, h(5), f3, lm3, 6000),
                RunSpec.mlpLm(h(20), 600, 3000),
                RunSpec.mlpLm(h(20, 20), 600, 3000),
                RunSpec.mlpBudget(h(40, 40), 30, 2601, 204),
                RunSpec.mlpBudget(h(100, 100), 30, 2601, 204),
                RunSpec.mlpBudget(h(100, 100, 100), 30, 2601, 204));
        List<RunSpec> space = List.of(
                RunSpec.kan(h(3), 3, its(5, 10), its(150, 150), 6000),
                RunSpec.kan(h(5), 5, g3, lm3, 6000),
                RunSpec.kan(h(7), 5, g3, lm3, 6000),
                RunSpec.kan(BasisType.CHEBYSHEV, h(7), g3, lm3, 6000),
                RunSpec.kan(BasisType.FOURIER, h(7), f3, lm3, 6000),
                RunSpec.mlpLm(h(20), 600, 3000),
                RunSpec.mlpLm(h(20, 20), 600, 3000),
                RunSpec.mlpBudget(h(100, 100, 100), 30, 2601, 204));
        return new Suite("paper", PROBLEMS, List.of(1L), 60, plane, space, new int[] {1500, 3000, 6000, 12000},
                List.of(CostModel.kan(h(5), 50, 5), CostModel.mlp(h(20, 20), true), CostModel.mlp(h(100, 100, 100), false)),
                6000,
                List.of(CostModel.kan(h(5), 5, 5), CostModel.kan(h(5), 10, 5), CostModel.kan(h(5), 20, 5),
                        CostModel.kan(h(5), 50, 5), CostModel.kan(h(5), 100, 5),
                        CostModel.kan(BasisType.CHEBYSHEV, h(5), 10), CostModel.kan(BasisType.CHEBYSHEV, h(5), 20),
                        CostModel.kan(BasisType.RBF, h(5), 20), CostModel.kan(BasisType.FOURIER, h(5), 10),
                        CostModel.mlp(h(10, 10), true), CostModel.mlp(h(20, 20), true), CostModel.mlp(h(40, 40), true),
                        CostModel.mlp(h(100, 100), false), CostModel.mlp(h(100, 100, 100), false)),
                List.of(CostModel.kan(h(5), 50, 5), CostModel.mlp(h(20, 20), true), CostModel.mlp(h(100, 100, 100), false)),
                3,
                List.of(RunSpec.kan(h(5), 5, g3, lm3, 6000), RunSpec.mlpLm(h(20, 20), 100, 3000)));
    }

    /**
     * Everything: all widths with k = 3 and 5 to grid 50, the other edge bases at two widths, three
     * seeds, larger cost studies.
     */
    static Suite full() {
        int[] lm3 = its(150, 150, 300);
        int[] lm4 = its(150, 150, 300, 400);
        int[] g3 = its(5, 10, 20);
        int[] g4 = its(5, 10, 20, 50);
        int[] f3 = its(3, 6, 10);
        List<RunSpec> plane = new java.util.ArrayList<>();
        for (int k : new int[] {3, 5}) {
            for (int width : new int[] {2, 3, 5, 10}) {
                plane.add(RunSpec.kan(h(width), k, g4, lm4, 6000));
            }
        }
        for (int width : new int[] {5, 10}) {
            plane.add(RunSpec.kan(BasisType.CHEBYSHEV, h(width), g3, lm3, 6000));
            plane.add(RunSpec.kan(BasisType.RBF, h(width), g3, lm3, 6000));
            plane.add(RunSpec.kan(BasisType.FOURIER, h(width), f3, lm3, 6000));
        }
        plane.add(RunSpec.mlpLm(h(20), 600, 3000));
        plane.add(RunSpec.mlpLm(h(20, 20), 600, 3000));
        plane.add(RunSpec.mlpLm(h(40, 40), 200, 3000));
        plane.add(RunSpec.mlpBudget(h(20, 20), 30, 2601, 204));
        plane.add(RunSpec.mlpBudget(h(40, 40), 30, 2601, 204));
        plane.add(RunSpec.mlpBudget(h(100, 100), 30, 2601, 204));
        plane.add(RunSpec.mlpBudget(h(100, 100, 100), 30, 2601, 204));
        List<RunSpec> space = new java.util.ArrayList<>();
        for (int k : new int[] {3, 5}) {
            for (int width : new int[] {3, 5, 7}) {
                space.add(RunSpec.kan(h(width), k, g3, lm3, 6000));
            }
        }
        space.add(RunSpec.kan(BasisType.CHEBYSHEV, h(7), g3, lm3, 6000));
        space.add(RunSpec.kan(BasisType.RBF, h(7), g3, lm3, 6000));
        space.add(RunSpec.kan(BasisType.FOURIER, h(7), f3, lm3, 6000));
        space.add(RunSpec.mlpLm(h(20), 600, 3000));
        space.add(RunSpec.mlpLm(h(20, 20), 600, 3000));
        space.add(RunSpec.mlpBudget(h(100, 100, 100), 30, 2601, 204));
        return new Suite("full", PROBLEMS, List.of(1L, 2L, 3L), 120, plane, space,
                new int[] {1500, 3000, 6000, 12000, 24000},
                List.of(CostModel.kan(h(5), 50, 5), CostModel.kan(h(10), 20, 3), CostModel.mlp(h(20, 20), true),
                        CostModel.mlp(h(100, 100, 100), false)),
                6000,
                List.of(CostModel.kan(h(5), 5, 5), CostModel.kan(h(5), 10, 5), CostModel.kan(h(5), 20, 5),
                        CostModel.kan(h(5), 50, 5), CostModel.kan(h(5), 100, 5), CostModel.kan(h(10), 50, 5),
                        CostModel.kan(BasisType.CHEBYSHEV, h(5), 10), CostModel.kan(BasisType.CHEBYSHEV, h(5), 20),
                        CostModel.kan(BasisType.CHEBYSHEV, h(5), 50), CostModel.kan(BasisType.RBF, h(5), 20),
                        CostModel.kan(BasisType.RBF, h(5), 50), CostModel.kan(BasisType.FOURIER, h(5), 10),
                        CostModel.kan(BasisType.FOURIER, h(5), 25),
                        CostModel.mlp(h(10, 10), true), CostModel.mlp(h(20, 20), true), CostModel.mlp(h(40, 40), true),
                        CostModel.mlp(h(60, 60), true), CostModel.mlp(h(100, 100), false),
                        CostModel.mlp(h(100, 100, 100), false)),
                List.of(CostModel.kan(h(5), 50, 5), CostModel.mlp(h(20, 20), true), CostModel.mlp(h(40, 40), true),
                        CostModel.mlp(h(100, 100, 100), false)),
                5,
                List.of(RunSpec.kan(h(5), 5, g4, lm4, 6000), RunSpec.mlpLm(h(20, 20), 600, 3000)));
    }
}
