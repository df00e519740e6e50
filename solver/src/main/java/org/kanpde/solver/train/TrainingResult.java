package org.kanpde.solver.train;

import java.util.List;

import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.solution.Solution;

/**
 * The outcome of training: the solution, the history and per-stage reports, and the final errors.
 *
 * @param solution    the trained solution (the best parameters of the last stage)
 * @param history     loss (and error where measured) per iteration
 * @param stages      one report per stage run
 * @param iterations  total iterations
 * @param wallSeconds total wall time
 * @param loss        final loss
 * @param metrics     final errors against the exact solution; without one against the problem's
 *                    reference data (at its points, H1 error NaN); null without either
 * @param diverged    whether some stage diverged (its last good parameters were restored)
 * @param messages    notable events in order
 * @param stopped     whether training was stopped on request before its schedule ended (the
 *                    solution then holds the best parameters of the interrupted stage)
 * @param training    what the training was (points, schedule, loss, seed)
 * @param execution   how it executed (threads, time limit, checkpoints)
 * @param interiorPoints interior collocation points actually drawn (tensor schemes may draw fewer
 *                    than requested)
 * @param boundaryPoints boundary points actually drawn (0 with exactly imposed Dirichlet data)
 * @param referenceMetrics final errors at the reference data's points, or null without reference data
 */
public record TrainingResult(Solution solution, List<HistoryEntry> history, List<StageReport> stages, int iterations,
                             double wallSeconds, double loss, ErrorMetrics metrics, boolean diverged,
                             List<String> messages, boolean stopped, Training training, Execution execution,
                             int interiorPoints, int boundaryPoints, ErrorMetrics referenceMetrics) {

    public TrainingResult {
        history = List.copyOf(history);
        stages = List.copyOf(stages);
        messages = List.copyOf(messages);
    }
}
