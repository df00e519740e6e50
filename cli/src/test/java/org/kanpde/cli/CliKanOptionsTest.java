package org.kanpde.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --basis, --layer-grid-max, --k per layer, --prune and --symbolic from the command line. */
class CliKanOptionsTest {
    @TempDir
    Path dir;
    private int runs;

    private JsonNode solve(String... extra) throws Exception {
        Path out = dir.resolve("run" + runs++);
        String[] base = {"solve", "--problem", "poisson1d", "--points", "150", "--sampling", "sobol", "--threads", "2", "-q",
            "--out", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(0, o.code(), o.out() + o.err());
        return new ObjectMapper().readTree(out.resolve("result.json").toFile());
    }

    @Test
    void everyBasisTrainsAndIsRecorded() throws Exception {
        for (String basis : new String[] {"bspline", "chebyshev", "rbf", "fourier"}) {
            JsonNode r = solve("--basis", basis, "--grid", "4,8", "--iterations", "25");
            assertEquals(basis, r.get("model").get("basis").get(0).asText());
            // from 6.8e-9 (fourier) to 2.7e-6 (bspline) as of now
            double rel = r.get("relL2").asDouble();
            assertTrue(rel > 1e-10 && rel < 1e-4, basis + ": " + r.get("relL2"));
        }
    }

    @Test
    void perLayerGridCapsAndOrders() throws Exception {
        JsonNode r = solve("--grid", "4,8,16", "--layer-grid-max", "8,16", "--k", "3,5", "--iterations", "15");
        assertEquals("[8,16]", r.get("model").get("layerGrids").toString());
        assertEquals("[3,5]", r.get("model").get("k").toString());
        JsonNode mixed = solve("--basis", "chebyshev,bspline", "--grid", "6", "--iterations", "15");
        assertEquals("[\"chebyshev\",\"bspline\"]", mixed.get("model").get("basis").toString());
    }

    @Test
    void pruneAndSymbolicReportWhatTheyFound() throws Exception {
        JsonNode r = solve("--width", "1,1,1", "--grid", "5,10", "--iterations", "40", "--prune", "--symbolic");
        assertTrue(r.has("pruned") && r.get("pruned").has("parameters"), r.toString());
        JsonNode s = r.get("symbolic");
        // the exact solution sin(pi x), found to rounding (pi printed to 5 digits)
        assertEquals("sin(3.1416*x)", s.get("formula").asText(), s.toString());
        assertTrue(s.get("relL2").asDouble() < 1e-12, s.toString());
    }

    @Test
    void badKanOptionsNameTheValue() {
        CliTestSupport.Outcome o = CliTestSupport.run("solve", "--problem", "poisson1d", "--basis", "wavelet");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("wavelet"), o.err());
        o = CliTestSupport.run("solve", "--problem", "poisson1d", "--layer-grid-max", "5,10,20");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("5,10,20"), o.err());
        o = CliTestSupport.run("solve", "--problem", "poisson1d", "--model", "mlp", "--symbolic");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--symbolic"), o.err());
        o = CliTestSupport.run("solve", "--problem", "poisson1d", "--model", "mlp", "--basis", "rbf");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--basis"), o.err());
    }
}
