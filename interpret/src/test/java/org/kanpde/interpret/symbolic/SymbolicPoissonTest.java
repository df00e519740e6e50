package org.kanpde.interpret.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.net.kan.Kan;
import org.kanpde.problems.ProblemCatalog;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.optim.Adam;
import org.kanpde.solver.optim.Lbfgs;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.Runs;
import org.kanpde.solver.collocation.Collocation;

/**
 * Acceptance: a [2,2,1] KAN trained on -Laplace u = f with u = sin(pi x) sin(pi y) (the catalogue's
 * poisson2d-sin) turns into the exact formula (cos(pi (x - y)) - cos(pi (x + y))) / 2.
 *
 * <p>The trained spline network is seldom snappable as it is: it usually solves the problem with
 * two hidden nodes that depend on x and y non-linearly. So the path is the guided one: fix the
 * first layer to linear edges (x), retrain (first-layer constants and second-layer splines), snap
 * the second layer automatically, retrain the affine constants, and check the formula.
 */
class SymbolicPoissonTest {

    private static Training.Builder settings(long seed) {
        return Training.builder()
                .collocation(Collocation.of(1000).withBoundaryPoints(200).withInteriorSampling(SamplingScheme.SOBOL)).seed(seed);
    }

    private static TrainingResult train(Problem problem, org.kanpde.net.TrialFunction f, long seed, int iterations) {
        return Runs.train(problem, f, settings(seed).stage(Stage.of(new LevenbergMarquardt()).withIterations(iterations)).build(),
                null);
    }

    /** The whole path for one seed; null if it does not reach the exact formula. */
    private static SymbolicKan symbolicSolution(Problem problem, long seed) {
        Kan kan = Kan.builder().widths(2, 2, 1).gridSize(5).degree(3).inputRange(-1, 1).seed(seed).build();
        TrainingResult trained = Runs.train(problem, kan, settings(seed)
                .stage(Stage.of(new LevenbergMarquardt()).withGrid(5).withIterations(100))
                .stage(Stage.of(new LevenbergMarquardt()).withGrid(10).withIterations(100))
                .stage(Stage.of(new LevenbergMarquardt()).withGrid(20).withIterations(100)).build(), null);
        SymbolicKan net = SymbolicKan.of((Kan) trained.solution().function());
        double[] points = problem.domain().sampleInterior(1000, SamplingScheme.SOBOL, 5).coordinates();
        SymbolicFitter fitter = new SymbolicFitter();
        // 1. the first layer linear (least-squares lines through each edge), splines' scales frozen
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                net = fitter.fix(net, points, 0, j, i, SymbolicFunction.X);
            }
        }
        net = net.withTrainable(EdgeParameter.recommended());
        net = (SymbolicKan) train(problem, net, seed + 11, 200).solution().function();
        // 2. the second layer snapped to whatever fits it
        net = fitter.auto(net, points, 0.99);
        if (net.edgeCounts()[EdgeKind.SPLINE.ordinal()] > 0) {
            return null;
        }
        // 3. the affine constants retrained
        TrainingResult last = train(problem, net, seed + 11, 200);
        return last.metrics().relL2() <= 1e-10 ? (SymbolicKan) last.solution().function() : null;
    }

    @Test
    void poisson2dSinBecomesTheExactFormula() {
        Problem problem = ProblemCatalog.get("poisson2d-sin");
        SymbolicKan exact = null;
        // seed 8 succeeds; the others guard against small changes of the trainer's trajectory
        for (long seed : new long[] {8, 2, 3}) {
            exact = symbolicSolution(problem, seed);
            if (exact != null) {
                break;
            }
        }
        assertNotNull(exact, "no seed reached the exact formula");
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(SymbolicFunction.X, exact.function(0, j, i));
            }
        }
        for (int i = 0; i < 2; i++) {
            SymbolicFunction f = exact.function(1, 0, i);
            assertTrue(f == SymbolicFunction.COS || f == SymbolicFunction.SIN, "second layer: " + f);
        }
        SymbolicFormula formula = exact.formula(12);
        assertFalse(formula.hasSplines());
        // the printed formula (12 decimals) against the exact solution on a 101 x 101 grid
        double err = 0;
        double norm = 0;
        for (int a = 0; a <= 100; a++) {
            for (int b = 0; b <= 100; b++) {
                double x = -1 + 0.02 * a;
                double y = -1 + 0.02 * b;
                double u = Math.sin(Math.PI * x) * Math.sin(Math.PI * y);
                double v = formula.value(x, y);
                err += (v - u) * (v - u);
                norm += u * u;
            }
        }
        assertTrue(Math.sqrt(err / norm) <= 1e-10, "relative L2 of the formula " + Math.sqrt(err / norm) + ": " + formula);
        String short4 = exact.formula(4).text();
        assertTrue(short4.contains("3.1416*x") && short4.contains("3.1416*y") && short4.contains("0.5*"), short4);
        System.out.println("poisson2d-sin: " + short4 + "    LaTeX: " + exact.formula(4).latex());
    }

    /**
     * A mixed network trains: the first layer fixed to the forms x and y^2 with random constants,
     * the second layer splines; its second layer then snaps to cos and the retrained constants give
     * sin(pi x) sin(pi y^2) = (cos(pi (x - y^2)) - cos(pi (x + y^2))) / 2.
     */
    @Test
    void aMixedNetworkOnThePaperProblemSnapsToTheExactFormula() {
        Problem problem = ProblemCatalog.get("poisson2d-paper");
        SymbolicKan exact = null;
        for (long seed = 1; seed <= 3 && exact == null; seed++) {
            Kan kan = Kan.builder().widths(2, 2, 1).gridSize(10).degree(3).inputRange(-1, 1).hiddenRange(-2.5, 2.5)
                    .seed(seed).build();
            SymbolicKan net = SymbolicKan.of(kan);
            SplittableRandom r = new SplittableRandom(seed);
            for (int j = 0; j < 2; j++) {
                net = net.withSymbolic(0, j, 0, SymbolicFunction.X, 1, 0, r.nextDouble(-1, 1), 0)
                        .withSymbolic(0, j, 1, SymbolicFunction.X2, 1, 0, r.nextDouble(-1, 1), 0);
            }
            net = net.withTrainable(EdgeParameter.recommended());
            net = (SymbolicKan) train(problem, net, seed, 300).solution().function();
            double[] points = problem.domain().sampleInterior(1000, SamplingScheme.SOBOL, 5).coordinates();
            net = new SymbolicFitter().auto(net, points, 0.99);
            TrainingResult last = train(problem, net, seed, 200);
            if (net.edgeCounts()[EdgeKind.SPLINE.ordinal()] == 0 && last.metrics().relL2() <= 1e-10) {
                exact = (SymbolicKan) last.solution().function();
            }
        }
        assertNotNull(exact, "no seed reached the exact formula");
        String text = exact.formula(4).text();
        assertEquals("0.5*cos(3.1416*x - 3.1416*y^2) - 0.5*cos(3.1416*x + 3.1416*y^2)", text);
        SymbolicFormula formula = exact.formula(12);
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 200; t++) {
            double x = r.nextDouble(-1, 1);
            double y = r.nextDouble(-1, 1);
            assertEquals(Math.sin(Math.PI * x) * Math.sin(Math.PI * y * y), formula.value(x, y), 1e-10);
        }
    }
}
