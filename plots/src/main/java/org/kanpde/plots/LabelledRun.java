package org.kanpde.plots;

import org.kanpde.solver.train.TrainingResult;

/**
 * A training run with the label it carries in legends, file names and report tables, e.g.
 * {@code "KAN [2,5,1]"} or {@code "MLP [2,20,20,1]"}.
 *
 * @param label  a short non-blank name
 * @param result the training result
 */
public record LabelledRun(String label, TrainingResult result) {

    /**
     * @throws IllegalArgumentException if the label is blank or the result is null
     */
    public LabelledRun {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("run label must not be blank, got '" + label + "'");
        }
        if (result == null) {
            throw new IllegalArgumentException("run '" + label + "' has no training result");
        }
    }
}
