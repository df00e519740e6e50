package org.kanpde.cli;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.solver.solution.ErrorMetrics;
import org.kanpde.solver.train.HistoryEntry;
import org.kanpde.solver.train.StageReport;
import org.kanpde.solver.train.TrainingResult;

/** The {@code result.json} documents of {@code solve} and {@code compare}. */
final class ResultJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    static ObjectNode run(RunPlan plan, TrainingResult result) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("problem", plan.problemLabel);
        ObjectNode model = o.putObject("model");
        model.put("type", plan.type());
        model.set("width", ints(plan.solver.widths(plan.problem)));
        if (plan.solver.isKan()) {
            model.set("grid", ints(plan.solver.grids(plan.problem)));
            model.set("k", ints(plan.solver.degrees()));
            ArrayNode basis = model.putArray("basis");
            ArrayNode layerGrids = model.putArray("layerGrids");
            org.kanpde.net.TrialFunction net = result.solution().function();
            if (net instanceof org.kanpde.solver.residual.HardDirichletFunction h) {
                net = h.network();
            }
            if (net instanceof org.kanpde.net.kan.Kan trained) {
                for (org.kanpde.net.basis.BasisType b : trained.basisTypes()) {
                    basis.add(b.id());
                }
                for (int g : trained.gridSizes()) {
                    layerGrids.add(g);
                }
            }
        } else {
            model.putNull("grid");
            model.putNull("k");
            model.putNull("basis");
        }
        model.put("parameters", result.solution().parameterCount());
        model.put("description", result.solution().function().describe());
        o.put("optimizer", plan.optimizerLabel());
        o.put("iterations", result.iterations());
        o.put("wallSeconds", round(result.wallSeconds()));
        o.put("loss", result.loss());
        ErrorMetrics m = result.metrics();
        putNullable(o, "relL2", m == null ? null : m.relL2());
        putNullable(o, "maxAbsError", m == null ? null : m.maxAbs());
        putNullable(o, "h1RelError", m == null || Double.isNaN(m.h1Rel()) ? null : m.h1Rel());
        ErrorMetrics atReference = result.referenceMetrics();
        if (atReference != null) {
            ObjectNode ref = o.putObject("reference");
            ref.put("points", atReference.nodes());
            ref.put("relL2", atReference.relL2());
            ref.put("maxAbsError", atReference.maxAbs());
        }
        o.put("diverged", result.diverged());
        o.put("stopped", result.stopped());
        o.put("seed", result.training().seed());
        o.put("interiorPoints", result.interiorPoints());
        o.put("boundaryPoints", result.boundaryPoints());
        o.put("hardDirichlet", result.training().hardDirichlet());
        o.put("threads", result.execution().threads());
        ArrayNode stages = o.putArray("stages");
        for (StageReport r : result.stages()) {
            ObjectNode s = stages.addObject();
            s.put("stage", r.stage().toString());
            s.put("iterations", r.iterations());
            s.put("wallSeconds", round(r.seconds()));
            s.put("loss", r.loss());
            putNullable(s, "relL2", Double.isNaN(r.relL2()) ? null : r.relL2());
            s.put("parameters", r.parameters());
            s.put("stop", r.reason().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode messages = o.putArray("messages");
        result.messages().forEach(messages::add);
        ArrayNode history = o.putArray("history");
        for (HistoryEntry e : result.history()) {
            ObjectNode h = history.addObject();
            h.put("iteration", e.iteration());
            h.put("stage", e.stage());
            h.put("wallSeconds", round(e.seconds()));
            h.put("loss", e.loss());
            putNullable(h, "relL2", Double.isNaN(e.relL2()) ? null : e.relL2());
        }
        return o;
    }

    static String text(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write result JSON", e);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }

    private static void putNullable(ObjectNode o, String key, Double value) {
        if (value == null || !Double.isFinite(value)) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    private static ArrayNode ints(int[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }
}
