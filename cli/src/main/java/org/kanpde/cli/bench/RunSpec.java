package org.kanpde.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.kanpde.net.basis.BasisType;
import org.kanpde.solver.PdeSolver;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Recipes;

/**
 * One training run of a benchmark suite: the {@link PdeSolver} that {@code kanpde solve} builds from
 * the equivalent options ({@link #solveArguments}), so a run's numbers are the numbers {@code solve}
 * prints for that command with the same seed. Immutable.
 *
 * <p>A <em>budgeted</em> run (large MLPs: Adam, then L-BFGS) has an open-ended last stage and
 * trains until the suite's wall-time budget is used up; every other run counts iterations and is
 * reproducible to the bit on any machine and with any number of threads.
 */
final class RunSpec {
    /**
     * Minimum wall-time cap in seconds of the runs that count iterations. It only guards against
     * runaway runs: KANs with dense edge bases (Chebyshev, Fourier) on the 3-D problem need about
     * 150-200 s for LM 150+150+300 on 2 cores, and a run the cap ends is no longer reproducible.
     */
    static final double COUNTED_CAP = 300;
    /** Iterations of the open-ended last stage of a budgeted run: the time budget ends it. */
    static final int OPEN_ENDED = 1_000_000;

    private final boolean kan;
    private final BasisType basis;
    private final int[] hidden;
    private final int[] grids;
    private final int degree;
    private final Optimizer[] optimizers;
    private final int[] iterations;
    private final int points;
    private final int boundaryPoints;
    private final boolean budgeted;

    private RunSpec(boolean kan, BasisType basis, int[] hidden, int[] grids, int degree, Optimizer[] optimizers, int[] iterations, int points,
                    int boundaryPoints, boolean budgeted) {
        if (hidden.length == 0) {
            throw new IllegalArgumentException("a run needs at least one hidden layer, got " + Arrays.toString(hidden));
        }
        if (optimizers.length != iterations.length || (grids != null && grids.length != iterations.length)) {
            throw new IllegalArgumentException("need one optimizer, grid and iteration count per stage, got "
                    + Arrays.toString(optimizers) + ", " + Arrays.toString(grids) + ", " + Arrays.toString(iterations));
        }
        if (points < 1 || boundaryPoints < 0) {
            throw new IllegalArgumentException("points must be >= 1 and boundary points >= 0, got " + points + " and "
                    + boundaryPoints);
        }
        if (kan != (basis != null)) {
            throw new IllegalArgumentException("a KAN needs an edge basis and an MLP none, got " + basis);
        }
        this.kan = kan;
        this.basis = basis;
        this.hidden = hidden.clone();
        this.grids = grids == null ? null : grids.clone();
        this.degree = degree;
        this.optimizers = optimizers.clone();
        this.iterations = iterations.clone();
        this.points = points;
        this.boundaryPoints = boundaryPoints;
        this.budgeted = budgeted;
    }

    /**
     * A B-spline KAN trained with Levenberg-Marquardt, one stage per grid size (grid extension in
     * between).
     *
     * @param hidden     hidden widths, e.g. {5} for [d,5,1]
     * @param k          spline degree
     * @param grids      grid sizes, one stage each
     * @param iterations iterations per stage
     * @param points     interior collocation points (a tenth as many on the boundary)
     */
    static RunSpec kan(int[] hidden, int k, int[] grids, int[] iterations, int points) {
        return kan(BasisType.BSPLINE, hidden, k, grids, iterations, points);
    }

    /**
     * A KAN with another edge basis, trained like {@link #kan(int[], int, int[], int[], int)}. The
     * sizes mean what {@code solve --grid} means for that basis (Chebyshev degree, RBF centres,
     * Fourier frequencies); the spline degree is the default one, which these bases ignore.
     */
    static RunSpec kan(BasisType basis, int[] hidden, int[] sizes, int[] iterations, int points) {
        return kan(basis, hidden, Recipes.KAN_DEGREE, sizes, iterations, points);
    }

    private static RunSpec kan(BasisType basis, int[] hidden, int k, int[] grids, int[] iterations, int points) {
        Optimizer[] lm = new Optimizer[grids.length];
        Arrays.fill(lm, new LevenbergMarquardt());
        return new RunSpec(true, basis, hidden, grids, k, lm, iterations, points, Math.max(1, points / 10), false);
    }

    /**
     * Any run a sweep spec describes: a KAN with {@code basis} (null: an MLP), its stages' optimizers,
     * iterations and (KANs) sizes.
     *
     * @param budgeted whether the last stage is open-ended and the time budget ends it
     * @throws IllegalArgumentException naming the value if the parts do not fit together
     */
    static RunSpec of(BasisType basis, int[] hidden, int k, int[] grids, Optimizer[] optimizers, int[] iterations, int points,
                      int boundaryPoints, boolean budgeted) {
        return new RunSpec(basis != null, basis, hidden, basis == null ? null : grids, basis == null ? 0 : k, optimizers,
                iterations, points, boundaryPoints, budgeted);
    }

    /** A tanh MLP trained with Levenberg-Marquardt for a counted number of iterations. */
    static RunSpec mlpLm(int[] hidden, int iterations, int points) {
        return new RunSpec(false, null, hidden, null, 0, new Optimizer[] {new LevenbergMarquardt()}, new int[] {iterations}, points,
                Math.max(1, points / 10), false);
    }

    /**
     * A tanh MLP trained with Adam for {@code adamIterations} iterations, then L-BFGS until the time
     * budget is used up (a budgeted run).
     */
    static RunSpec mlpBudget(int[] hidden, int adamIterations, int points, int boundaryPoints) {
        return new RunSpec(false, null, hidden, null, 0, new Optimizer[] {new Adam(), new Lbfgs()},
                new int[] {adamIterations, OPEN_ENDED}, points, boundaryPoints, true);
    }

    boolean isKan() {
        return kan;
    }

    boolean budgeted() {
        return budgeted;
    }

    /** Spline degree (KANs), 0 for MLPs. Only B-splines use it. */
    int degree() {
        return degree;
    }

    /** The KAN edge basis, null for MLPs. */
    BasisType basis() {
        return basis;
    }

    /** Whether this is a KAN with B-spline edges (the only basis with a degree k and a grid of intervals). */
    boolean isSpline() {
        return basis == BasisType.BSPLINE;
    }

    int points() {
        return points;
    }

    int boundaryPoints() {
        return boundaryPoints;
    }

    /** Layer widths for a d-dimensional problem: d, the hidden widths, 1. */
    int[] widths(int d) {
        int[] w = new int[hidden.length + 2];
        w[0] = d;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = 1;
        return w;
    }

    /** Grid sizes per stage (KANs) or null. */
    int[] grids() {
        return grids == null ? null : grids.clone();
    }

    /** The solver {@code kanpde solve} builds from {@link #solveArguments} for a problem. */
    PdeSolver solver(Problem problem, long seed, int threads, double timeLimit) {
        PdeSolver.Builder b = kan ? PdeSolver.kan().basis(basis).grids(grids).degree(degree) : PdeSolver.mlp();
        return b.widths(widths(problem.dimension())).optimizer(optimizers).iterations(iterations).points(points)
                .boundaryPoints(boundaryPoints).seed(seed).threads(threads).timeLimit(timeLimit).build();
    }

    /** The {@code kanpde solve} arguments that reproduce this run (without the leading "solve"). */
    List<String> solveArguments(String problem, int d, long seed, int threads, double timeLimit) {
        List<String> a = new ArrayList<>(List.of("--problem", problem, "--model", kan ? "kan" : "mlp",
                "--width", csv(widths(d))));
        if (kan) {
            a.addAll(List.of("--basis", basis.id(), "--grid", csv(grids)));
            if (isSpline()) {
                a.addAll(List.of("--k", String.valueOf(degree)));
            }
        }
        a.addAll(List.of("--optimizer", optimizerList(","), "--iterations", csv(iterations),
                "--points", String.valueOf(points)));
        if (boundaryPoints != Math.max(1, points / 10)) {
            a.addAll(List.of("--boundary-points", String.valueOf(boundaryPoints)));
        }
        a.addAll(List.of("--seed", String.valueOf(seed), "--threads", String.valueOf(threads),
                "--time-limit", seconds(timeLimit)));
        return a;
    }

    /** The equivalent command line, e.g. {@code ./kanpde solve --problem poisson2d-paper ...}. */
    String solveCommand(String problem, int d, long seed, int threads, double timeLimit) {
        return "./kanpde solve " + String.join(" ", solveArguments(problem, d, seed, threads, timeLimit));
    }

    /**
     * A short label, e.g. {@code KAN [2,5,1] k=5} (B-splines), {@code KAN [2,5,1] chebyshev} or
     * {@code MLP [2,20,20,1] tanh}.
     */
    String label(int d) {
        if (!kan) {
            return "MLP " + join(widths(d)) + " tanh";
        }
        return "KAN " + join(widths(d)) + (isSpline() ? " k=" + degree : " " + basis.id());
    }

    /**
     * The label with the size schedule: {@code KAN [2,5,1] k=5 G 5-10-20-50} (grid intervals) or
     * {@code KAN [2,5,1] chebyshev n 5-10-20} (the basis's size parameter).
     */
    String longLabel(int d) {
        return kan ? label(d) + (isSpline() ? " G " : " n ") + csv(grids).replace(',', '-') : label(d);
    }

    /** Family of the scaling figure: a KAN architecture and basis (one series over its grids) or an MLP training method. */
    String family(int d) {
        if (kan) {
            return label(d) + (isSpline() ? " (grid extension)" : " (n " + csv(grids).replace(',', '-') + ")");
        }
        return budgeted ? "MLP tanh, Adam + L-BFGS" : "MLP tanh, LM";
    }

    /** Optimizers and iterations, e.g. {@code lm 150+150+300+400} or {@code adam 100, then lbfgs to the budget}. */
    String schedule() {
        if (budgeted) {
            return optimizers[0].name() + " " + iterations[0] + ", then " + optimizers[1].name() + " to the time budget";
        }
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < optimizers.length; s++) {
            if (s == 0 || !optimizers[s].name().equals(optimizers[s - 1].name())) {
                sb.append(s == 0 ? "" : ", ").append(optimizers[s].name()).append(' ');
            } else {
                sb.append('+');
            }
            sb.append(iterations[s]);
        }
        return sb.toString();
    }

    /** Optimizers as {@code solve --optimizer} takes them: one id, or one per stage. */
    String optimizerList(String separator) {
        boolean same = Arrays.stream(optimizers).allMatch(o -> o.name().equals(optimizers[0].name()));
        if (same) {
            return optimizers[0].name();
        }
        StringBuilder sb = new StringBuilder();
        for (Optimizer o : optimizers) {
            sb.append(sb.length() == 0 ? "" : separator).append(o.name());
        }
        return sb.toString();
    }

    /** {@code 2,5,1}: as the command line takes lists. */
    static String csv(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(v);
        }
        return sb.toString();
    }

    /** {@code [2,5,1]}: as models describe their widths. */
    static String join(int[] values) {
        return Arrays.toString(values).replace(" ", "");
    }

    static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%s", s);
    }

    @Override
    public String toString() {
        return (kan ? "KAN " + basis.id() : "MLP") + " hidden " + Arrays.toString(hidden) + ", " + schedule() + ", " + points + " points";
    }
}
