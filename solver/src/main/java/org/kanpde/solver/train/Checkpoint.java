package org.kanpde.solver.train;

import java.util.List;

import org.kanpde.net.TrialFunction;
import org.kanpde.solver.optim.OptimizerState;
import org.kanpde.solver.problem.Problem;

/**
 * Everything a {@link TrainingSession} needs to continue bit-identically: the network (structure
 * and current parameters), where in the schedule it is, the optimizer's internal state, the best
 * point of the stage, the collocation sampling salt, and the history so far. The problem and
 * settings are not stored: resume with the same ones (checked by name, seed and stage count).
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
 */
public record Checkpoint(String problemName, long seed, int stageCount, TrialFunction model, int stageIndex,
                         int stageIterations, double stageSeconds, int iterations, double elapsedSeconds,
                         int samplingSalt, boolean diverged, double lastLoss, OptimizerState optimizer, double[] best,
                         double bestLoss, List<HistoryEntry> history, List<String> messages, List<Report> reports) {

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
     * Checks that this checkpoint can continue on this problem with these settings.
     *
     * @throws IllegalArgumentException naming the mismatch
     */
    void checkFits(Problem problem, TrainingSettings settings) {
        if (!problemName.equals(problem.name())) {
            throw new IllegalArgumentException("checkpoint is of problem '" + problemName + "', not '" + problem.name() + "'");
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
        if (best != null && best.length != optimizer.point().length) {
            throw new IllegalArgumentException("checkpoint best point has " + best.length + " entries, the optimizer "
                    + optimizer.point().length);
        }
    }
}
