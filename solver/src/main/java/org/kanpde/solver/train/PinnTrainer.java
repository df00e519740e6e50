package org.kanpde.solver.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.geometry.BoundarySample;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.metrics.ErrorMeasure;
import org.kanpde.solver.metrics.ErrorMetrics;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.optim.MinimizerRun;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.HardDirichletFunction;
import org.kanpde.solver.residual.ResidualRows;
import org.kanpde.solver.residual.ResidualSystem;

/**
 * Trains a trial function on a problem through the stages of a {@link TrainingSettings} schedule.
 *
 * <p>Before a stage with a new KAN grid size the network is extended (after an optional grid
 * update of its hidden layers) and training continues from the refitted splines. Each stage runs
 * its optimizer until its iteration limit, its time budget, the loss tolerance, a stall, a stop
 * request, or divergence; on divergence (a non-finite loss, or a loss above the divergence factor
 * times the best of the stage) the best parameters of the stage are restored, the event is
 * reported, and training stops. Every stage ends on the best parameters it saw.
 */
public final class PinnTrainer {
    private PinnTrainer() {
    }

    /**
     * Trains a copy of {@code initial} (the argument is not modified).
     *
     * @throws IllegalArgumentException if the trial function's input dimension differs from the
     *                                  problem's, or the settings do not fit the problem
     */
    public static TrainingResult train(Problem problem, TrialFunction initial, TrainingSettings settings,
                                       TrainingListener listener) {
        if (initial.inputDimension() != problem.dimension()) {
            throw new IllegalArgumentException("the trial function takes " + initial.inputDimension()
                    + "-D inputs but problem '" + problem.name() + "' is " + problem.dimension() + "-D");
        }
        if (settings.hardDirichlet() && !problem.isPureDirichlet()) {
            throw new IllegalArgumentException("hard Dirichlet enforcement needs Dirichlet conditions on every boundary part; "
                    + "problem '" + problem.name() + "' has others");
        }
        try (ParallelRunner runner = new ParallelRunner(settings.threads())) {
            return new Run(problem, initial.copy(), settings, listener == null ? TrainingListener.silent() : listener,
                    runner).execute();
        }
    }

    private static final class Run {
        private final Problem problem;
        private final TrainingSettings settings;
        private final TrainingListener listener;
        private final ParallelRunner runner;
        private final ErrorMeasure measure;
        private final ErrorMeasure historyMeasure;
        private final List<HistoryEntry> history = new ArrayList<>();
        private final List<StageReport> reports = new ArrayList<>();
        private final List<String> messages = new ArrayList<>();
        private final long start = System.nanoTime();
        private TrialFunction model;
        private PointSet interior;
        private BoundarySample boundary;
        private int iterations;
        private boolean diverged;
        private boolean stopped;
        private Optimizer optimizer = Optimizer.LM;

        Run(Problem problem, TrialFunction model, TrainingSettings settings, TrainingListener listener, ParallelRunner runner) {
            this.problem = problem;
            this.model = model;
            this.settings = settings;
            this.listener = listener;
            this.runner = runner;
            int d = problem.dimension();
            int subdivisions = settings.quadratureSubdivisions(d);
            this.measure = problem.hasExactSolution()
                    ? new ErrorMeasure(problem, problem.domain().quadrature(settings.quadraturePoints(), subdivisions))
                    : null;
            // the history samples the error often, so it uses a coarser rule than the final metrics
            this.historyMeasure = problem.hasExactSolution() && subdivisions > 1
                    ? new ErrorMeasure(problem, problem.domain().quadrature(settings.quadraturePoints(), subdivisions / 2))
                    : measure;
        }

        TrainingResult execute() {
            sample(0);
            double loss = Double.NaN;
            List<Stage> stages = settings.stages();
            double totalWeight = 0;
            for (Stage stage : stages) {
                totalWeight += stage.weight();
            }
            double laterWeight = totalWeight;
            for (int s = 0; s < stages.size() && !diverged && !stopped; s++) {
                laterWeight -= stages.get(s).weight();
                double reserve = 0.5 * settings.timeLimit() * laterWeight / totalWeight;
                double cap = Math.min(stages.get(s).seconds(), settings.timeLimit() - elapsed() - (laterWeight > 0 ? reserve : 0));
                loss = runStage(s, stages.get(s), cap);
            }
            TrialFunction trained = evaluable(model);
            ErrorMetrics metrics = measure == null ? null : measure.measure(trained, runner);
            return new TrainingResult(new Solution(problem, trained), history, reports, iterations, elapsed(), loss, metrics,
                    diverged, messages);
        }

        private void sample(long salt) {
            long seed = settings.seed() * 1_000_003L + salt;
            interior = problem.domain().sampleInterior(settings.interiorPoints(), settings.interiorSampling(), seed);
            boundary = settings.hardDirichlet() || settings.boundaryPoints() == 0 ? null
                    : problem.domain().sampleBoundary(settings.boundaryPoints(), settings.boundarySampling(), seed + 7);
        }

        private double runStage(int index, Stage stage, double cap) {
            long stageStart = System.nanoTime();
            if (index > 0 && stage.resample()) {
                sample(index);
            }
            changeGrid(stage);
            ResidualRows rows = ResidualRows.of(problem, interior, boundary, settings.boundaryWeight(), settings.hardDirichlet());
            int[] free = model instanceof Kan ? ((Kan) model).parameterIndices(settings.trainableKan())
                    : allIndices(model.parameterCount());
            ResidualSystem system = new ResidualSystem(model, rows, free, runner);
            listener.stageStarted(index, stage, model.describe(), model.parameterCount());
            optimizer = stage.optimizer();
            MinimizerRun run = start(stage, system);
            double[] best = run.point().clone();
            double bestLoss = run.value();
            if (index == 0) {
                record(index, bestLoss, true);
            }
            int done = 0;
            StopReason reason;
            while (true) {
                if (done >= stage.iterations()) {
                    reason = StopReason.ITERATIONS;
                    break;
                }
                if (seconds(stageStart) >= cap) {
                    reason = StopReason.TIME;
                    break;
                }
                if (bestLoss <= stage.lossTolerance()) {
                    reason = StopReason.TOLERANCE;
                    break;
                }
                boolean moved = run.step();
                double value = run.value();
                if (!moved) {
                    if (stage.optimizer() == Optimizer.ADAM) {
                        // Adam refuses a step only when it would leave the finite numbers
                        reason = divergence(index, done, Double.NaN, bestLoss);
                    } else {
                        reason = StopReason.NO_PROGRESS;
                    }
                    break;
                }
                done++;
                iterations++;
                if (!Double.isFinite(value) || value > settings.divergenceFactor() * bestLoss) {
                    reason = divergence(index, done, value, bestLoss);
                    break;
                }
                if (value <= bestLoss) {
                    bestLoss = value;
                    System.arraycopy(run.point(), 0, best, 0, best.length);
                }
                system.setPoint(run.point());
                HistoryEntry entry = record(index, value, false);
                if (!listener.iteration(entry)) {
                    reason = StopReason.STOPPED;
                    stopped = true;
                    message("stopped on request after " + iterations + " iterations");
                    break;
                }
            }
            system.setPoint(best);
            HistoryEntry last = record(index, bestLoss, true);
            StageReport report = new StageReport(index, stage, done, seconds(stageStart), bestLoss, last.relL2(), reason,
                    model.parameterCount());
            reports.add(report);
            listener.stageFinished(report);
            return bestLoss;
        }

        private StopReason divergence(int stage, int step, double value, double bestLoss) {
            diverged = true;
            message(String.format(Locale.ROOT, "stage %d diverged at its iteration %d (loss %s); restored the best "
                    + "parameters of the stage (loss %.6e) and stopped", stage, step, value, bestLoss));
            return StopReason.DIVERGED;
        }

        private MinimizerRun start(Stage stage, ResidualSystem system) {
            double[] x0 = system.currentPoint();
            switch (stage.optimizer()) {
                case LM:
                    return new LevenbergMarquardt().withRunner(runner).start(system, x0);
                case LBFGS:
                    return new Lbfgs().start(system, x0);
                case ADAM:
                    return new Adam().withLearningRate(stage.learningRate()).start(system, x0);
                default:
                    throw new IllegalStateException("unknown optimizer " + stage.optimizer());
            }
        }

        private void changeGrid(Stage stage) {
            int[] sizes = stage.gridSizes();
            if (sizes == null) {
                return;
            }
            if (!(model instanceof Kan)) {
                if (reports.isEmpty()) {
                    message("grid sizes apply to KANs only; ignored for " + model.describe());
                }
                return;
            }
            Kan kan = (Kan) model;
            int[] target = sizes.length == 1 ? filled(kan.layerCount(), sizes[0]) : sizes;
            if (target.length != kan.layerCount()) {
                throw new IllegalArgumentException("stage grid sizes " + Arrays.toString(sizes) + " do not match the "
                        + kan.layerCount() + " layers of " + kan.describe());
            }
            if (Arrays.equals(target, kan.gridSizes())) {
                return;
            }
            double[] points = interior.coordinates();
            if (settings.gridUpdate() && kan.layerCount() > 1) {
                boolean[] hidden = new boolean[kan.layerCount()];
                Arrays.fill(hidden, 1, hidden.length, true);
                kan = kan.updateGrid(points, settings.gridUniformFraction(), hidden);
            }
            String before = Arrays.toString(kan.gridSizes());
            model = kan.extendGrid(target, points);
            message("grid " + before + " -> " + Arrays.toString(target) + ": " + model.parameterCount() + " parameters");
        }

        private TrialFunction evaluable(TrialFunction network) {
            if (!settings.hardDirichlet()) {
                return network;
            }
            return new HardDirichletFunction(network, problem.boundaryCondition(0).data(), problem.domain().distance());
        }

        private HistoryEntry record(int stage, double loss, boolean forceMeasure) {
            double now = elapsed();
            double rel = Double.NaN;
            // cheap iterations get measured less often; counted in iterations so histories are reproducible
            int interval = settings.metricsEvery() * (optimizer == Optimizer.ADAM ? 10 : optimizer == Optimizer.LBFGS ? 2 : 1);
            boolean due = iterations % interval == 0;
            if (measure != null && (forceMeasure || due)) {
                rel = (forceMeasure ? measure : historyMeasure).measure(evaluable(model), runner).relL2();
            }
            HistoryEntry entry = new HistoryEntry(stage, iterations, now, loss, rel, model.parameterCount());
            history.add(entry);
            return entry;
        }

        private void message(String text) {
            messages.add(text);
            listener.message(text);
        }

        private double elapsed() {
            return seconds(start);
        }

        private static double seconds(long since) {
            return (System.nanoTime() - since) * 1e-9;
        }

        private static int[] allIndices(int n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }

        private static int[] filled(int n, int value) {
            int[] a = new int[n];
            Arrays.fill(a, value);
            return a;
        }
    }
}
