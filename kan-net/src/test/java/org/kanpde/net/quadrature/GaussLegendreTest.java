package org.kanpde.net.quadrature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

class GaussLegendreTest {

    @Test
    void exactUpToDegreeTwoNMinusOne() {
        for (int n = 1; n <= 12; n++) {
            GaussLegendre rule = GaussLegendre.of(n);
            assertEquals(n, rule.size());
            for (int i = 0; i < n; i++) {
                assertTrue(rule.node(i) > -1 && rule.node(i) < 1);
                assertTrue(rule.weight(i) > 0);
                if (i > 0) {
                    assertTrue(rule.node(i) > rule.node(i - 1));
                }
            }
            for (int k = 0; k <= 2 * n - 1; k++) {
                double exact = k % 2 == 1 ? 0 : 2.0 / (k + 1);
                assertEquals(exact, moment(rule, k), 1e-14, "n=" + n + " x^" + k);
            }
            double exact = 2.0 / (2 * n + 1);
            assertTrue(Math.abs(moment(rule, 2 * n) - exact) > 1e-10, "n=" + n + " should not be exact for x^2n");
        }
    }

    @Test
    void matchesHipparchus() {
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        for (int n = 1; n <= 60; n++) {
            GaussLegendre rule = GaussLegendre.of(n);
            GaussIntegrator reference = factory.legendre(n);
            for (int i = 0; i < n; i++) {
                // Hipparchus lists its nodes in increasing order too.
                assertEquals(reference.getPoint(i), rule.node(i), 2e-16, "n=" + n + " node " + i);
                assertEquals(reference.getWeight(i), rule.weight(i), 1e-15, "n=" + n + " weight " + i);
            }
        }
    }

    @Test
    void largeRulesAreFastAndAccurate() {
        GaussLegendre rule = GaussLegendre.of(2000);
        double sum = 0;
        for (int i = 0; i < rule.size(); i++) {
            sum += rule.weight(i);
            assertEquals(-rule.node(i), rule.node(rule.size() - 1 - i), 0.0);
        }
        assertEquals(2.0, sum, 1e-13);
        assertEquals(2.0 / 3, moment(rule, 2), 1e-13);
        assertEquals(0.0, GaussLegendre.of(7).node(3), 0.0);
    }

    private static double moment(GaussLegendre rule, int k) {
        double s = 0;
        for (int i = 0; i < rule.size(); i++) {
            s += rule.weight(i) * Math.pow(rule.node(i), k);
        }
        return s;
    }

    @Test
    void compositeRuleCoversTheInterval() {
        GaussLegendre rule = GaussLegendre.of(3);
        double[] x = new double[12];
        double[] w = new double[12];
        rule.composite(1, 3, 4, x, w);
        double sum = 0, cubic = 0;
        for (int i = 0; i < 12; i++) {
            assertTrue(x[i] > 1 && x[i] < 3);
            sum += w[i];
            cubic += w[i] * x[i] * x[i] * x[i] * x[i] * x[i];
        }
        assertEquals(2.0, sum, 1e-15);
        assertEquals((Math.pow(3, 6) - 1) / 6, cubic, 1e-12);
        assertEquals(0.5 * (rule.node(0) + 1), rule.unitNodes()[0], 1e-16);
    }

    @Test
    void rejectsInvalidArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussLegendre.of(0));
        assertTrue(e.getMessage().contains("got 0"));
        GaussLegendre rule = GaussLegendre.of(2);
        e = assertThrows(IllegalArgumentException.class, () -> rule.composite(1, 1, 1, new double[2], new double[2]));
        assertTrue(e.getMessage().contains("[1.0, 1.0]"));
        e = assertThrows(IllegalArgumentException.class, () -> rule.composite(0, 1, 2, new double[3], new double[4]));
        assertTrue(e.getMessage().contains(">= 4"));
    }
}
