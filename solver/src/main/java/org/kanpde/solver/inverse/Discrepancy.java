package org.kanpde.solver.inverse;

import java.util.List;

/**
 * How an inverse solve chose its model for the noise in the data: Morozov's discrepancy principle
 * over a ladder of models of growing flexibility. With noise of standard deviation sigma, no model
 * should fit the observations more closely than sigma (it would be fitting the noise); the solver
 * keeps the least flexible candidate whose root-mean-square data misfit is at most
 * {@code tau * sigma}. When sigma is not given it is estimated from the most flexible candidate,
 * the classical residual estimate of a full model (as in Mallows' C_p): sigma^2 = RSS / (N - p),
 * with N observations and p the model's effective parameters, the trace of its linearized hat
 * matrix of the data ({@link InverseSystem#dataDegreesOfFreedom}). Dividing by N instead would
 * underestimate sigma badly where the model is flexible against the data (a 1-D test with 60
 * observations: by a factor 0.78).
 *
 * @param sigma      the noise level used (given, or estimated)
 * @param estimated  whether sigma was estimated from the misfit of the most flexible candidate
 * @param effectiveParameters p of the most flexible candidate when sigma was estimated, else NaN
 * @param tau        the discrepancy ratio
 * @param candidates the candidates tried, least flexible first
 * @param chosen     index of the kept candidate
 */
public record Discrepancy(double sigma, boolean estimated, double effectiveParameters, double tau, List<Candidate> candidates, int chosen) {
    /** Copies the list and checks the index. */
    public Discrepancy {
        candidates = List.copyOf(candidates);
        if (chosen < 0 || chosen >= candidates.size()) {
            throw new IllegalArgumentException("chosen candidate " + chosen + " of " + candidates.size());
        }
    }

    /** The kept candidate. */
    public Candidate kept() {
        return candidates.get(chosen);
    }

    /**
     * One model the selection trained.
     *
     * @param model      its description (networks, grid)
     * @param parameters trainable parameters
     * @param dataRms    root-mean-square misfit to the observations
     */
    public record Candidate(String model, int parameters, double dataRms) {
    }
}
