package org.kanpde.sweep;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.kanpde.cli.bench.PlannedRun;
import org.kanpde.cli.bench.RunRecordJson;
import org.kanpde.solver.io.AtomicFile;

/**
 * The finished runs of a sweep on disk: one JSON record per run in {@code DIR/runs/KEY.json},
 * written atomically the moment the driver receives it, so that a killed driver loses no finished
 * run and {@code --resume DIR} finds them all.
 */
final class RecordStore {
    private final Path dir;

    RecordStore(Path out) {
        this.dir = out.resolve("runs");
    }

    Path directory() {
        return dir;
    }

    /** The record file of a run. */
    Path file(PlannedRun run) {
        return dir.resolve(run.key() + ".json");
    }

    /** Writes a run's record (atomically: a reader sees the old file or the whole new one). */
    void write(PlannedRun run, String json) throws IOException {
        Files.createDirectories(dir);
        AtomicFile.write(file(run), json);
    }

    /** Number of record files present. */
    int count() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path ignored : files) {
                n++;
            }
        }
        return n;
    }

    /**
     * The recorded runs of a plan, by plan index. A file whose command is not the planned run's (a
     * different sweep wrote it) is ignored; a damaged one fails with its name.
     *
     * @throws IllegalArgumentException naming the file and the bad value
     */
    Map<Integer, RunRecordJson.Read> load(Iterable<PlannedRun> plan) throws IOException {
        Map<Integer, RunRecordJson.Read> out = new LinkedHashMap<>();
        for (PlannedRun run : plan) {
            Path f = file(run);
            if (Files.isRegularFile(f)) {
                RunRecordJson.Read r = RunRecordJson.read(Files.readString(f), f.toString());
                if (r.command().equals(run.command())) {
                    out.put(run.index(), r);
                }
            }
        }
        return out;
    }
}
