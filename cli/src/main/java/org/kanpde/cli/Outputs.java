package org.kanpde.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.solver.io.ModelFile;
import org.kanpde.solver.train.TrainingResult;

/** Writes the files of {@code --out}: result.json (atomically), figures and the report. */
final class Outputs {
    private Outputs() {
    }

    /** Checks and creates the output directory and the model file's directory before training starts. */
    static void prepare(Path outDir, Path modelFile) throws IOException {
        if (outDir != null) {
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new BadInputException("--out " + outDir + " exists and is not a directory");
            }
            Files.createDirectories(outDir);
        }
        if (modelFile != null) {
            if (Files.isDirectory(modelFile)) {
                throw new BadInputException("--save " + modelFile + " is a directory; give a file name such as model.json");
            }
            Path parent = modelFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        }
    }

    /**
     * Writes result.json, then the figures and report unless the run was interrupted: after Ctrl-C
     * the JVM is shutting down and the graphics stack cannot start, so only the numbers are kept.
     */
    static List<Path> writeSolve(Path dir, RunPlan plan, TrainingResult result, boolean interrupted) throws IOException {
        return writeSolve(dir, plan, result, interrupted, null);
    }

    /** As above, with extra members (pruning, symbolic formula) merged into result.json. */
    static List<Path> writeSolve(Path dir, RunPlan plan, TrainingResult result, boolean interrupted, ObjectNode extra)
            throws IOException {
        List<Path> files = new ArrayList<>();
        Path json = dir.resolve("result.json");
        ObjectNode run = ResultJson.run(plan, result);
        if (extra != null) {
            run.setAll(extra);
        }
        ModelFile.writeAtomically(json, ResultJson.text(run));
        files.add(json);
        if (!interrupted) {
            files.addAll(Figures.forSolve(dir, plan, result));
        }
        return files;
    }

    static List<Path> writeCompare(Path dir, RunPlan kanPlan, TrainingResult kan, RunPlan mlpPlan, TrainingResult mlp)
            throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(writeCompareNumbers(dir, kanPlan, kan, mlpPlan, mlp));
        files.addAll(Figures.forCompare(dir, kanPlan, kan, mlpPlan, mlp));
        return files;
    }

    /** result.json of a comparison: one object under "kan", one under "mlp". */
    static Path writeCompareNumbers(Path dir, RunPlan kanPlan, TrainingResult kan, RunPlan mlpPlan, TrainingResult mlp)
            throws IOException {
        ObjectNode root = ResultJson.MAPPER.createObjectNode();
        root.put("problem", kanPlan.problemLabel);
        root.set("kan", ResultJson.run(kanPlan, kan));
        root.set("mlp", ResultJson.run(mlpPlan, mlp));
        Path json = dir.resolve("result.json");
        ModelFile.writeAtomically(json, ResultJson.text(root));
        return json;
    }
}
