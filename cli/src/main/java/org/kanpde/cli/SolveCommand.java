package org.kanpde.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.inverse.InverseSolver;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.train.Checkpoint;
import org.kanpde.solver.train.CheckpointFile;
import org.kanpde.solver.train.CheckpointMismatchException;
import org.kanpde.solver.train.TrainingSession;
import org.kanpde.solver.train.Recipes;
import org.kanpde.solver.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.kanpde.cli.console.Interrupts;
import org.kanpde.cli.console.BadInputException;

/** {@code kanpde solve}: trains one model on one problem. */
@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a KAN (default) or an MLP on a problem and report its error.",
            "Defaults are the best recipe measured: KAN [d,2d+1,1], k=5, grids 5,10,20,50, Levenberg-Marquardt."})
final class SolveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingOptions training = new TrainingOptions();

    @Mixin
    private ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--save", paramLabel = "MODEL.json",
            description = "Save the trained model to this file (a problem file is copied into it for 'eval').")
    private Path save;

    @Option(names = "--data-weight", paramLabel = "W",
            description = {"Inverse problems: weight of the mean squared misfit to the observations of u",
                "(default: " + InverseSolver.DATA_WEIGHT + ")."})
    private Double dataWeight;

    @Option(names = "--unknown-width", paramLabel = "W0,W1,...",
            description = "Inverse problems: widths of the unknown fields' networks (default: as --width).")
    private String unknownWidth;

    @Option(names = "--noise", paramLabel = "SIGMA",
            description = {"Inverse problems: standard deviation of the noise in the observations, if known (default:",
                "the problem file's \"noise\", else estimated). The default KAN keeps the least flexible model",
                "whose data misfit is at most " + InverseSolver.TAU + " sigma (discrepancy principle)."})
    private Double noise;

    @Option(names = "--prune", description = "After training, remove unimportant edges and nodes of the KAN and retrain it.")
    private boolean prune;

    @Option(names = "--symbolic", description = {"After training, snap KAN edges to formulas (x, x^2, sin, exp, ...) where",
        "they fit, retrain the formula's constants, and print u as a formula with its error."})
    private boolean symbolic;

    @Option(names = "--symbolic-threshold", paramLabel = "R2", defaultValue = "0.99",
            description = "Minimum R^2 for snapping an edge to a formula (default: ${DEFAULT-VALUE}).")
    private double symbolicThreshold;

    @Option(names = "--checkpoint", paramLabel = "FILE.json",
            description = "Write a checkpoint to this file every --checkpoint-every iterations and after every stage.")
    private Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "25",
            description = "Checkpoint interval in iterations (default: ${DEFAULT-VALUE}).")
    private int checkpointEvery;

    @Option(names = "--resume", paramLabel = "FILE.json",
            description = {"Continue from a checkpoint; give the same problem, model and training options as the",
                "interrupted run. The result is the one the uninterrupted run would have given."})
    private Path resume;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ProblemSource.Loaded loaded = ProblemSource.load(training.problem);
        if (loaded.inverse() != null) {
            return inverse(out, loaded);
        }
        if (dataWeight != null || unknownWidth != null || noise != null) {
            throw new BadInputException((dataWeight != null ? "--data-weight" : unknownWidth != null ? "--unknown-width" : "--noise")
                    + " applies to inverse problems only (a coefficient marked unknown)");
        }
        Problem problem = loaded.problem();
        if ((prune || symbolic) && modelOptions.model != null && !modelOptions.model.trim().equalsIgnoreCase("kan")) {
            throw new BadInputException("--prune and --symbolic need --model kan (got --model " + modelOptions.model + ")");
        }
        if (!(symbolicThreshold > 0 && symbolicThreshold <= 1)) {
            throw new BadInputException("--symbolic-threshold must be in (0, 1], got " + symbolicThreshold);
        }
        if (checkpointEvery < 1) {
            throw new BadInputException("--checkpoint-every must be >= 1, got " + checkpointEvery);
        }
        Checkpoint resumeFrom = null;
        if (resume != null) {
            if (!Files.isRegularFile(resume)) {
                throw new BadInputException("checkpoint " + resume + " does not exist");
            }
            resumeFrom = CheckpointFile.read(resume);
        }
        RunPlan plan = RunPlan.of(training, modelOptions, problem, training.problem, Recipes.TIME_LIMIT, checkpoint,
                checkpointEvery);
        Outputs.prepare(training.out, save, checkpoint);
        out.printf(Locale.ROOT, "%s: %s%n", problem.name(), problem.description());
        out.printf(Locale.ROOT, "%s, %d parameters, %s, %d interior + %d boundary points, seed %d, %d threads%n",
                plan.model.describe(), plan.model.parameterCount(), plan.optimizerLabel(),
                plan.training.collocation().interiorPoints(),
                plan.training.hardDirichlet() ? 0 : plan.training.collocation().boundaryPoints(), plan.training.seed(),
                plan.execution().threads());
        out.flush();
        TrainingResult result;
        boolean interrupted;
        // not armed until training starts: Ctrl-C while sampling has nothing to write and need not wait
        try (Interrupts interrupts = Interrupts.untilTrainingStarts()) {
            ConsoleProgress progress = new ConsoleProgress(out, "", training.quiet, interrupts, plan.training.stages().size());
            try (TrainingSession session = resumeFrom == null
                    ? TrainingSession.start(problem, plan.model, plan.training, plan.execution(), progress)
                    : resume(plan, resumeFrom, progress)) {
                if (resumeFrom != null) {
                    out.printf(Locale.ROOT, "resuming from %s at iteration %d (stage %d)%n", resume, resumeFrom.iterations(),
                            resumeFrom.stageIndex() + 1);
                }
                result = session.run();
                if (result.stopped() && checkpoint != null) {
                    session.writeCheckpoint(checkpoint);
                    out.println("checkpoint written to " + checkpoint + "; continue with --resume " + checkpoint);
                }
            }
            summary(out, plan, result);
            com.fasterxml.jackson.databind.node.ObjectNode extra = ResultJson.MAPPER.createObjectNode();
            // the retraining stops on Ctrl-C too, so the results below are still written
            if (!interrupts.requested() && prune) {
                result = Interpretation.prune(out, plan, result, extra, interrupts.flag());
            }
            if (!interrupts.requested() && symbolic) {
                Interpretation.symbolic(out, plan, result, symbolicThreshold, extra, interrupts.flag());
            }
            interrupted = interrupts.requested();
            if (save != null) {
                ModelFile.write(save, result.solution().function(), plan.problemLabel, metadata(plan, result, loaded));
                out.println("model saved to " + save);
            }
            if (training.out != null) {
                List<Path> files = Outputs.writeSolve(training.out, plan, result, interrupted, extra);
                out.println("wrote " + files.size() + " files to " + training.out
                        + (interrupted ? " (figures skipped: interrupted)" : ""));
            }
        }
        out.flush();
        if (interrupted) {
            return 130;
        }
        return result.diverged() ? 1 : 0;
    }

    /** Identifies the unknowns of an inverse problem (options that forward solves only have are refused). */
    private int inverse(PrintWriter out, ProblemSource.Loaded loaded) throws IOException {
        if (prune || symbolic || checkpoint != null || resume != null) {
            throw new BadInputException((prune ? "--prune" : symbolic ? "--symbolic" : checkpoint != null ? "--checkpoint"
                    : "--resume") + " is not supported for inverse problems");
        }
        return InverseRun.run(out, loaded.inverse(), training.problem, training, modelOptions, dataWeight, unknownWidth, noise, save);
    }

    /** Resumes, naming the command-line option that differs from the interrupted run. */
    private TrainingSession resume(RunPlan plan, Checkpoint from, ConsoleProgress progress) {
        try {
            return TrainingSession.resume(plan.problem, plan.model, plan.training, plan.execution(), from, progress);
        } catch (CheckpointMismatchException e) {
            throw new BadInputException("--resume " + resume + ": " + mismatch(e));
        }
    }

    /** Options by the name of the setting they decide (see Training.fingerprint()). */
    private static final Map<String, String> OPTIONS = Map.ofEntries(Map.entry("seed", "--seed"),
            Map.entry("interiorPoints", "--points"), Map.entry("boundaryPoints", "--boundary-points"),
            Map.entry("interiorSampling", "--sampling"), Map.entry("boundarySampling", "--sampling"),
            Map.entry("resampling", "--resample"), Map.entry("boundaryWeight", "--boundary-weight"),
            Map.entry("hardDirichlet", "--hard-bc"), Map.entry("optimizer", "--optimizer"),
            Map.entry("iterations", "--iterations"), Map.entry("learningRate", "--learning-rate"));

    /** Says which option differs between the checkpoint and this run. */
    static String mismatch(CheckpointMismatchException e) {
        String key = e.setting();
        String advice = "; resume with the interrupted run's options";
        if (key.equals(Checkpoint.MODEL)) {
            return "the interrupted run trained " + e.recorded() + ", this run " + e.current()
                    + "; give the same --model, --width, --grid, --k and --basis";
        }
        if (key.equals(Checkpoint.INITIAL_PARAMETERS)) {
            return "the interrupted run started from another initial network than this run (same structure, other "
                    + "parameters or knots)" + advice;
        }
        if (key.equals("stages")) {
            return "the interrupted run had " + e.recorded() + " stages, this run has " + e.current()
                    + "; give the same --grid (a KAN) or --optimizer list (an MLP)";
        }
        String stage = "";
        String setting = key;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stage (\\d+) (\\w+)").matcher(key);
        if (m.matches()) {
            stage = " in stage " + m.group(1);
            setting = m.group(2);
        }
        String option = setting.equals("grid") ? "--grid (or --layer-grid-max)" : OPTIONS.get(setting);
        if (option == null) {
            return e.getMessage();
        }
        return "the interrupted run had " + option + " " + e.recorded() + stage + ", this run has " + e.current() + advice;
    }

    static void summary(PrintWriter out, RunPlan plan, TrainingResult result) {
        ErrorMetrics m = result.metrics();
        out.printf(Locale.ROOT, "result: %s, %d parameters, %d iterations, %.1f s, loss %.3e%n",
                result.solution().function().describe(), result.solution().parameterCount(), result.iterations(),
                result.wallSeconds(), result.loss());
        ErrorMetrics r = result.referenceMetrics();
        if (m != null && r != m) {
            out.printf(Locale.ROOT, "errors: relative L2 %.3e, max %.3e, relative H1 %.3e (%d quadrature nodes)%n",
                    m.relL2(), m.maxAbs(), m.h1Rel(), m.nodes());
        } else if (m == null) {
            out.println("errors: unknown (the problem has no exact solution)");
        }
        if (r != null) {
            out.printf(Locale.ROOT, "errors at the reference points: relative L2 %.3e, max %.3e (%d points of %s)%n",
                    r.relL2(), r.maxAbs(), r.nodes(), plan.problem.reference().source());
        }
        if (result.diverged()) {
            out.println("training diverged; the last good parameters were kept (see messages above)");
        }
    }

    /**
     * Metadata saved with the model; for a problem file also a copy of it ({@code problemFile}:
     * {@code name} as given, absolute {@code path}, {@code json} text), so that {@code eval} can
     * rebuild a hard-BC model's u = g + D v from any directory, even after the file was edited.
     */
    static Map<String, Object> metadata(RunPlan plan, TrainingResult result, ProblemSource.Loaded problem) {
        Map<String, Object> m = metadata(plan, result);
        if (problem != null && problem.text() != null) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", problem.name());
            file.put("path", problem.file().toString());
            file.put("json", problem.text());
            m.put(PROBLEM_FILE, file);
        }
        return m;
    }

    /** Metadata key of the embedded problem file. */
    static final String PROBLEM_FILE = "problemFile";

    static Map<String, Object> metadata(RunPlan plan, TrainingResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", plan.optimizerLabel());
        m.put("iterations", result.iterations());
        m.put("wallSeconds", result.wallSeconds());
        m.put("loss", result.loss());
        if (result.metrics() != null) {
            m.put("relL2", result.metrics().relL2());
        }
        m.put("seed", plan.training.seed());
        m.put("interiorPoints", result.interiorPoints());
        m.put("created", java.time.Instant.now().toString());
        return m;
    }
}
