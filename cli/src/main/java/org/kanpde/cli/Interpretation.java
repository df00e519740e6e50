package org.kanpde.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.net.TrialFunction;
import org.kanpde.net.kan.Kan;
import org.kanpde.interpret.prune.Pruner;
import org.kanpde.interpret.prune.Pruning;
import org.kanpde.net.kan.EdgeParameter;
import org.kanpde.interpret.symbolic.SymbolicFitter;
import org.kanpde.interpret.symbolic.SymbolicFormula;
import org.kanpde.interpret.symbolic.SymbolicKan;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.residual.HardDirichletFunction;
import org.kanpde.solver.optim.LevenbergMarquardt;
import org.kanpde.solver.train.Execution;
import org.kanpde.solver.train.HistoryEntry;
import org.kanpde.solver.train.Stage;
import org.kanpde.solver.train.Training;
import org.kanpde.solver.train.TrainingListener;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.solver.train.TrainingSession;
import org.kanpde.cli.console.BadInputException;

/** {@code --prune} and {@code --symbolic}: read a trained KAN, then retrain what is left. */
final class Interpretation {
    /** Levenberg-Marquardt iterations after pruning or snapping. */
    static final int RETRAIN_ITERATIONS = 200;
    private static final int SAMPLES = 2000;

    private Interpretation() {
    }

    /** The trained KAN inside a result (unwrapping hard Dirichlet enforcement). */
    static Kan kanOf(TrainingResult result) {
        TrialFunction f = result.solution().function();
        if (f instanceof HardDirichletFunction h) {
            f = h.network();
        }
        if (!(f instanceof Kan kan)) {
            throw new BadInputException("--prune and --symbolic need a KAN (got " + f.describe() + ")");
        }
        return kan;
    }

    private static double[] samples(RunPlan plan) {
        return plan.problem.domain().sampleInterior(SAMPLES, SamplingScheme.SOBOL, plan.training.seed()).coordinates();
    }

    /**
     * Retrains {@code net} on the plan's collocation and loss with one Levenberg-Marquardt stage on
     * its current grid, a quarter of the time limit (at least 30 s) and no checkpoint file: a
     * retraining checkpoint would overwrite the main run's, which a later --resume needs.
     */
    static TrainingResult retrain(RunPlan plan, TrialFunction net, AtomicBoolean stop) {
        Training training = plan.training.toBuilder()
                .stages(List.of(Stage.of(new LevenbergMarquardt()).withIterations(RETRAIN_ITERATIONS))).build();
        Execution execution = plan.execution().withTimeLimit(Math.max(30, plan.execution().timeLimit() / 4))
                .withoutCheckpoint();
        try (TrainingSession session = TrainingSession.start(plan.problem, net, training, execution, stoppable(stop))) {
            return session.run();
        }
    }

    /** A quiet listener that stops the retraining on Ctrl-C, so that the results are still written. */
    static TrainingListener stoppable(AtomicBoolean stop) {
        return new TrainingListener() {
            @Override
            public boolean iteration(HistoryEntry entry) {
                return !stop.get();
            }
        };
    }

    /** Prunes edges and nodes of small importance and retrains the smaller KAN (until the stop flag is raised). */
    static TrainingResult prune(PrintWriter out, RunPlan plan, TrainingResult trained, ObjectNode json, AtomicBoolean stop) {
        Kan kan = kanOf(trained);
        Pruning pruning = new Pruner().prune(kan, samples(plan));
        Kan smaller = pruning.toKan();
        out.printf(Locale.ROOT, "pruned: %s -> %s, %d edges and %d nodes removed, %d -> %d parameters%n",
                RunPlan.join(kan.widths()), RunPlan.join(smaller.widths()), pruning.removedEdges(), pruning.removedNodes(),
                kan.parameterCount(), smaller.parameterCount());
        TrainingResult retrained = retrain(plan, smaller, stop);
        report(out, "after pruning and retraining" + (stop.get() ? " (stopped: interrupted)" : ""), retrained);
        ObjectNode p = json.putObject("pruned");
        p.put("width", RunPlan.join(smaller.widths()));
        p.put("parameters", smaller.parameterCount());
        p.put("removedEdges", pruning.removedEdges());
        p.put("removedNodes", pruning.removedNodes());
        putError(p, retrained);
        return retrained;
    }

    /**
     * Snaps edges to formulas where they fit (R^2 above the threshold), retrains the constants
     * (until the stop flag is raised), prints the formula.
     */
    static void symbolic(PrintWriter out, RunPlan plan, TrainingResult trained, double threshold, ObjectNode json,
                         AtomicBoolean stop) {
        Kan kan = kanOf(trained);
        double[] points = samples(plan);
        SymbolicKan net = SymbolicKan.of(kan).withTrainable(EdgeParameter.recommended());
        net = new SymbolicFitter().auto(net, points, threshold);
        TrainingResult retrained = retrain(plan, net, stop);
        TrialFunction f = retrained.solution().function();
        SymbolicKan fitted = (SymbolicKan) (f instanceof HardDirichletFunction h ? h.network() : f);
        SymbolicFormula formula = fitted.formula(4);
        String lhs = plan.training.hardDirichlet() ? "v" : "u";
        out.printf(Locale.ROOT, "symbolic: %s = %s%n", lhs, formula.text());
        if (plan.training.hardDirichlet()) {
            out.println("  (the network v of u = g + D*v, with g the Dirichlet data and D the distance function)");
        }
        if (formula.hasSplines()) {
            out.println("  (phi_{l,j,i} are edges that no formula fitted to R^2 >= " + threshold + "; they stay splines)");
        }
        report(out, "with the formula's constants retrained" + (stop.get() ? " (stopped: interrupted)" : ""), retrained);
        ObjectNode s = json.putObject("symbolic");
        s.put("formula", formula.text());
        s.put("latex", formula.latex());
        s.put("splinesLeft", formula.hasSplines());
        s.put("threshold", threshold);
        putError(s, retrained);
    }

    private static void report(PrintWriter out, String what, TrainingResult r) {
        if (r.metrics() != null) {
            out.printf(Locale.ROOT, "  %s: relative L2 %.3e, max %.3e (%d parameters)%n", what, r.metrics().relL2(),
                    r.metrics().maxAbs(), r.solution().parameterCount());
        } else {
            out.printf(Locale.ROOT, "  %s: loss %.3e (%d parameters)%n", what, r.loss(), r.solution().parameterCount());
        }
    }

    private static void putError(ObjectNode o, TrainingResult r) {
        o.put("loss", r.loss());
        if (r.metrics() != null && Double.isFinite(r.metrics().relL2())) {
            o.put("relL2", r.metrics().relL2());
        } else {
            o.putNull("relL2");
        }
    }

    static String describe(int[] widths) {
        return Arrays.toString(widths);
    }
}
