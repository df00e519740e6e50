package org.kanpde.solver.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.mlp.Mlp;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.collocation.CollocationPoints;
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.solution.ErrorMeasure;
import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.solution.Solution;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.optim.MinimizerRun;
import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.optim.OptimizerState;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.residual.HardDirichletFunction;
import org.kanpde.solver.residual.ResidualRows;
import org.kanpde.solver.residual.ResidualSystem;

/**
 * A training run that the host drives: {@link #step()} performs one optimizer iteration (starting
 * and ending stages as the schedule says), {@link #run()} steps until the schedule ends or a stop
 * is requested, {@link #requestStop()} (from any thread) makes {@link #run()} return after the
 * current iteration, and calling {@link #run()} or {@link #step()} again resumes where it stopped.
 * {@link #checkpoint()} captures everything needed to continue bit-identically in another
 * process ({@link #resume}).
 *
 * <p>Per stage: before a stage with a new KAN grid size the network is extended (after an optional
 * grid update of its hidden layers); the stage runs its optimizer until its iteration limit, its
 * share of the time limit, the loss tolerance, a stall, or divergence. On divergence (a
 * non-finite loss, or a loss above the divergence factor times the best of the stage) the best
 * parameters of the stage are restored, the event is reported, and training ends. Every stage
 * ends on the best parameters it saw.
 *
 * <p>Not thread-safe except for {@link #requestStop()}; close it to release its worker threads.
 */
public final class TrainingSession implements AutoCloseable {
    private final Problem problem;
    private final Training training;
    private final Execution execution;
    private final TrainingListener listener;
    private final ParallelRunner runner;
    private final ErrorMeasure measure;
    private final ErrorMeasure historyMeasure;
    /** Errors at the points of the problem's reference data, or null without any. */
    private final ErrorMeasure referenceMeasure;
    private final List<Stage> stages;
    private final double totalWeight;
    private final List<HistoryEntry> history = new ArrayList<>();
    private final List<StageReport> reports = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final long started;
    private final double elapsedBefore;
    /** What checkpoints record to be checked on resume (see {@link Checkpoint#settings()}). */
    private final Map<String, String> fingerprint;
    private volatile boolean stopRequested;

    private TrialFunction model;
    private CollocationPoints points;
    private int iterations;
    private boolean diverged;
    private boolean finished;
    private double lastLoss = Double.NaN;

    // the stage in progress (run == null between stages)
    private int stageIndex;
    private ResidualSystem system;
    private MinimizerRun run;
    private double[] best;
    private double bestLoss;
    private int stageIterations;
    private long stageStart;
    private double stageElapsedBefore;
    private double stageCap;

    private TrainingSession(Problem problem, TrialFunction model, Training training, Execution execution,
                            TrainingListener listener, double elapsedBefore, Map<String, String> network) {
        if (model.inputDimension() != problem.dimension()) {
            throw new IllegalArgumentException("the trial function takes " + model.inputDimension()
                    + "-D inputs but problem '" + problem.name() + "' is " + problem.dimension() + "-D");
        }
        if (training.hardDirichlet() && !problem.isPureDirichlet()) {
            throw new IllegalArgumentException("hard Dirichlet enforcement needs Dirichlet conditions on every boundary part; "
                    + "problem '" + problem.name() + "' has others");
        }
        this.problem = problem;
        this.model = model;
        this.training = training;
        this.execution = execution;
        this.started = execution.clock().getAsLong();
        this.listener = listener == null ? TrainingListener.silent() : listener;
        this.elapsedBefore = elapsedBefore;
        Map<String, String> recorded = new LinkedHashMap<>(training.fingerprint());
        if (network != null) {
            recorded.putAll(network);
        }
        this.fingerprint = Collections.unmodifiableMap(recorded);
        this.stages = training.stages();
        double weights = 0;
        for (Stage s : stages) {
            weights += s.weight();
        }
        this.totalWeight = weights;
        this.runner = new ParallelRunner(execution.threads());
        int d = problem.dimension();
        int subdivisions = training.quadratureSubdivisions(d);
        this.referenceMeasure = problem.reference() == null ? null : ErrorMeasure.atPoints(problem.reference());
        this.measure = problem.hasExactSolution()
                ? new ErrorMeasure(problem, problem.domain().quadrature(training.quadraturePoints(), subdivisions))
                : referenceMeasure;
        // the history samples the error often, so it uses a coarser rule than the final metrics
        this.historyMeasure = problem.hasExactSolution() && subdivisions > 1
                ? new ErrorMeasure(problem, problem.domain().quadrature(training.quadraturePoints(), subdivisions / 2))
                : measure;
    }

    /**
     * Starts training a copy of {@code initial} (the argument is not modified). Nothing is
     * computed until the first {@link #step()} or {@link #run()}.
     *
     * @throws IllegalArgumentException if the trial function's input dimension differs from the
     *                                  problem's, or the training does not fit the problem
     */
    public static TrainingSession start(Problem problem, TrialFunction initial, Training training, Execution execution,
                                        TrainingListener listener) {
        TrainingSession session = new TrainingSession(problem, initial.copy(), training, execution, listener, 0,
                network(initial));
        session.sample(0);
        return session;
    }

    /**
     * Continues a checkpointed run: with the same problem and training it makes exactly the steps
     * the original run would have made (the execution may differ). The initial network is not
     * checked; see {@link #resume(Problem, TrialFunction, Training, Execution, Checkpoint, TrainingListener)}.
     *
     * @throws CheckpointMismatchException if a setting differs from the one the checkpoint records
     * @throws IllegalArgumentException    if the checkpoint does not fit the problem or training
     */
    public static TrainingSession resume(Problem problem, Training training, Execution execution, Checkpoint checkpoint,
                                         TrainingListener listener) {
        return resume(problem, null, training, execution, checkpoint, listener);
    }

    /**
     * Continues a checkpointed run, checking also that it started from {@code initial} (the
     * network the interrupted run was started with; not trained, only compared by its description
     * and a hash of its structure and parameters).
     *
     * @param initial the interrupted run's initial network, or null not to check it
     * @throws CheckpointMismatchException if a setting or the initial network differs from what the
     *                                     checkpoint records
     * @throws IllegalArgumentException    if the checkpoint does not fit the problem or training
     */
    public static TrainingSession resume(Problem problem, TrialFunction initial, Training training, Execution execution,
                                         Checkpoint checkpoint, TrainingListener listener) {
        Map<String, String> network = initial == null ? null : network(initial);
        checkpoint.checkFits(problem, training, network);
        Map<String, String> recorded = checkpoint.settings();
        if (recorded.containsKey(Checkpoint.MODEL)) {
            network = new LinkedHashMap<>();
            network.put(Checkpoint.MODEL, recorded.get(Checkpoint.MODEL));
            network.put(Checkpoint.INITIAL_PARAMETERS, recorded.get(Checkpoint.INITIAL_PARAMETERS));
        }
        TrainingSession s = new TrainingSession(problem, checkpoint.model(), training, execution, listener,
                checkpoint.elapsedSeconds(), network);
        s.history.addAll(checkpoint.history());
        s.messages.addAll(checkpoint.messages());
        if (recorded.isEmpty()) {
            s.message("the checkpoint was written by an older build (file version 1 or 2) whose settings this build "
                    + "cannot compare: they were not checked against this run's");
        }
        for (Checkpoint.Report r : checkpoint.reports()) {
            s.reports.add(new StageReport(r.index(), s.stages.get(r.index()), r.iterations(), r.seconds(), r.loss(),
                    r.relL2(), r.reason(), r.parameters()));
        }
        s.iterations = checkpoint.iterations();
        s.diverged = checkpoint.diverged();
        s.lastLoss = checkpoint.lastLoss();
        s.stageIndex = checkpoint.stageIndex();
        s.sample(checkpoint.samplingSalt());
        if (checkpoint.optimizer() != null) {
            s.buildSystem();
            MinimizerRun restored = s.start(s.stages.get(s.stageIndex), s.system, checkpoint.optimizer());
            s.openStage(restored, checkpoint.best(), checkpoint.bestLoss(), checkpoint.stageIterations(),
                    checkpoint.stageSeconds());
        }
        s.finished = s.diverged || s.stageIndex >= s.stages.size();
        return s;
    }

    /** Asks {@link #run()} to return after the current iteration; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Whether the schedule has ended (all stages done, or divergence). */
    public boolean isFinished() {
        return finished;
    }

    /** Iterations done so far over all stages. */
    public int iterations() {
        return iterations;
    }

    /** Index of the current (or next) stage. */
    public int stageIndex() {
        return stageIndex;
    }

    /**
     * Steps until the schedule ends or a stop is requested (by {@link #requestStop()} or by the
     * listener returning false).
     *
     * @return the result so far; after a stop request it is flagged {@code stopped} and calling
     *         {@code run()} again resumes
     */
    public TrainingResult run() {
        stopRequested = false;
        while (!stopRequested && step()) {
            // each step is one optimizer iteration
        }
        if (stopRequested && !finished) {
            message("stopped on request after " + iterations + " iterations");
        }
        return result();
    }

    /**
     * Performs one optimizer iteration, first ending and starting stages as the schedule says.
     *
     * @return false once the schedule has ended (nothing was done)
     */
    public boolean step() {
        while (!finished) {
            if (run == null) {
                if (stageIndex >= stages.size()) {
                    finished = true;
                    return false;
                }
                beginStage();
            }
            StopReason end = endCondition();
            if (end != null) {
                endStage(end);
                continue;
            }
            iterate();
            return true;
        }
        return false;
    }

    /** The result so far: the best parameters of the current stage, errors measured now. */
    public TrainingResult result() {
        TrialFunction trained = model.copy();
        if (run != null) {
            // mid-stage: report the best parameters seen so far without disturbing the optimizer
            scatter(trained, system.freeParameters(), best);
        }
        TrialFunction evaluable = evaluable(trained);
        ErrorMetrics metrics = measure == null ? null : measure.measure(evaluable, runner);
        ErrorMetrics atReference = referenceMeasure == null ? null
                : referenceMeasure == measure ? metrics : referenceMeasure.measure(evaluable, runner);
        double loss = run != null ? bestLoss : lastLoss;
        return new TrainingResult(new Solution(problem, evaluable), history, reports, iterations, elapsed(), loss, metrics,
                diverged, messages, !finished, training, execution, points.interiorCount(), points.boundaryCount(),
                atReference);
    }

    /** Everything needed to continue this run bit-identically (see {@link #resume}). */
    public Checkpoint checkpoint() {
        OptimizerState state = run == null ? null : run.state();
        List<Checkpoint.Report> rs = new ArrayList<>();
        for (StageReport r : reports) {
            rs.add(new Checkpoint.Report(r.index(), r.iterations(), r.seconds(), r.loss(), r.relL2(), r.reason(), r.parameters()));
        }
        TrialFunction current = model.copy();
        if (run != null) {
            scatter(current, system.freeParameters(), run.point());
        }
        return new Checkpoint(problem.name(), training.seed(), stages.size(), current, stageIndex, stageIterations,
                run == null ? 0 : stageSeconds(), iterations, elapsed(), points.salt(), diverged, lastLoss, state,
                run == null ? null : best.clone(), bestLoss, history, messages, rs, fingerprint);
    }

    /**
     * The {@link Checkpoint#MODEL} and {@link Checkpoint#INITIAL_PARAMETERS} entries of a network:
     * its description, and a SHA-256 hash of its model-file document (structure, knots and
     * parameters; description and parameters for networks that model files cannot hold).
     */
    static Map<String, String> network(TrialFunction f) {
        String text = null;
        if (f instanceof Kan || f instanceof Mlp) {
            try {
                text = ModelFile.toJson(f, "", Map.of());
            } catch (IllegalArgumentException e) {
                // an edge basis that model files cannot hold yet: hash what is known instead
            }
        }
        if (text == null) {
            text = f.getClass().getName() + " " + f.describe() + " " + Arrays.toString(f.parameters());
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        byte[] hash = sha.digest(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : hash) {
            hex.append(String.format(Locale.ROOT, "%02x", b));
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Checkpoint.MODEL, f.describe());
        m.put(Checkpoint.INITIAL_PARAMETERS, hex.toString());
        return m;
    }

    /** Writes {@link #checkpoint()} to a file atomically. */
    public void writeCheckpoint(Path file) throws IOException {
        CheckpointFile.write(file, checkpoint());
    }

    @Override
    public void close() {
        runner.close();
    }

    private void sample(int salt) {
        points = training.collocation().draw(problem.domain(), training.seed(), salt, !training.hardDirichlet());
    }

    private void beginStage() {
        Stage stage = stages.get(stageIndex);
        if (stageIndex > 0 && training.collocation().resampling()) {
            sample(stageIndex);
        }
        changeGrid(stage);
        buildSystem();
        MinimizerRun first = start(stage, system, null);
        openStage(first, first.point().clone(), first.value(), 0, 0);
        if (stageIndex == 0 && history.isEmpty()) {
            record(bestLoss, true);
        }
    }

    private void buildSystem() {
        system = training.residualSystem(problem, model, points, runner);
    }

    /** Opens the current stage on an optimizer run (fresh or restored). */
    private void openStage(MinimizerRun started, double[] bestPoint, double bestValue, int done, double secondsBefore) {
        Stage stage = stages.get(stageIndex);
        run = started;
        best = bestPoint;
        bestLoss = bestValue;
        stageIterations = done;
        stageElapsedBefore = secondsBefore;
        stageStart = execution.clock().getAsLong();
        double later = 0;
        for (int s = stageIndex + 1; s < stages.size(); s++) {
            later += stages.get(s).weight();
        }
        stageCap = stage.seconds();
        if (Double.isFinite(execution.timeLimit())) {
            // later stages are guaranteed half of their weights' share of the limit
            double reserve = 0.5 * execution.timeLimit() * later / totalWeight;
            stageCap = Math.min(stageCap, execution.timeLimit() - (elapsed() - secondsBefore) - reserve);
        }
        listener.stageStarted(stageIndex, stage, model.describe(), model.parameterCount());
    }

    private StopReason endCondition() {
        Stage stage = stages.get(stageIndex);
        if (stageIterations >= stage.iterations()) {
            return StopReason.ITERATIONS;
        }
        if (stageSeconds() >= stageCap) {
            return StopReason.TIME;
        }
        if (bestLoss <= stage.lossTolerance()) {
            return StopReason.TOLERANCE;
        }
        return null;
    }

    private void iterate() {
        boolean moved = run.step();
        double value = run.value();
        if (!moved) {
            if (run.leftFiniteNumbers()) {
                // the refused step is the stage's next iteration
                divergence(Double.NaN, stageIterations + 1);
                endStage(StopReason.DIVERGED);
            } else {
                endStage(StopReason.NO_PROGRESS);
            }
            return;
        }
        stageIterations++;
        iterations++;
        if (!Double.isFinite(value) || value > training.divergenceFactor() * bestLoss) {
            // counted above: this iteration is the stage's stageIterations-th
            divergence(value, stageIterations);
            endStage(StopReason.DIVERGED);
            return;
        }
        if (value <= bestLoss) {
            bestLoss = value;
            System.arraycopy(run.point(), 0, best, 0, best.length);
        }
        system.setPoint(run.point());
        HistoryEntry entry = record(value, false);
        if (execution.checkpointEvery() > 0 && iterations % execution.checkpointEvery() == 0) {
            saveCheckpoint();
        }
        if (!listener.iteration(entry)) {
            stopRequested = true;
        }
    }

    private void saveCheckpoint() {
        try {
            writeCheckpoint(execution.checkpointFile());
        } catch (IOException e) {
            // a full disk must not end a long run: report it and keep training
            message("could not write checkpoint " + execution.checkpointFile() + ": " + e.getMessage());
        }
    }

    private void endStage(StopReason reason) {
        Stage stage = stages.get(stageIndex);
        system.setPoint(best);
        lastLoss = bestLoss;
        HistoryEntry last = record(bestLoss, true);
        StageReport report = new StageReport(stageIndex, stage, stageIterations, stageSeconds(), bestLoss, last.relL2(), reason,
                model.parameterCount());
        reports.add(report);
        listener.stageFinished(report);
        run = null;
        system = null;
        stageIndex++;
        if (reason == StopReason.DIVERGED) {
            finished = true;
        }
        if (execution.checkpointEvery() > 0) {
            saveCheckpoint();
        }
    }

    /** Reports divergence at the stage's {@code iteration}-th iteration (counted from 1). */
    private void divergence(double value, int iteration) {
        diverged = true;
        message(String.format(Locale.ROOT, "stage %d diverged at its iteration %d (loss %s); restored the best "
                + "parameters of the stage (loss %.6e) and stopped", stageIndex, iteration, value, bestLoss));
    }

    private MinimizerRun start(Stage stage, ResidualSystem s, OptimizerState state) {
        Optimizer o = stage.optimizer();
        return state == null ? o.start(s, s.currentPoint(), runner) : o.resume(s, state, runner);
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
        double[] coordinates = points.interior().coordinates();
        if (training.gridUpdate() && kan.layerCount() > 1) {
            boolean[] hidden = new boolean[kan.layerCount()];
            Arrays.fill(hidden, 1, hidden.length, true);
            kan = kan.updateGrid(coordinates, training.gridUniformFraction(), hidden);
        }
        String before = Arrays.toString(kan.gridSizes());
        model = kan.extendGrid(target, coordinates);
        message("grid " + before + " -> " + Arrays.toString(target) + ": " + model.parameterCount() + " parameters");
    }

    private TrialFunction evaluable(TrialFunction network) {
        if (!training.hardDirichlet()) {
            return network;
        }
        return new HardDirichletFunction(network, problem.boundaryCondition(0).data(), problem.domain().distance());
    }

    private HistoryEntry record(double loss, boolean forceMeasure) {
        double rel = Double.NaN;
        Optimizer optimizer = stages.get(Math.min(stageIndex, stages.size() - 1)).optimizer();
        // cheap iterations get measured less often; counted in iterations so histories are reproducible
        int interval = training.metricsEvery() * (optimizer instanceof Adam ? 10 : optimizer instanceof Lbfgs ? 2 : 1);
        if (measure != null && (forceMeasure || iterations % interval == 0)) {
            rel = (forceMeasure ? measure : historyMeasure).measure(evaluable(model), runner).relL2();
        }
        HistoryEntry entry = new HistoryEntry(Math.min(stageIndex, stages.size() - 1), iterations, elapsed(), loss, rel,
                model.parameterCount());
        history.add(entry);
        return entry;
    }

    private void message(String text) {
        messages.add(text);
        listener.message(text);
    }

    private double stageSeconds() {
        return stageElapsedBefore + (execution.clock().getAsLong() - stageStart) * 1e-9;
    }

    private double elapsed() {
        return elapsedBefore + (execution.clock().getAsLong() - started) * 1e-9;
    }

    private static void scatter(TrialFunction f, int[] free, double[] x) {
        double[] p = f.parameters();
        for (int a = 0; a < free.length; a++) {
            p[free[a]] = x[a];
        }
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
