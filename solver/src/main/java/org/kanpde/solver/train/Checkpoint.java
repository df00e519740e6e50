package org.kanpde.solver.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kanpde.net.TrialFunction;
import org.kanpde.solver.optim.OptimizerState;
import org.kanpde.solver.problem.Problem;

/**
 * Everything a {@link TrainingSession} needs to continue bit-identically: the network (structure
 * and current parameters), where in the schedule it is, the optimizer's internal state, the best
 * point of the stage, the collocation sampling salt, and the history so far. The problem and
 * training is not stored; resume with the same one. They are checked: the problem by name, the
 * training against the recorded {@link Training#fingerprint()}, and the initial network
 * by its description and a hash (checkpoints of file version 1 record none of these and are
 * checked by seed and stage count only).
 *
 * @param problemName      name of the problem trained
 * @param seed             settings seed
 * @param stageCount       number of stages of the schedule
 * @param model            the network now (a copy)
 * @param stageIndex       index of the current stage (or the next, between stages)
 * @param stageIterations  iterations done in the current stage
 * @param stageSeconds     seconds spent in the current stage
 * @param iterations       iterations over all stages
 * @param elapsedSeconds   wall time so far
 * @param samplingSalt     salt of the current collocation points
 * @param diverged         whether a stage diverged
 * @param lastLoss         loss at the end of the last finished stage (NaN before)
 * @param optimizer        the optimizer state mid-stage, or null between stages
 * @param best             the best point of the current stage (null between stages)
 * @param bestLoss         its loss
 * @param history          history so far
 * @param messages         messages so far
 * @param reports          reports of finished stages
 * @param settings         the run's {@link Training#fingerprint()} plus {@link #MODEL} and
 *                         {@link #INITIAL_PARAMETERS} of its initial network; empty if unknown (a
 *                         version 1 file)
 */
public record Checkpoint(String problemName, long seed, int stageCount, TrialFunction model, int stageIndex,
                         int stageIterations, double stageSeconds, int iterations, double elapsedSeconds,
                         int samplingSalt, boolean diverged, double lastLoss, OptimizerState optimizer, double[] best,
                         double bestLoss, List<HistoryEntry> history, List<String> messages, List<Report> reports,
                         Map<String, String> settings) {

    /** Key of {@link #settings()}: the initial network's {@link TrialFunction#describe()}. */
    public static final String MODEL = "model";
    /** Key of {@link #settings()}: a SHA-256 hash of the initial network (structure and parameters). */
    public static final String INITIAL_PARAMETERS = "initialNetwork";

    /** A finished stage's report without its settings (they come from the schedule on resume). */
    public record Report(int index, int iterations, double seconds, double loss, double relL2, StopReason reason,
                         int parameters) {
    }

    public Checkpoint {
        model = model.copy();
        best = best == null ? null : best.clone();
        history = List.copyOf(history);
        messages = List.copyOf(messages);
        reports = List.copyOf(reports);
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    @Override
    public TrialFunction model() {
        return model.copy();
    }

    @Override
    public double[] best() {
        return best == null ? null : best.clone();
    }

    /**
     * Checks that this checkpoint can continue on this problem with this training.
     *
     * @param initial the initial network's {@link #MODEL} and {@link #INITIAL_PARAMETERS} entries,
     *                or null to leave the network unchecked
     * @throws CheckpointMismatchException naming the first setting that differs
     * @throws IllegalArgumentException    naming any other mismatch or inconsistency
     */
    void checkFits(Problem problem, Training settings, Map<String, String> initial) {
        if (!problemName.equals(problem.name())) {
            throw new IllegalArgumentException("checkpoint is of problem '" + problemName + "', not '" + problem.name() + "'");
        }
        if (!this.settings.isEmpty()) {
            Map<String, String> now = new LinkedHashMap<>(settings.fingerprint());
            if (initial != null) {
                now.putAll(initial);
            }
            for (Map.Entry<String, String> e : this.settings.entrySet()) {
                boolean network = e.getKey().equals(MODEL) || e.getKey().equals(INITIAL_PARAMETERS);
                String current = now.getOrDefault(e.getKey(), "none");
                if ((!network || initial != null) && !current.equals(e.getValue())) {
                    throw new CheckpointMismatchException(e.getKey(), e.getValue(), current);
                }
            }
            for (Map.Entry<String, String> e : now.entrySet()) {
                boolean network = e.getKey().equals(MODEL) || e.getKey().equals(INITIAL_PARAMETERS);
                // a run resumed from a version 1 file records no network: nothing to compare it with
                if (!network && !this.settings.containsKey(e.getKey())) {
                    throw new CheckpointMismatchException(e.getKey(), "none", e.getValue());
                }
            }
        }
        if (seed != settings.seed() || stageCount != settings.stages().size()) {
            throw new IllegalArgumentException("checkpoint was written with seed " + seed + " and " + stageCount
                    + " stages; the settings have seed " + settings.seed() + " and " + settings.stages().size() + " stages");
        }
        if (model.inputDimension() != problem.dimension()) {
            throw new IllegalArgumentException("checkpoint model is " + model.inputDimension() + "-D, the problem is "
                    + problem.dimension() + "-D");
        }
        if (stageIndex < 0 || stageIndex > stageCount || (optimizer != null && (stageIndex >= stageCount || best == null))) {
            throw new IllegalArgumentException("checkpoint stage index " + stageIndex + " is inconsistent with " + stageCount
                    + " stages");
        }
        if (best != null && optimizer != null && best.length != optimizer.point().length) {
            throw new IllegalArgumentException("checkpoint best point has " + best.length + " entries, the optimizer "
                    + optimizer.point().length);
        }
        for (Report r : reports) {
            if (r.index() < 0 || r.index() >= stageCount) {
                throw new IllegalArgumentException("checkpoint report of stage index " + r.index() + " is out of range for "
                        + stageCount + " stages");
            }
        }
    }
}
