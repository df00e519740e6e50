package org.kanpde.problems.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.kanpde.solver.inverse.InverseProblem;
import org.kanpde.solver.problem.Problem;

/**
 * Reads problems from JSON files whose coefficients, source, boundary data and exact solution are
 * formulas in x, y, z. The format is documented in PROBLEM-FILES.md; the smallest file is
 * <pre>
 * { "name": "my-problem",
 *   "domain": { "type": "box", "min": [-1, -1], "max": [1, 1] },
 *   "source": "2*pi^2*sin(pi*x)*sin(pi*y)",
 *   "boundary": { "type": "dirichlet", "value": "0" } }
 * </pre>
 * Every mistake in a file (malformed or duplicated JSON, an unknown key or type, a bad number, a
 * formula syntax error, an unknown boundary part) gives a {@link ProblemFileException} whose
 * one-line message names the file, the place and the bad value.
 */
public final class ProblemFiles {

    /** Shared and never reconfigured: a configured Jackson mapper is immutable and thread-safe. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final String EXAMPLE_FOLDER = "/org/kanpde/problems/examples/";
    private static final List<String> EXAMPLES = List.of("sin2d", "lshape-mixed", "disk-robin", "plate-holes", "disk-bar-union", "cube-cavity",
            "pinnacle-2d-c", "pinnacle-2d-cg", "pinnacle-3d-cg", "pinnacle-pnd");

    private ProblemFiles() {
    }

    /** Reads a file named in a problem file (a "reference", "observations"), relative to the problem file. */
    @FunctionalInterface
    interface Resolver {
        /** @return the text of the named file */
        String read(String name) throws IOException;
    }

    /** Files relative to the directory of {@code sourceName} (the working directory if it has none). */
    private static Resolver relativeTo(String sourceName) {
        Path parent;
        try {
            parent = Path.of(sourceName).toAbsolutePath().getParent();
        } catch (java.nio.file.InvalidPathException e) {
            parent = null;
        }
        return in(parent);
    }

    /** Files relative to {@code directory} (the working directory if null). */
    private static Resolver in(Path directory) {
        return name -> {
            Path file = directory == null ? Path.of(name) : directory.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IOException("no such file " + file);
            }
            return decode(Files.readAllBytes(file), name);
        };
    }

    /** Files next to the shipped examples. */
    private static String resource(String name) throws IOException {
        try (InputStream in = ProblemFiles.class.getResourceAsStream(EXAMPLE_FOLDER + name)) {
            if (in == null) {
                throw new IOException("no resource " + EXAMPLE_FOLDER + name);
            }
            return decode(in.readAllBytes(), name);
        }
    }

    /**
     * Reads a problem file (UTF-8).
     *
     * @param file the file; its name is used in messages and as the default problem name
     * @return the problem
     * @throws ProblemFileException if the file is not a valid problem file
     * @throws IOException          if the file cannot be read
     */
    public static Problem read(Path file) throws IOException {
        String name = file.toString();
        return parse(readText(file), name);
    }

    /**
     * Reads a problem file's text as {@link #read} does: strict UTF-8, a leading byte-order mark
     * dropped. {@code parse(readText(file), file.toString())} equals {@code read(file)}; a host
     * that keeps the text (for example inside a saved model) can parse it again later.
     *
     * @param file the file
     * @return its text
     * @throws ProblemFileException if the file is not valid UTF-8
     * @throws IOException          if the file cannot be read
     */
    public static String readText(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /**
     * Parses a problem from JSON text.
     *
     * @param json       the JSON text
     * @param sourceName a name for messages (e.g. the file name); also the default problem name,
     *                   without directories and a {@code .json} ending, and the directory against
     *                   which a {@code "reference"} file name is resolved
     * @return the problem
     * @throws ProblemFileException if the text is not a valid problem file
     */
    public static Problem parse(String json, String sourceName) {
        ParsedProblem parsed = parse(json, sourceName, relativeTo(sourceName));
        if (parsed.inverse() != null) {
            throw new ProblemFileException(sourceName, "", "describes an inverse problem (a coefficient is unknown); "
                    + "read it with ProblemFiles.parse(json, name, directory)");
        }
        return parsed.problem();
    }

    /**
     * A forward or inverse problem read from a file: the problem, and the inverse problem when a
     * coefficient is unknown.
     *
     * @param problem the forward problem (for an inverse problem: with the unknowns left at their defaults)
     * @param inverse the inverse problem, or null
     */
    public record ParsedProblem(Problem problem, InverseProblem inverse) {
    }

    /**
     * Parses a forward or inverse problem from JSON text; the files it names (a {@code reference},
     * an inverse problem's {@code observations}) are read relative to {@code directory}.
     *
     * @param directory where relative file names are resolved (normally the problem file's
     *                  directory), or null for the working directory
     * @throws ProblemFileException if the text is not a valid problem file, or a file it names is
     *                              missing, unreadable or bad (naming the line)
     */
    public static ParsedProblem parse(String json, String sourceName, Path directory) {
        return parse(json, sourceName, in(directory));
    }

    private static ParsedProblem parse(String json, String sourceName, Resolver resolver) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(sourceName, e);
        }
        ProblemFileReader reader = new ProblemFileReader(sourceName, resolver);
        Problem problem = reader.read(root);
        return new ParsedProblem(problem, reader.inverse());
    }

    /**
     * Loads one of the example files shipped with the library.
     *
     * @param name an example name from {@link #examples()}, with or without {@code .json}
     * @return the problem
     * @throws IllegalArgumentException if there is no such example
     */
    public static Problem example(String name) {
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        if (!EXAMPLES.contains(base)) {
            throw new IllegalArgumentException("unknown example '" + name + "'; examples: " + String.join(", ", EXAMPLES));
        }
        String resource = EXAMPLE_FOLDER + base + ".json";
        try (InputStream in = ProblemFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("example resource " + resource + " is missing from the jar");
            }
            return parse(decode(in.readAllBytes(), base + ".json"), base + ".json", ProblemFiles::resource).problem();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read example resource " + resource, e);
        }
    }

    /** @return the names of the shipped examples */
    public static List<String> examples() {
        return EXAMPLES;
    }

    private static String decode(byte[] bytes, String sourceName) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            // Editors on Windows may start UTF-8 files with a byte-order mark, which JSON does not allow.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProblemFileException(sourceName, "", "not valid UTF-8 text", e);
        }
    }

    private static ProblemFileException malformed(String sourceName, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // Jackson's messages can span lines and repeat the location; keep the first line.
        int newline = reason.indexOf('\n');
        if (newline >= 0) {
            reason = reason.substring(0, newline);
        }
        // Keep what concerns the file; drop advice about Jackson settings and its source placeholders.
        reason = reason.replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll(": enable `[^`]*` to allow$", "")
                .replaceAll(" \\(bound as `[^`]*`\\)", "")
                .replaceAll(": not allowed as per `[^`]*`$", "");
        return new ProblemFileException(sourceName, "", "malformed JSON" + where + ": " + reason.strip(), e);
    }
}
