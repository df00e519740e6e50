package org.kanpde.solver.inverse;

import java.util.List;

import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.solution.Solution;
import org.kanpde.solver.train.HistoryEntry;
import org.kanpde.solver.train.StageReport;

/**
 * The outcome of an inverse solve: u, the identified unknowns (in the problem's order), u's errors
 * when the exact u is known, and how training went.
 *
 * @param solution     u
 * @param identified   the identified unknowns
 * @param metrics      u's errors, or null without an exact u
 * @param loss         the final loss (sum of squares of the stacked residual)
 * @param lossParts    its parts: PDE, boundary conditions, data misfit, unknowns' boundary values
 * @param dataRms      root mean square of u minus the observations at the observation points
 * @param parameters   trainable parameters of the kept model (u's and the unknowns')
 * @param iterations   optimizer iterations over all stages (of every model trained)
 * @param seconds      wall time
 * @param reports      one per stage (relL2 is u's)
 * @param history      loss after every iteration (relL2 of u at stage ends)
 * @param messages     notes (grid changes, time limits, the model selection)
 * @param discrepancy  how the model was selected for the noise, or null if it was not
 */
public record InverseResult(Solution solution, List<Identified> identified, ErrorMetrics metrics, double loss,
                            double[] lossParts, double dataRms, int parameters, int iterations, double seconds, List<StageReport> reports,
                            List<HistoryEntry> history, List<String> messages, Discrepancy discrepancy) {
    /** Copies the lists. */
    public InverseResult {
        identified = List.copyOf(identified);
        lossParts = lossParts.clone();
        reports = List.copyOf(reports);
        history = List.copyOf(history);
        messages = List.copyOf(messages);
    }

    /** The identified unknown of a coefficient, or null if that coefficient was known. */
    public Identified identified(Coefficient c) {
        for (Identified i : identified) {
            if (i.unknown().coefficient() == c) {
                return i;
            }
        }
        return null;
    }
}
