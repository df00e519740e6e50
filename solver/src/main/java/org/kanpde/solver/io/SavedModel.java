package org.kanpde.solver.io;

import java.util.Map;

import org.kanpde.net.TrialFunction;

/**
 * A model read from a {@link ModelFile}.
 *
 * @param network       the network (a Kan or an Mlp) with its trained parameters
 * @param hardDirichlet whether the solution is u = g + D * network (rebuild it with the problem's
 *                      Dirichlet data and distance function)
 * @param problem       the problem id or file the model was trained on (may be empty)
 * @param metadata      training metadata as written (strings, numbers, booleans, lists, maps)
 */
public record SavedModel(TrialFunction network, boolean hardDirichlet, String problem, Map<String, Object> metadata) {

    public SavedModel {
        metadata = Map.copyOf(metadata);
    }
}
