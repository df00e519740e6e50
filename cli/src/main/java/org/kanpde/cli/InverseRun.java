package org.kanpde.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kanpde.cli.console.BadInputException;
import org.kanpde.cli.console.Interrupts;
import org.kanpde.solver.inverse.Discrepancy;
import org.kanpde.solver.inverse.Identified;
import org.kanpde.solver.inverse.InverseProblem;
import org.kanpde.solver.inverse.InverseResult;
import org.kanpde.solver.inverse.InverseSolver;
import org.kanpde.solver.inverse.OutputMap;
import org.kanpde.solver.io.AtomicFile;
import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.optim.Optimizer;
import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.train.HistoryEntry;
import org.kanpde.solver.train.StageReport;

/**
 * {@code kanpde solve} on an inverse problem: trains u and the unknowns jointly, prints the errors
 * of both, and writes {@code result.json} with an {@code identified} member, the figures and the HTML
 * report (see {@link Figures#forInverse}); {@code --save} writes
 * u's model and, per unknown field, {@code MODEL-NAME.json} (which {@code eval} evaluates as the
 * identified field, softplus included).
 */
final class InverseRun {
    /** Default wall-time limit of an inverse solve in seconds. */
    static final double TIME_LIMIT = 180;
    /** Metadata key of a saved identified field: the unknown's name. */
    static final String IDENTIFIED = "identified";
    /** Metadata key of a saved identified field: its output map ({@code identity} or {@code softplus}). */
    static final String OUTPUT = "output";

    private InverseRun() {
    }

    /** The solver the options describe; refuses the options that forward solves only have. */
    static InverseSolver solver(TrainingOptions t, ModelOptions m, Double dataWeight, String unknownWidth, Double noise) {
        String kind = m.model == null ? "kan" : m.model.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("kan") && !kind.equals("mlp")) {
            throw new BadInputException("--model must be kan or mlp, got " + m.model);
        }
        for (Object[] o : new Object[][] {{"--basis", m.basis}, {"--layer-grid-max", m.layerGridMax},
            {"--learning-rate", m.learningRate}, {"--sampling", t.sampling}}) {
            if (o[1] != null) {
                throw new BadInputException(o[0] + " is not supported for inverse problems yet");
            }
        }
        if (t.hardBc || t.resample) {
            throw new BadInputException((t.hardBc ? "--hard-bc" : "--resample") + " is not supported for inverse problems");
        }
        InverseSolver.Builder b = kind.equals("kan") ? InverseSolver.kan() : InverseSolver.mlp();
        if (m.width != null) {
            int[] w = IntList.option("--width", m.width);
            b.widths(w).unknownWidths(w);
        }
        if (unknownWidth != null) {
            b.unknownWidths(IntList.option("--unknown-width", unknownWidth));
        }
        if (m.grid != null) {
            if (!kind.equals("kan")) {
                throw new BadInputException("--grid applies to KANs only");
            }
            b.grids(IntList.option("--grid", m.grid));
        }
        if (m.degree != null) {
            int[] k = IntList.option("--k", m.degree);
            if (k.length != 1) {
                throw new BadInputException("--k takes one degree for inverse problems, got " + m.degree);
            }
            b.degree(k[0]);
        }
        if (m.iterations != null) {
            b.iterations(IntList.option("--iterations", m.iterations));
        }
        if (m.optimizer != null) {
            b.optimizer(Optimizer.parse(m.optimizer));
        }
        if (t.points != null) {
            b.points(t.points);
        }
        if (t.boundaryPoints != null) {
            b.boundaryPoints(t.boundaryPoints);
        }
        if (t.boundaryWeight != null) {
            b.boundaryWeight(t.boundaryWeight);
        }
        if (dataWeight != null) {
            b.dataWeight(dataWeight);
        }
        if (noise != null) {
            if (!(noise >= 0) || !Double.isFinite(noise)) {
                throw new BadInputException("--noise must be finite and >= 0, got " + noise);
            }
            b.noise(noise);
        }
        if (t.threads != null) {
            b.threads(t.threads);
        }
        b.timeLimit(t.timeLimit != null ? t.timeLimit : TIME_LIMIT);
        return b.seed(t.seed).build();
    }

    /** Runs the inverse solve; returns the exit code. */
    static int run(PrintWriter out, InverseProblem problem, String label, TrainingOptions t, ModelOptions m, Double dataWeight,
                   String unknownWidth, Double noise, Path save) throws IOException {
        InverseSolver solver = solver(t, m, dataWeight, unknownWidth, noise);
        Outputs.prepare(t.out, save, null);
        out.printf(Locale.ROOT, "%s: %s%n", problem.name(), problem.problem().description());
        out.printf(Locale.ROOT, "inverse problem: unknown %s, %d observations, %s, data weight %s%s, seed %d%n",
                names(problem), problem.observations().size(), solver.isKan() ? "KANs" : "MLPs",
                solver.dataWeight(), solver.selectsForNoise() ? ", model selected for the noise (discrepancy principle)" : "",
                t.seed);
        out.flush();
        // results are written before the interrupt handler is released: after Ctrl-C the JVM waits for them
        try (Interrupts interrupts = Interrupts.untilTrainingStarts()) {
            ConsoleProgress progress = new ConsoleProgress(out, "", t.quiet, interrupts, solver.stages().size());
            InverseResult result = solver.solve(problem, progress);
            summary(out, result);
            write(out, label, problem, solver, result, t.out, save, interrupts.requested());
            out.flush();
            return interrupts.requested() ? 130 : 0;
        }
    }

    private static void write(PrintWriter out, String label, InverseProblem problem, InverseSolver solver, InverseResult result,
                              Path dir, Path save, boolean interrupted) throws IOException {
        if (save != null) {
            ModelFile.write(save, result.solution().function(), label, Map.of("iterations", result.iterations(),
                    "loss", result.loss()));
            out.println("model of u saved to " + save);
            for (Identified id : result.identified()) {
                if (!id.isScalar()) {
                    Path file = fieldFile(save, id.unknown().name());
                    Map<String, Object> meta = new LinkedHashMap<>();
                    meta.put(IDENTIFIED, id.unknown().name());
                    meta.put(OUTPUT, id.unknown().outputMap().name().toLowerCase(Locale.ROOT));
                    ModelFile.write(file, id.rawFunction(), label, meta);
                    out.println("identified " + id.unknown().name() + " saved to " + file);
                }
            }
        }
        if (dir != null) {
            Path json = dir.resolve("result.json");
            AtomicFile.write(json, ResultJson.text(json(label, solver, result)));
            out.println("wrote " + json);
            if (interrupted) {
                out.println("figures and report skipped: interrupted");
            } else {
                List<Path> files = Figures.forInverse(dir, problem, solver.isKan() ? "KAN" : "MLP", result);
                out.println("wrote " + files.size() + " figure and report files to " + dir);
            }
        }
    }

    /** MODEL.json -&gt; MODEL-a.json. */
    static Path fieldFile(Path model, String name) {
        String f = model.getFileName().toString();
        String base = f.endsWith(".json") ? f.substring(0, f.length() - 5) : f;
        return model.resolveSibling(base + "-" + name + ".json");
    }

    private static String names(InverseProblem p) {
        StringBuilder b = new StringBuilder();
        p.unknowns().forEach(u -> b.append(b.length() == 0 ? "" : ", ").append(u.isScalar() ? "scalar " : "field ")
                .append(u.name()).append(u.isPositive() ? " > 0" : ""));
        return b.toString();
    }

    static void summary(PrintWriter out, InverseResult r) {
        out.printf(Locale.ROOT, "result: %d parameters, %d iterations, %.1f s, loss %.3e (PDE %.3e, boundary %.3e, data %.3e, "
                        + "unknowns' boundary %.3e), data RMS misfit %.3e%n",
                r.parameters(), r.iterations(), r.seconds(),
                r.loss(), r.lossParts()[0], r.lossParts()[1], r.lossParts()[2], r.lossParts()[3], r.dataRms());
        Discrepancy d = r.discrepancy();
        if (d != null) {
            out.printf(Locale.ROOT, "noise: sigma %.3e (%s); kept model %d of %d by the discrepancy principle, %s "
                    + "(data RMS misfit %.3f sigma, tau %.2f)%n", d.sigma(), d.estimated() ? "estimated" : "given",
                    d.chosen() + 1, d.candidates().size(), d.kept().model(), d.kept().dataRms() / d.sigma(), d.tau());
        }
        ErrorMetrics m = r.metrics();
        if (m != null) {
            out.printf(Locale.ROOT, "errors of u: relative L2 %.3e, max %.3e, relative H1 %.3e%n", m.relL2(), m.maxAbs(), m.h1Rel());
        } else {
            out.println("errors of u: unknown (no exact solution)");
        }
        for (Identified id : r.identified()) {
            String name = id.unknown().name();
            if (id.isScalar()) {
                out.printf(Locale.ROOT, "identified %s = %.10g%s%n", name, id.scalarValue(), id.hasErrors()
                        ? String.format(Locale.ROOT, " (exact %s, relative error %.3e)", id.unknown().exactValue(), id.relL2()) : "");
            } else if (id.hasErrors()) {
                out.printf(Locale.ROOT, "errors of %s: relative L2 %.3e, max %.3e%n", name, id.relL2(), id.maxAbsError());
            } else {
                out.printf(Locale.ROOT, "errors of %s: unknown (no exact form given)%n", name);
            }
        }
    }

    static ObjectNode json(String label, InverseSolver solver, InverseResult r) {
        ObjectNode o = ResultJson.MAPPER.createObjectNode();
        o.put("problem", label);
        o.put("inverse", true);
        ObjectNode model = o.putObject("model");
        model.put("type", solver.isKan() ? "kan" : "mlp");
        model.put("u", r.solution().function().describe());
        model.put("parameters", r.parameters());
        o.put("dataWeight", solver.dataWeight());
        o.put("iterations", r.iterations());
        o.put("wallSeconds", Math.round(r.seconds() * 1000.0) / 1000.0);
        o.put("loss", r.loss());
        ObjectNode parts = o.putObject("lossParts");
        String[] keys = {"pde", "boundary", "data", "unknownBoundary"};
        for (int k = 0; k < keys.length; k++) {
            parts.put(keys[k], r.lossParts()[k]);
        }
        o.put("dataRms", r.dataRms());
        Discrepancy d = r.discrepancy();
        if (d != null) {
            ObjectNode n = o.putObject("noise");
            n.put("sigma", d.sigma());
            n.put("estimated", d.estimated());
            if (d.estimated()) {
                n.put("effectiveParameters", d.effectiveParameters());
            }
            n.put("tau", d.tau());
            n.put("kept", d.chosen());
            ArrayNode c = n.putArray("candidates");
            for (Discrepancy.Candidate k : d.candidates()) {
                c.addObject().put("model", k.model()).put("parameters", k.parameters()).put("dataRms", k.dataRms());
            }
        }
        ErrorMetrics m = r.metrics();
        nullable(o, "relL2", m == null ? Double.NaN : m.relL2());
        nullable(o, "maxAbsError", m == null ? Double.NaN : m.maxAbs());
        nullable(o, "h1RelError", m == null ? Double.NaN : m.h1Rel());
        ObjectNode identified = o.putObject(IDENTIFIED);
        for (Identified id : r.identified()) {
            ObjectNode u = identified.putObject(id.unknown().name());
            u.put("kind", id.isScalar() ? "scalar" : "field");
            u.put("positive", id.unknown().isPositive());
            if (id.isScalar()) {
                u.put("value", id.scalarValue());
                if (id.unknown().exactValue() != null) {
                    u.put("exact", id.unknown().exactValue());
                }
            } else {
                u.put("model", id.rawFunction().describe() + (id.unknown().outputMap() == OutputMap.SOFTPLUS ? ", softplus output" : ""));
            }
            nullable(u, "relL2", id.relL2());
            nullable(u, "maxAbsError", id.maxAbsError());
        }
        ArrayNode stages = o.putArray("stages");
        for (StageReport s : r.reports()) {
            ObjectNode st = stages.addObject();
            st.put("stage", s.stage().toString());
            st.put("iterations", s.iterations());
            st.put("wallSeconds", Math.round(s.seconds() * 1000.0) / 1000.0);
            st.put("loss", s.loss());
            nullable(st, "relL2", s.relL2());
            st.put("parameters", s.parameters());
            st.put("stop", s.reason().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode messages = o.putArray("messages");
        r.messages().forEach(messages::add);
        ArrayNode history = o.putArray("history");
        List<HistoryEntry> h = r.history();
        for (HistoryEntry e : h) {
            ObjectNode x = history.addObject();
            x.put("iteration", e.iteration());
            x.put("stage", e.stage());
            x.put("wallSeconds", Math.round(e.seconds() * 1000.0) / 1000.0);
            x.put("loss", e.loss());
        }
        return o;
    }

    private static void nullable(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
