package org.kanpde.problems.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.solver.inverse.Coefficient;
import org.kanpde.solver.inverse.InverseProblem;
import org.kanpde.solver.inverse.Unknown;

/** Inverse problem files: unknown coefficients and their observation files. */
class InverseProblemFilesTest {
    private static final String PINV = "{ \"name\": \"pinv\", \"domain\": { \"type\": \"box\", \"min\": [0, 0], \"max\": [1, 1] },\n"
            + "  \"a\": { \"unknown\": true, \"positive\": true, \"boundary\": \"1/(1+x^2+y^2+(x-1)^2+(y-1)^2)\",\n"
            + "         \"exact\": \"1/(1+x^2+y^2+(x-1)^2+(y-1)^2)\" },\n"
            + "  \"source\": \"2*pi^2*sin(pi*x)*sin(pi*y)\", \"boundary\": { \"type\": \"dirichlet\", \"value\": \"0\" },\n"
            + "  \"observations\": \"obs.csv\", \"exact\": \"sin(pi*x)*sin(pi*y)\" }";

    private static InverseProblem parse(Path dir, String json, String csv) throws IOException {
        Files.writeString(dir.resolve("obs.csv"), csv);
        return ProblemFiles.parse(json, "p.json", dir).inverse();
    }

    private static String message(Path dir, String json, String csv) {
        return assertThrows(IllegalArgumentException.class, () -> parse(dir, json, csv)).getMessage();
    }

    @Test
    void readsAnUnknownFieldWithItsObservations(@TempDir Path dir) throws IOException {
        InverseProblem p = parse(dir, PINV, "x,y,u\n0.5,0.5,1\n\n0.25, 0.5, 0.7\n");
        assertEquals(2, p.observations().size());
        assertEquals(0.7, p.observations().value(1), 0);
        Unknown a = p.unknown(Coefficient.DIFFUSION);
        assertTrue(a.isPositive());
        assertFalse(a.isScalar());
        assertEquals(1.0 / 3, a.boundary().value(new double[] {0, 0}), 1e-15);
        assertEquals(1.0 / 3, a.exact().value(new double[] {1, 1}), 1e-15);
        assertTrue(p.usesBoundaryConditions());
        assertNull(p.unknown(Coefficient.REACTION));
        // the forward parse refuses an inverse file rather than dropping its unknown
        assertThrows(ProblemFileException.class, () -> ProblemFiles.parse(PINV, "p.json"));
    }

    @Test
    void readsScalarUnknownsAndAFreeBoundary(@TempDir Path dir) throws IOException {
        String json = "{ \"domain\": { \"type\": \"box\", \"min\": [0], \"max\": [1] },"
                + " \"c\": { \"unknown\": \"scalar\", \"initial\": 2, \"positive\": true, \"exact\": 3 },"
                + " \"source\": { \"unknown\": true }, \"observations\": \"obs.csv\" }";
        InverseProblem p = parse(dir, json, "0.5,1\n1,0\n");
        Unknown c = p.unknown(Coefficient.REACTION);
        assertTrue(c.isScalar());
        assertEquals(2, c.initial(), 0);
        assertEquals(3, c.exactValue(), 0);
        assertFalse(p.unknown(Coefficient.SOURCE).isScalar());
        assertFalse(p.usesBoundaryConditions(), "no boundary key: u is free on the boundary");
    }

    @Test
    void badObservationsAreNamed(@TempDir Path dir) {
        assertTrue(message(dir, PINV, "0.5,0.5\n").contains("obs.csv: line 1: has 2 columns, expected 3"), message(dir, PINV, "0.5,0.5\n"));
        String nan = message(dir, PINV, "x,y,u\n0.5,0.5,1\n0.5,0.5,NaN\n");
        assertTrue(nan.contains("line 3: column 3 is NaN, not a finite number"), nan);
        String outside = message(dir, PINV, "0.5,0.5,1\n1.5,0.5,1\n");
        assertTrue(outside.contains("observation 2 at (1.5, 0.5) lies outside the domain"), outside);
        String word = message(dir, PINV, "0.5,0.5,1\n0.5,abc,1\n");
        assertTrue(word.contains("line 2: column 2 'abc' is not a number"), word);
        String empty = message(dir, PINV, "x,y,u\n");
        assertTrue(empty.contains("has no observation rows"), empty);
        String missing = assertThrows(IllegalArgumentException.class,
                () -> ProblemFiles.parse(PINV.replace("obs.csv", "none.csv"), "p.json", dir)).getMessage();
        assertTrue(missing.contains("observations: cannot read 'none.csv': no such file"), missing);
    }

    @Test
    void anUnknownNeedsObservations(@TempDir Path dir) {
        String json = PINV.replace("\"observations\": \"obs.csv\", ", "");
        String m = assertThrows(ProblemFileException.class, () -> ProblemFiles.parse(json, "p.json", dir)).getMessage();
        assertEquals("p.json: a: 'a' is unknown but the file has no \"observations\" of u to fix it", m);
        String noUnknown = PINV.replaceAll("\"a\": \\{[^}]*\\},", "");
        String m2 = assertThrows(ProblemFileException.class, () -> ProblemFiles.parse(noUnknown, "p.json", dir)).getMessage();
        assertTrue(m2.contains("observations: observations are given but no coefficient is unknown"), m2);
        String bad = PINV.replace("\"unknown\": true", "\"unknown\": \"yes\"");
        String m3 = assertThrows(ProblemFileException.class, () -> ProblemFiles.parse(bad, "p.json", dir)).getMessage();
        assertTrue(m3.contains("a.unknown: must be true (an unknown field) or \"scalar\""), m3);
    }
}
