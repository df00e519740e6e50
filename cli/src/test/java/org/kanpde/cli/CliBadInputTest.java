package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.net.kan.Kan;
import org.kanpde.solver.io.ModelFile;

/** Bad input ends with exit code 2 and one line on standard error that names the bad value. */
class CliBadInputTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> cases() throws Exception {
        Path badJson = Files.writeString(Files.createTempFile("bad", ".json"), "{ \"name\": \"x\", ");
        Path badFormula = Files.writeString(Files.createTempFile("formula", ".json"),
                "{ \"name\": \"x\", \"domain\": { \"type\": \"box\", \"min\": [0], \"max\": [1] }, \"source\": \"sin(pi*x\","
                        + " \"boundary\": { \"type\": \"dirichlet\", \"value\": \"0\" } }");
        Path points = Files.writeString(Files.createTempFile("points", ".csv"), "0.1,0.2\n");
        Path existing = Files.writeString(Files.createTempFile("existing", ".txt"), "keep me");
        String box = "{ \"name\": \"x\", \"domain\": { \"type\": \"box\", \"min\": [0, 0], \"max\": [1, 1] },";
        Path badExact = Files.writeString(Files.createTempFile("exact", ".json"), box.replace("[0, 0]", "[-1, -1]")
                + " \"source\": \"1\", \"boundary\": { \"type\": \"dirichlet\" }, \"exact\": \"sqrt(x)\" }");
        Path badData = Files.writeString(Files.createTempFile("data", ".json"), box.replace("[0, 0]", "[-1, -1]")
                + " \"source\": \"1\", \"boundary\": { \"xmin\": { \"type\": \"dirichlet\", \"value\": \"log(x)\" },"
                + " \"default\": { \"type\": \"dirichlet\" } } }");
        Path thin = Files.writeString(Files.createTempFile("thin", ".json"), box.replace("[1, 1]", "[1, 1e-11]")
                + " \"source\": \"1\", \"boundary\": { \"type\": \"dirichlet\" } }");
        Path model2d = Files.createTempFile("model", ".json");
        ModelFile.write(model2d, Kan.builder().widths(2, 2, 1).gridSize(3).seed(1).build(), "poisson2d-sin", Map.of());
        Path nanPoint = Files.writeString(Files.createTempFile("nan", ".csv"), "0.1,nan\n");
        Path typo = Files.writeString(Files.createTempFile("typo", ".csv"), "0.1,0.2x\n0.3,0.4\n");
        String[] tiny = {"--grid", "3", "--iterations", "1", "--points", "20", "--threads", "1", "-q"};
        return Stream.of(
                Arguments.of(concat(new String[] {"solve", "--problem", badExact.toString()}, tiny), "is NaN at the quadrature node"),
                Arguments.of(concat(new String[] {"solve", "--problem", badData.toString()}, tiny),
                        "on part 'xmin': the boundary condition's value evaluates to NaN"),
                Arguments.of(concat(new String[] {"solve", "--problem", thin.toString()}, tiny), "box is too thin"),
                Arguments.of(concat(new String[] {"solve", "--problem", "poisson1d", "--save",
                        existing.resolve("m.json").toString()}, tiny), "--save " + existing.resolve("m.json")),
                Arguments.of(concat(new String[] {"solve", "--problem", "poisson1d", "--out",
                        existing.resolve("run").toString()}, tiny), "--out " + existing.resolve("run")),
                Arguments.of(concat(new String[] {"solve", "--problem", "poisson1d", "--checkpoint",
                        existing.resolve("ck.json").toString()}, tiny), "--checkpoint " + existing.resolve("ck.json")),
                Arguments.of(new String[] {"eval", "--model", model2d.toString(), "--points", nanPoint.toString()}, "'nan'"),
                Arguments.of(new String[] {"eval", "--model", model2d.toString(), "--points", typo.toString()}, "line 1: '0.2x'"),
                Arguments.of(new String[] {"solve", "--problem", "no-such-problem"}, "no-such-problem"),
                Arguments.of(new String[] {"solve", "--problem", badJson.toString()}, badJson.getFileName().toString()),
                Arguments.of(new String[] {"solve", "--problem", badFormula.toString()}, "sin(pi*x"),
                Arguments.of(new String[] {"solve", "--problem", "missing-file.json"}, "missing-file.json"),
                Arguments.of(new String[] {"solve", "--problem", "poisson1d", "--colour", "red"}, "--colour"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--width", "2,,1"}, "2,,1"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--width", "0"}, "0"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--width", "3,5,1"}, "3,5,1"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--points", "-5"}, "-5"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--points", "many"}, "many"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--model", "transformer"}, "transformer"),
                // 91,501 parameters: dense normal equations of 67 GB each
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-sin", "--model", "mlp", "--width", "2,300,300,1",
                    "--optimizer", "lm", "--points", "10", "--iterations", "1", "--threads", "1"},
                        "91501 trainable parameters"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--optimizer", "sgd"}, "sgd"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--k", "0"}, "0"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--time-limit", "-1"}, "-1"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--sampling", "magic"}, "magic"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--model", "mlp", "--grid", "5"}, "--grid"),
                Arguments.of(new String[] {"solve", "--problem", "poisson2d-paper", "--grid", "5,10", "--iterations", "1,2,3"}, "1,2,3"),
                Arguments.of(new String[] {"solve"}, "--problem"),
                Arguments.of(new String[] {"frobnicate"}, "frobnicate"),
                Arguments.of(new String[] {"solve", "--problem", "poisson1d", "--out", existing.toString()},
                        existing.getFileName().toString()),
                Arguments.of(new String[] {"solve", "--problem", "poisson1d", "--checkpoint-every", "0"}, "0"),
                Arguments.of(new String[] {"eval", "--model", "absent-model.json", "--points", points.toString()}, "absent-model.json"),
                Arguments.of(new String[] {"eval", "--model", badJson.toString(), "--points", points.toString()},
                        badJson.getFileName().toString()));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void badInputExitsWithCode2AndOneLineNamingTheValue(String[] args, String named) {
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(2, o.code(), "exit code for " + String.join(" ", args) + "; stderr: " + o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.contains(named), "first line '" + first + "' should name '" + named + "'");
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertFalse(o.err().contains("Exception"), "no exception class names: " + o.err());
    }
}
