package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        return Stream.of(
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
