package org.kanpde.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.train.TrainingResult;

/**
 * How one run was set up, for the report's setup table: its {@link Training} (collocation, schedule),
 * its time budget and the collocation points it actually drew. Runs of one comparison may differ in
 * all of these (the default MLP trains on half the KAN's points), so each run carries its own.
 *
 * @param training       what the training was
 * @param timeLimit      the wall-time budget in seconds; infinite when there is none
 * @param interiorPoints interior collocation points actually drawn (tensor schemes round the
 *                       requested count down to a full tensor product)
 * @param boundaryPoints boundary points actually drawn (0 with exactly imposed Dirichlet data)
 */
public record RunSetup(Training training, double timeLimit, int interiorPoints, int boundaryPoints) {

    /**
     * @throws IllegalArgumentException if a count is negative or the time limit is not positive
     */
    public RunSetup {
        Objects.requireNonNull(training, "training");
        if (interiorPoints < 0 || boundaryPoints < 0) {
            throw new IllegalArgumentException("point counts must be >= 0, got " + interiorPoints + " interior and "
                    + boundaryPoints + " boundary");
        }
        if (!(timeLimit > 0)) {
            throw new IllegalArgumentException("time limit must be > 0 seconds (infinite for none), got " + timeLimit);
        }
    }

    /** The setup of a finished (or stopped) run. */
    public static RunSetup of(TrainingResult result) {
        return new RunSetup(result.training(), result.execution().timeLimit(), result.interiorPoints(),
                result.boundaryPoints());
    }

    /** The planned stages in order. */
    public List<Stage> schedule() {
        return training.stages();
    }

    /** The interior sampling scheme's name, e.g. "random". */
    public String sampling() {
        return training.collocation().interiorSampling().id();
    }

    /** Whether Dirichlet data was imposed exactly (u = g + D v) rather than penalized. */
    public boolean hardDirichlet() {
        return training.hardDirichlet();
    }

    /** The points as "6,000 + 600" (interior + boundary), or "6,000 + 0 (exact BC)" with imposed Dirichlet data. */
    public String pointsText() {
        String boundary = hardDirichlet() ? "0 (exact BC)" : String.format(Locale.ROOT, "%,d", boundaryPoints);
        return String.format(Locale.ROOT, "%,d + %s", interiorPoints, boundary);
    }

    /** Whether training had a finite time budget. */
    public boolean hasTimeLimit() {
        return Double.isFinite(timeLimit);
    }

    /**
     * The schedule in one line. With one optimizer throughout: {@code "LM · G=5/10/20/50 ·
     * 150/150/300/400 it."}; otherwise the stages in order, e.g. {@code "Adam 1,000 it. → L-BFGS 500 it."}.
     */
    public String scheduleText() {
        List<Stage> schedule = schedule();
        if (schedule.isEmpty()) {
            return "—";
        }
        boolean oneOptimizer = schedule.stream().map(s -> s.optimizer().name()).distinct().count() == 1;
        if (oneOptimizer) {
            List<String> grids = new ArrayList<>();
            List<String> iterations = new ArrayList<>();
            for (Stage s : schedule) {
                grids.add(grid(s));
                iterations.add(iterations(s));
            }
            StringBuilder sb = new StringBuilder(name(schedule.get(0).optimizer()));
            if (grids.stream().anyMatch(g -> !g.isEmpty())) {
                sb.append(" · G=").append(String.join("/", grids));
            }
            return sb.append(" · ").append(String.join("/", iterations)).append(" it.").toString();
        }
        List<String> stages = new ArrayList<>();
        for (Stage s : schedule) {
            String g = grid(s);
            stages.add(name(s.optimizer()) + " " + iterations(s) + " it." + (g.isEmpty() ? "" : " G=" + g));
        }
        return String.join(" → ", stages);
    }

    private static String grid(Stage s) {
        int[] g = s.gridSizes();
        if (g == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < g.length; t++) {
            sb.append(t == 0 ? "" : ",").append(g[t]);
        }
        return g.length == 1 ? sb.toString() : "(" + sb + ")";
    }

    private static String iterations(Stage s) {
        return s.iterations() == Integer.MAX_VALUE ? "∞" : String.format(Locale.ROOT, "%,d", s.iterations());
    }

    /** The optimizer as written in papers: LM, L-BFGS, Adam. */
    static String name(Optimizer o) {
        switch (o.name()) {
            case "lbfgs":
                return "L-BFGS";
            case "adam":
                return "Adam";
            case "lm":
                return "LM";
            default:
                return o.name();
        }
    }
}
