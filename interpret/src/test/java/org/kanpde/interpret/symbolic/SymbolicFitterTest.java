package org.kanpde.interpret.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kanpde.net.kan.Kan;
import org.kanpde.net.kan.KanLayer;
import org.kanpde.net.basis.BSplineBasis;

class SymbolicFitterTest {

    private static double[] uniform(int n, double lo, double hi, long seed) {
        return new SplittableRandom(seed).doubles(n, lo, hi).toArray();
    }

    @Test
    void anEdgeThatIsExactlySinIsRecognizedWithItsConstants() {
        double[] x = uniform(500, -1, 1, 1);
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            y[t] = 1.7 * Math.sin(2.3 * x[t] - 0.4) + 0.2;
        }
        List<SymbolicFit> fits = new SymbolicFitter().suggest(x, y);
        SymbolicFit best = fits.get(0);
        assertEquals(SymbolicFunction.SIN, best.function(), fits.toString());
        assertTrue(best.r2() > 1 - 1e-14, best.toString());
        // the same function, up to the symmetries sin(-t) = -sin(t) and sin(t + pi) = -sin(t)
        for (int t = 0; t < x.length; t++) {
            assertEquals(y[t], best.value(x[t]), 1e-9);
        }
        assertEquals(2.3, Math.abs(best.a()), 1e-9);
        assertEquals(0.2, best.d(), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(value = SymbolicFunction.class, names = {"ZERO", "X"}, mode = EnumSource.Mode.EXCLUDE)
    void everyFunctionRecoversItselfFromExactSamples(SymbolicFunction f) {
        double a = 1.3;
        double b = 0.4;
        switch (f) {
            case SQRT:
            case LOG:
                b = 1.5;
                break;
            case INVERSE:
                b = 1.6;
                break;
            case TAN:
                a = 0.6;
                b = 0.1;
                break;
            default:
                break;
        }
        double[] x = uniform(400, -1, 1, f.ordinal());
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            y[t] = 0.8 * f.value(a * x[t] + b) - 0.3;
        }
        SymbolicFitter fitter = new SymbolicFitter();
        SymbolicFit fit = fitter.fit(f, x, y);
        assertNotNull(fit);
        assertTrue(fit.r2() > 1 - 1e-9, fit.toString());
        for (int t = 0; t < x.length; t++) {
            assertEquals(y[t], fit.value(x[t]), 1e-4 * (1 + Math.abs(y[t])), fit.toString());
        }
        // the canonical form: fixed inner constants stay fixed
        if (!f.freeScale()) {
            assertEquals(1.0, Math.abs(fit.a()), 0.0, fit.toString());
        }
        if (!f.freeShift()) {
            assertEquals(0.0, fit.b(), 0.0, fit.toString());
        }
        // the ranking: f itself is among the suggestions, and whatever leads scores at least as well
        // (a simpler function that fits nearly as well may lead: sin for sigmoid on a short range)
        List<SymbolicFit> ranked = fitter.suggest(x, y);
        assertTrue(ranked.stream().anyMatch(s -> s.function() == f && s.r2() > 1 - 1e-9), ranked.toString());
        assertTrue(ranked.get(0).score() <= fit.score() + 1e-3, ranked.get(0) + " for " + f);
    }

    @Test
    void linesPreferXAndConstantsPreferZero() {
        double[] x = uniform(200, -2, 3, 4);
        double[] line = new double[x.length];
        double[] constant = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            line[t] = -0.7 * x[t] + 2;
            constant[t] = 1.25;
        }
        SymbolicFitter fitter = new SymbolicFitter();
        SymbolicFit l = fitter.suggest(x, line).get(0);
        assertEquals(SymbolicFunction.X, l.function());
        assertEquals(-0.7, l.c(), 1e-12);
        assertEquals(2.0, l.d(), 1e-12);
        SymbolicFit c = fitter.suggest(x, constant).get(0);
        assertEquals(SymbolicFunction.ZERO, c.function());
        assertEquals(1.0, c.r2());
        assertEquals(1.25, c.d(), 1e-15);
    }

    @Test
    void cosineWinsTheTieWithAShiftedSine() {
        double[] x = uniform(300, -1, 1, 5);
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            y[t] = Math.cos(3 * x[t]);
        }
        SymbolicFit best = new SymbolicFitter().suggest(x, y).get(0);
        assertEquals(SymbolicFunction.COS, best.function());
        assertEquals(0.0, best.b(), 1e-6);
    }

    @Test
    void autoSnapsOnlyEdgesAboveTheThreshold() {
        Kan kan = Kan.builder().widths(1, 2, 1).gridSize(30).degree(5).inputRange(-1, 1).seed(3).build();
        fitSpline(kan, 0, 0, 0, z -> Math.sin(2 * z));
        fitSpline(kan, 0, 1, 0, z -> 0.3 * z * z);
        SymbolicKan net = SymbolicKan.of(kan);
        double[] points = uniform(400, -1, 1, 6);
        SymbolicKan snapped = new SymbolicFitter().auto(net, points, 0.999999, new boolean[] {true, false});
        assertEquals(SymbolicFunction.SIN, snapped.function(0, 0, 0));
        assertEquals(SymbolicFunction.X2, snapped.function(0, 1, 0));
        assertEquals(EdgeKind.SPLINE, snapped.kind(1, 0, 0));
        double[] sin = snapped.constants(0, 0, 0);
        assertEquals(2.0, Math.abs(sin[0]), 1e-6);
        // fix() with a chosen function
        SymbolicKan fixed = new SymbolicFitter().fix(net, points, 0, 0, 0, SymbolicFunction.X3);
        assertEquals(SymbolicFunction.X3, fixed.function(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SymbolicFitter().auto(net, points, 0.9, new boolean[] {true}));
    }

    @Test
    void settingsAreValidated() {
        SymbolicFitter f = new SymbolicFitter();
        assertThrows(IllegalArgumentException.class, () -> f.withSimplicityWeight(1));
        assertThrows(IllegalArgumentException.class, () -> f.withGrid(2, 10));
        assertThrows(IllegalArgumentException.class, () -> f.withLibrary(EnumSet.noneOf(SymbolicFunction.class)));
        assertThrows(IllegalArgumentException.class, () -> f.fit(SymbolicFunction.SIN, new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> f.fit(SymbolicFunction.SIN, new double[] {1, Double.NaN},
                new double[] {1, 2}));
        List<SymbolicFit> onlyTrig = f.withLibrary(EnumSet.of(SymbolicFunction.SIN, SymbolicFunction.COS))
                .suggest(new double[] {0, 0.5, 1}, new double[] {0, 1, 0});
        assertEquals(2, onlyTrig.size());
    }

    /** Sets the spline coefficients of edge (l, j, i) (w_b = 0, w_s = 1) to the least-squares fit of g. */
    static void fitSpline(Kan kan, int l, int j, int i, java.util.function.DoubleUnaryOperator g) {
        KanLayer layer = kan.layer(l);
        BSplineBasis basis = (BSplineBasis) layer.basis(i);
        int n = basis.size();
        int k1 = basis.degree() + 1;
        double[] ata = new double[n * n];
        double[] atb = new double[n];
        double[] work = new double[4 * k1];
        int samples = 20 * n;
        for (int s = 0; s < samples; s++) {
            double x = basis.lower() + (basis.upper() - basis.lower()) * (s + 0.5) / samples;
            int first = basis.evaluate(x, 0, work, 0);
            for (int p = 0; p < k1; p++) {
                atb[first + p] += work[p] * g.applyAsDouble(x);
                for (int q = 0; q < k1; q++) {
                    ata[(first + p) * n + first + q] += work[p] * work[q];
                }
            }
        }
        double[] c = solve(ata, atb, n);
        double[] params = kan.parameters();
        for (int m = 0; m < n; m++) {
            params[layer.coefficientIndex(j, i, m)] = c[m];
        }
        params[layer.baseScaleIndex(j, i)] = 0;
        params[layer.splineScaleIndex(j, i)] = 1;
    }

    private static double[] solve(double[] a, double[] b, int n) {
        double[] m = a.clone();
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) {
                    p = r;
                }
            }
            for (int q = 0; q < n; q++) {
                double t = m[c * n + q];
                m[c * n + q] = m[p * n + q];
                m[p * n + q] = t;
            }
            double t = x[c];
            x[c] = x[p];
            x[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r * n + c] / m[c * n + c];
                for (int q = c; q < n; q++) {
                    m[r * n + q] -= f * m[c * n + q];
                }
                x[r] -= f * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int q = r + 1; q < n; q++) {
                s -= m[r * n + q] * x[q];
            }
            x[r] = s / m[r * n + r];
        }
        return x;
    }
}
