package org.kanpde.problems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.solver.inverse.Coefficient;
import org.kanpde.solver.inverse.InverseProblem;
import org.kanpde.solver.inverse.Observations;
import org.kanpde.solver.problem.Field;

/** PInv's fields against differentiation, and its observations. */
class InverseCatalogTest {

    /** -div(a grad u) at z by central differences of a and u (flux differences of step h). */
    private static double minusDivergence(Field a, Field u, double x, double y) {
        double h = 1e-4;
        double fluxRight = a.value(new double[] {x + h / 2, y}) * (u.value(new double[] {x + h, y}) - u.value(new double[] {x, y})) / h;
        double fluxLeft = a.value(new double[] {x - h / 2, y}) * (u.value(new double[] {x, y}) - u.value(new double[] {x - h, y})) / h;
        double fluxUp = a.value(new double[] {x, y + h / 2}) * (u.value(new double[] {x, y + h}) - u.value(new double[] {x, y})) / h;
        double fluxDown = a.value(new double[] {x, y - h / 2}) * (u.value(new double[] {x, y}) - u.value(new double[] {x, y - h})) / h;
        return -((fluxRight - fluxLeft) + (fluxUp - fluxDown)) / h;
    }

    @Test
    void theConsistentSourceIsMinusDivAGradUAndPinnaclesIsNot() {
        Field a = InverseCatalog.diffusion();
        Field u = InverseCatalog.solution();
        Field consistent = InverseCatalog.source(-1);
        Field pinnacle = InverseCatalog.source(1);
        SplittableRandom random = new SplittableRandom(3);
        double worstConsistent = 0;
        double worstPinnacle = 0;
        for (int i = 0; i < 200; i++) {
            double x = random.nextDouble(0.01, 0.99);
            double y = random.nextDouble(0.01, 0.99);
            double fd = minusDivergence(a, u, x, y);
            worstConsistent = Math.max(worstConsistent, Math.abs(fd - consistent.value(new double[] {x, y})));
            worstPinnacle = Math.max(worstPinnacle, Math.abs(fd - pinnacle.value(new double[] {x, y})));
        }
        assertTrue(worstConsistent < 1e-5, "consistent source off by " + worstConsistent);
        assertTrue(worstPinnacle > 1, "PINNacle's source should differ, by " + worstPinnacle);
    }

    @Test
    void pinvObservesA50By50GridWithNoiseOfSigmaPoint1() {
        InverseProblem p = InverseCatalog.get("pinv");
        Observations o = p.observations();
        assertEquals(2500, o.size());
        assertFalse(p.usesBoundaryConditions());
        Field u = InverseCatalog.solution();
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < o.size(); i++) {
            double e = o.value(i) - u.value(new double[] {o.coordinate(i, 0), o.coordinate(i, 1)});
            sum += e;
            sum2 += e * e;
        }
        double sd = Math.sqrt(sum2 / o.size() - (sum / o.size()) * (sum / o.size()));
        assertEquals(0.1, sd, 0.005);
        // reproducible, and the clean variant observes u exactly
        assertArrayEquals(o.values(), InverseCatalog.get("pinv").observations().values(), 0);
        Observations clean = InverseCatalog.get("pinv-clean").observations();
        assertEquals(u.value(new double[] {clean.coordinate(7, 0), clean.coordinate(7, 1)}), clean.value(7), 0);
        assertEquals(1.0 / 3, p.unknown(Coefficient.DIFFUSION).boundary().value(new double[] {0, 0}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> InverseCatalog.get("pinv2"));
    }
}
