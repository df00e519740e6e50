package org.kanpde.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.solver.io.AtomicFile;
import org.kanpde.solver.train.TrainingResult;
import org.kanpde.cli.console.BadInputException;

/** Writes the files of {@code --out}: result.json (atomically), figures and the report. */
final class Outputs {
    private Outputs() {
    }

    /**
     * Checks and creates the output directory and the directories of the model and checkpoint
     * files before training starts, and checks that they are writable, so that a long run does not
     * end without its results.
     *
     * @param outDir     {@code --out}, or null
     * @param modelFile  {@code --save}, or null
     * @param checkpoint {@code --checkpoint}, or null
     * @throws BadInputException naming the option and the path if one cannot be written
     */
    static void prepare(Path outDir, Path modelFile, Path checkpoint) {
        if (outDir != null) {
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new BadInputException("--out " + outDir + " exists and is not a directory");
            }
            writableDirectory("--out " + outDir, outDir);
        }
        fileTarget("--save", modelFile, " such as model.json");
        fileTarget("--checkpoint", checkpoint, " such as checkpoint.json");
    }

    private static void fileTarget(String option, Path file, String example) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(option + " " + file + " is a directory; give a file name" + example);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            writableDirectory(option + " " + file, parent);
        }
    }

    /** Creates the directory if needed and writes and deletes a probe file in it. */
    private static void writableDirectory(String what, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new BadInputException(what + ": cannot create the directory " + e.getFile()
                    + ": a file of that name exists");
        } catch (IOException | SecurityException e) {
            throw new BadInputException(what + ": cannot create the directory " + dir + " (" + reason(e) + ")");
        }
        try {
            Path probe = Files.createTempFile(dir, ".kanpde-write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new BadInputException(what + ": cannot write to the directory " + dir + " (" + reason(e) + ")");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory: " + ((java.nio.file.NoSuchFileException) e).getFile();
        }
        if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null) {
            return ((java.nio.file.FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
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
        AtomicFile.write(json, ResultJson.text(run));
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
        AtomicFile.write(json, ResultJson.text(root));
        return json;
    }
}
