package org.kanpde.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.solution.Solution;

/**
 * Writes every figure that applies to a set of runs on one problem, for a side-by-side comparison
 * (the CLI's {@code compare} command; pass the result to {@link HtmlReport.Builder#figures}):
 * <ul>
 *   <li>{@code convergence-iteration} and {@code convergence-time}: all runs' loss and error;</li>
 *   <li>{@code solution-<run>} for each run: u, u*, |u - u*| and u - u* (see {@link SolutionFigure});</li>
 *   <li>{@code kan-edges-<run>} for each KAN run: its learned edges (see {@link KanEdgeFigure}).</li>
 * </ul>
 * Each as PNG and SVG, with a caption for reports ({@link FigureFiles#caption()}); {@code <run>} is the label in lower case with other characters than letters
 * and digits turned into '-', made unique. Immutable settings; {@code withX} returns a modified copy.
 */
public final class ComparisonFigures {
    private final int resolution;
    private final int threads;

    /** Default settings: {@link SolutionFigure#RESOLUTION} heat-map cells, one thread. */
    public ComparisonFigures() {
        this(SolutionFigure.RESOLUTION, 1);
    }

    private ComparisonFigures(int resolution, int threads) {
        this.resolution = resolution;
        this.threads = threads;
    }

    /**
     * Heat-map cells along the longer side of the domain.
     *
     * @throws IllegalArgumentException if not in [2, 2000]
     */
    public ComparisonFigures withResolution(int cells) {
        PlaneGrid.checkResolution(cells);
        return new ComparisonFigures(cells, threads);
    }

    /**
     * Threads for evaluating solutions.
     *
     * @throws IllegalArgumentException if &lt; 1
     */
    public ComparisonFigures withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + count);
        }
        return new ComparisonFigures(resolution, count);
    }

    /**
     * Writes the figures.
     *
     * @param problem   the problem all runs solved
     * @param runs      the runs, in legend order
     * @param directory output directory, created if missing
     * @return the figures written, in the order above
     * @throws IllegalArgumentException if there are no runs, a run solved another problem, or the
     *                                  directory is an existing file
     * @throws IOException              if writing fails
     */
    public List<FigureFiles> write(Problem problem, List<LabelledRun> runs, Path directory) throws IOException {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: no runs, got " + runs);
        }
        for (LabelledRun run : runs) {
            Problem solved = run.result().solution().problem();
            if (solved.dimension() != problem.dimension() || !solved.name().equals(problem.name())) {
                throw new IllegalArgumentException("run '" + run.label() + "' solved problem '" + solved.name() + "' ("
                        + solved.dimension() + "-D), not '" + problem.name() + "' (" + problem.dimension() + "-D)");
            }
        }
        OutputPaths.directory(directory);
        List<FigureFiles> written = new ArrayList<>();
        written.addAll(ConvergenceFigure.ofRuns(runs).withTitle("Convergence on " + problem.name())
                .write(directory, "convergence", ConvergenceFigure.WIDTH, ConvergenceFigure.HEIGHT));
        Set<String> used = new HashSet<>();
        List<String> slugs = new ArrayList<>();
        for (LabelledRun run : runs) {
            slugs.add(unique(slug(run.label()), used));
        }
        // heat maps need a plane (a slice in 3-D); above 3-D there is no picture of the solution to draw
        try (ParallelRunner runner = new ParallelRunner(threads)) {
            for (int r = 0; r < runs.size() && problem.dimension() <= 3; r++) {
                LabelledRun run = runs.get(r);
                written.add(SolutionFigure.create(run.result().solution(), run.label(), resolution, runner)
                        .write(directory, "solution-" + slugs.get(r)));
            }
        }
        for (int r = 0; r < runs.size(); r++) {
            LabelledRun run = runs.get(r);
            Solution solution = run.result().solution();
            if (KanEdgeFigure.kanOf(solution.function()).isPresent()) {
                written.add(KanEdgeFigure.create(solution, run.label()).write(directory, "kan-edges-" + slugs.get(r)));
            }
        }
        return written;
    }

    /** The files of the figures, PNG and SVG of each. */
    public static List<Path> files(List<FigureFiles> figures) {
        List<Path> out = new ArrayList<>();
        for (FigureFiles f : figures) {
            out.addAll(f.paths());
        }
        return out;
    }

    /** A file-name-safe form of a label: lower case, runs of other characters than [a-z0-9] become '-'. */
    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "run" : s;
    }

    private static String unique(String slug, Set<String> used) {
        String candidate = slug;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }
}
