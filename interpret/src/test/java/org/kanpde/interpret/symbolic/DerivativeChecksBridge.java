package org.kanpde.interpret.symbolic;

import org.kanpde.net.DerivativeChecks;
import org.kanpde.net.Derivatives;
import org.kanpde.net.TrialFunction;

/** Every check of {@link DerivativeChecks} at one point. */
final class DerivativeChecksBridge {
    private DerivativeChecksBridge() {
    }

    static void checkAll(TrialFunction f, double[] z, long seed) {
        DerivativeChecks.checkInputGradient(f, z, 1e-6);
        DerivativeChecks.checkSecondDerivatives(f, Derivatives.HESSIAN_DIAGONAL, z, 1e-6);
        DerivativeChecks.checkSecondDerivatives(f, Derivatives.HESSIAN, z, 1e-6);
        for (Derivatives level : Derivatives.values()) {
            DerivativeChecks.checkParameterGradient(f, level, z, seed, 1e-6);
        }
    }
}
