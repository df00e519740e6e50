package org.kanpde.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.train.Optimizer;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.TrainingSettings;

/**
 * How one run was set up, for the report's setup table: the collocation points it was trained on,
 * its optimizer schedule and its time budget. Runs of one comparison may differ in all of these (the
 * default MLP trains on half the KAN's points), so each run carries its own.
 *
 * @param interiorPoints interior collocation points actually used
 * @param boundaryPoints boundary collocation points actually used (0 with exactly imposed Dirichlet data)
 * @param sampling       the sampling scheme, e.g. "random"
 * @param hardDirichlet  whether Dirichlet data was imposed exactly (u = g + D v) rather than penalized
 * @param schedule       the planned stages in order
 * @param timeLimit      the wall-time budget in seconds; infinite when there is none
 */
public record RunSetup(int interiorPoints, int boundaryPoints, String sampling, boolean hardDirichlet, List<Stage> schedule,
                       double timeLimit) {

    /**
     * @throws IllegalArgumentException if a count is negative, the sampling is blank or the time
     *                                  limit is not positive
     */
    public RunSetup {
        if (interiorPoints < 0 || boundaryPoints < 0) {
            throw new IllegalArgumentException("point counts must be >= 0, got " + interiorPoints + " interior and "
                    + boundaryPoints + " boundary");
        }
        if (sampling == null || sampling.isBlank()) {
            throw new IllegalArgumentException("sampling scheme must not be blank, got '" + sampling + "'");
        }
        if (!(timeLimit > 0)) {
            throw new IllegalArgumentException("time limit must be > 0 seconds (infinite for none), got " + timeLimit);
        }
        schedule = List.copyOf(schedule);
    }

    /**
     * The setup of a run trained with {@code settings} on {@code domain}. Point counts are the ones
     * the sampler returns: tensor schemes (grid, Gauss, Chebyshev) round the requested count down to
     * a full tensor product, so the request alone would overstate them.
     */
    public static RunSetup of(TrainingSettings settings, Domain domain) {
        int interior = count(settings.interiorPoints(), settings.interiorSampling(),
                n -> domain.sampleInterior(n, settings.interiorSampling(), 0).size());
        boolean noBoundary = settings.hardDirichlet() || settings.boundaryPoints() == 0;
        int boundary = noBoundary ? 0 : count(settings.boundaryPoints(), settings.boundarySampling(),
                n -> domain.sampleBoundary(n, settings.boundarySampling(), 0).size());
        return new RunSetup(interior, boundary, schemeName(settings.interiorSampling()), settings.hardDirichlet(),
                settings.stages(), settings.timeLimit());
    }

    private static int count(int requested, SamplingScheme scheme, java.util.function.IntUnaryOperator sample) {
        // random and Sobol points come in exactly the requested number; only tensor rules need a look
        return scheme == SamplingScheme.RANDOM || scheme == SamplingScheme.SOBOL ? requested : sample.applyAsInt(requested);
    }

    /** "random", "sobol", "grid", "gauss", "chebyshev": the names the command line uses. */
    static String schemeName(SamplingScheme scheme) {
        switch (scheme) {
            case UNIFORM_GRID:
                return "grid";
            case GAUSS_LEGENDRE:
                return "gauss";
            default:
                return scheme.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The points as "6,000 + 600" (interior + boundary), or "6,000 + 0 (exact BC)" with imposed Dirichlet data. */
    public String pointsText() {
        String boundary = hardDirichlet ? "0 (exact BC)" : String.format(Locale.ROOT, "%,d", boundaryPoints);
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
        if (schedule.isEmpty()) {
            return "—";
        }
        boolean oneOptimizer = schedule.stream().map(Stage::optimizer).distinct().count() == 1;
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
        switch (o) {
            case LBFGS:
                return "L-BFGS";
            case ADAM:
                return "Adam";
            default:
                return "LM";
        }
    }
}
