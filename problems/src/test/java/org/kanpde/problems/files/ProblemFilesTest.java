package org.kanpde.problems.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.problems.ManufacturedSolutionCheck;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.geometry.Disk;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.problem.BoundaryCondition.Kind;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

class ProblemFilesTest {

    /** The minimum form from the specification of the format, verbatim. */
    private static final String MINIMUM = """
            { "name": "my-problem",
              "domain": { "type": "box", "min": [-1, -1], "max": [1, 1] },
              "a": "1", "c": "0",
              "source": "2*pi^2*sin(pi*x)*sin(pi*y)",
              "boundary": { "type": "dirichlet", "value": "sin(pi*x)*sin(pi*y)" },
              "exact": "sin(pi*x)*sin(pi*y)" }
            """;

    /** Single quotes stand for double quotes, to keep JSON in Java readable. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static Problem parse(String singleQuoted) {
        return ProblemFiles.parse(json(singleQuoted), "t.json");
    }

    private static void assertSolves(Problem p) {
        ManufacturedSolutionCheck.assertSolves(p, 100, 100, 5, z -> true, 1e-5);
    }

    @Test
    void minimumFormParsesAndItsSourceMatchesItsExactSolution() {
        Problem p = ProblemFiles.parse(MINIMUM, "my.json");
        assertEquals("my-problem", p.name());
        assertEquals(2, p.dimension());
        assertTrue(p.domain() instanceof Box);
        assertTrue(p.diffusion().isConstant());
        assertEquals(1.0, p.diffusion().value(new double[2]));
        assertEquals(0.0, p.reaction().value(new double[2]));
        assertNull(p.nonlinearity());
        assertTrue(p.isPureDirichlet());
        assertTrue(p.exactSolution().hasDerivatives());
        for (int part = 1; part < 4; part++) {
            assertSame(p.boundaryCondition(0).data(), p.boundaryCondition(part).data());
        }
        assertSolves(p);
    }

    @Test
    void optionalKeysHaveDefaults() {
        Problem p = ProblemFiles.parse(json("{'domain': {'type': 'box', 'min': [0], 'max': [1]}, 'source': 'pi^2*sin(pi*x)',"
                + " 'boundary': {'type': 'dirichlet'}}"), "some/dir/heat-1d.json");
        assertEquals("heat-1d", p.name());
        assertEquals("", p.description());
        assertEquals(1.0, p.diffusion().value(new double[1]));
        assertEquals(0.0, p.reaction().value(new double[1]));
        assertEquals(0.0, p.boundaryCondition(1).data().value(new double[] {1}));
        assertFalse(p.hasExactSolution());
    }

    @Test
    void perPartBoundaryMapWithDefault() {
        // The catalogue's poisson2d-mixed written as a file, with the Dirichlet sides given by 'default'.
        Problem p = parse("{'name': 'mixed', 'description': 'mixed conditions',"
                + " 'domain': {'type': 'box', 'min': [0, 0], 'max': [1, 1]},"
                + " 'source': '(pi^2 - 1)*exp(x)*sin(pi*y) - 2*y',"
                + " 'boundary': {"
                + "   'xmax': {'type': 'neumann', 'value': 'e*sin(pi*y) + 2*y + 1'},"
                + "   'ymax': {'type': 'robin', 'alpha': 1, 'beta': 2, 'value': '3*x^2 + x - 2*pi*exp(x)'},"
                + "   'default': {'type': 'dirichlet', 'value': 'exp(x)*sin(pi*y) + x^2*y + x'}},"
                + " 'exact': 'exp(x)*sin(pi*y) + x^2*y + x'}");
        assertEquals("mixed conditions", p.description());
        assertEquals(Kind.DIRICHLET, p.boundaryCondition(0).kind());
        assertEquals(Kind.NEUMANN, p.boundaryCondition(1).kind());
        assertEquals(Kind.DIRICHLET, p.boundaryCondition(2).kind());
        assertEquals(Kind.ROBIN, p.boundaryCondition(3).kind());
        assertEquals(2.0, p.boundaryCondition(3).beta());
        // Equal formula texts share one field.
        assertSame(p.boundaryCondition(0).data(), p.exactSolution());
        assertSolves(p);
    }

    @Test
    void variableCoefficientsAndNonlinearity3d() {
        Problem p = parse("{'domain': {'type': 'box', 'min': [0, 0, 0], 'max': [1, 2, 1]},"
                + " 'a': '1 + x^2', 'c': '-2',"
                + " 'nonlinear': {'type': 'power', 'coefficient': 2, 'power': 3},"
                + " 'source': '2*(x*y*z)^3 - 4*x*y*z',"
                + " 'boundary': {'type': 'dirichlet', 'value': 'x*y*z'}, 'exact': 'x*y*z'}");
        // u = xyz is harmonic; -div(a grad u) = -a_x u_x = -2x yz; so f = -2xyz - 2u + 2u^3 = 2u^3 - 4xyz.
        assertEquals(3, p.dimension());
        assertTrue(p.diffusion().hasDerivatives());
        assertEquals(54.0, p.nonlinearity().value(3), 1e-12);
        assertSolves(p);
    }

    @Test
    void sineNonlinearityDefaultsToCoefficientOne() {
        Problem p = parse("{'domain': {'type': 'lshape'}, 'nonlinear': {'type': 'sin'}, 'source': '0',"
                + " 'boundary': {'type': 'dirichlet'}}");
        assertEquals(Math.sin(0.5), p.nonlinearity().value(0.5), 0);
        assertEquals(6, p.domain().boundaryPartCount());
        assertEquals("edge5", p.domain().boundaryPartName(5));
    }

    @Test
    void diskDefaultsToTheUnitDisk() {
        Problem p = parse("{'domain': {'type': 'disk'}, 'source': '4', 'boundary': {'circle': {'type': 'dirichlet'}},"
                + " 'exact': '1 - x^2 - y^2'}");
        Disk disk = (Disk) p.domain();
        assertEquals(1.0, disk.radius());
        assertEquals(0.0, disk.centre()[0]);
        assertSolves(p);
    }

    @Test
    void polygonWithNamedEdges() {
        Problem p = parse("{'domain': {'type': 'polygon', 'vertices': [[0, 0], [2, 0], [0, 1]],"
                + "   'edges': ['bottom', 'slope', 'left']},"
                + " 'source': '0',"
                + " 'boundary': {'bottom': {'type': 'dirichlet', 'value': 'x'},"
                + "   'slope': {'type': 'neumann', 'value': '2/sqrt(5)'},"
                + "   'left': {'type': 'robin', 'alpha': 2, 'beta': 1, 'value': '-1'}},"
                + " 'exact': 'x + 2*y'}");
        // u = x + 2y: grad u = (1, 2); slope normal (1, 2)/sqrt(5) gives 5/sqrt(5); left normal (-1, 0).
        Polygon polygon = (Polygon) p.domain();
        assertEquals(List.of("bottom", "slope", "left"),
                List.of(polygon.boundaryPartName(0), polygon.boundaryPartName(1), polygon.boundaryPartName(2)));
        assertEquals(Kind.NEUMANN, p.boundaryCondition(1).kind());
        AssertionError e = assertThrows(AssertionError.class, () -> assertSolves(p));
        // The Neumann value above is deliberately wrong (2/sqrt(5) instead of sqrt(5)): the check must see it.
        assertTrue(e.getMessage().contains("slope"), e.getMessage());
    }

    @Test
    void polygonWithCorrectData() {
        Problem p = parse("{'domain': {'type': 'polygon', 'vertices': [[0, 0], [2, 0], [0, 1]], 'edges': ['bottom', 'slope', 'left']},"
                + " 'source': '0',"
                + " 'boundary': {'bottom': {'type': 'dirichlet', 'value': 'x'},"
                + "   'slope': {'type': 'neumann', 'value': 'sqrt(5)'},"
                + "   'left': {'type': 'robin', 'alpha': 2, 'beta': 1, 'value': '4*y - 1'}},"
                + " 'exact': 'x + 2*y'}");
        assertSolves(p);
    }

    @Test
    void numbersAreAcceptedWhereFormulasAre() {
        Problem p = parse("{'domain': {'type': 'box', 'min': [0, 0], 'max': [1, 1]}, 'a': 2.5, 'c': 1e-3, 'source': 0,"
                + " 'boundary': {'type': 'dirichlet', 'value': 0}}");
        assertEquals(2.5, p.diffusion().value(new double[2]));
        assertEquals(0.001, p.reaction().value(new double[2]));
        assertTrue(p.source().isConstant());
    }

    @Test
    void examplesLoadAndAreConsistent() {
        assertEquals(List.of("sin2d", "lshape-mixed", "disk-robin", "plate-holes", "disk-bar-union", "cube-cavity", "pinnacle-2d-c",
                "pinnacle-2d-cg", "pinnacle-3d-cg", "pinnacle-pnd"), ProblemFiles.examples());
        for (String name : ProblemFiles.examples()) {
            Problem p = ProblemFiles.example(name);
            assertEquals(name, p.name());
            assertFalse(p.description().isBlank());
            if (p.hasExactSolution()) {
                ManufacturedSolutionCheck.assertSolves(p, 200, 200, 7, z -> Math.hypot(z[0], z[1]) > 0.1, 1e-5);
            }
        }
        assertEquals("sin2d", ProblemFiles.example("sin2d.json").name());
        Problem l = ProblemFiles.example("lshape-mixed");
        assertEquals(Kind.NEUMANN, l.boundaryCondition(l.domain().boundaryPart("top")).kind());
        assertEquals(Kind.DIRICHLET, l.boundaryCondition(l.domain().boundaryPart("notch-vertical")).kind());
        assertNotSame(ProblemFiles.example("sin2d"), ProblemFiles.example("sin2d"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProblemFiles.example("nope"));
        assertEquals("unknown example 'nope'; examples: sin2d, lshape-mixed, disk-robin, plate-holes, disk-bar-union, cube-cavity, "
                + "pinnacle-2d-c, pinnacle-2d-cg, pinnacle-3d-cg, pinnacle-pnd", e.getMessage());
    }

    @Test
    void readsFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sine.json");
        Files.writeString(file, "\uFEFF" + MINIMUM.replace("\"name\": \"my-problem\",", ""));
        Problem p = ProblemFiles.read(file);
        assertEquals("sine", p.name());
        Path bad = dir.resolve("bad.json");
        Files.write(bad, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        ProblemFileException e = assertThrows(ProblemFileException.class, () -> ProblemFiles.read(bad));
        assertEquals(bad + ": not valid UTF-8 text", e.getMessage());
        assertThrows(IOException.class, () -> ProblemFiles.read(dir.resolve("missing.json")));
    }

    @Test
    void exceptionCarriesItsParts() {
        ProblemFileException e = assertThrows(ProblemFileException.class,
                () -> parse("{'domain': {'type': 'box', 'min': [0, 'a'], 'max': [1, 1]}, 'source': '0', 'boundary': {'type': 'dirichlet'}}"));
        assertEquals("t.json", e.sourceName());
        assertEquals("domain.min[1]", e.path());
        assertEquals("must be a number, got 'a'", e.detail());
        assertEquals("t.json: domain.min[1]: must be a number, got 'a'", e.getMessage());
    }

    static Stream<Arguments> thinDomains() {
        return Stream.of(
            Arguments.of("{'domain': {'type': 'box', 'min': [0, 0], 'max': [1, 1e-11]}, 'source': '1', 'boundary': {'type': 'dirichlet'}}",
                "t.json: domain: box is too thin: side 1.0E-11 on axis 1"),
            Arguments.of("{'domain': {'type': 'polygon', 'vertices': [[0, 0], [1, 0], [0.5, 1e-11]]}, 'source': '1', 'a': '1 + x',"
                + " 'boundary': {'type': 'dirichlet'}}", "t.json: domain.vertices: polygon is too thin"),
            // a fine strict interior, but a millionth of its bounding box; 'a' is checked at load time
            Arguments.of("{'domain': {'type': 'polygon', 'vertices': [[0, 0], [1, 1], [1, 1.000001], [0, 0.000001]]}, 'source': '1',"
                + " 'a': '1 + x', 'boundary': {'type': 'dirichlet'}}",
                "t.json: domain: cannot sample 256 interior points of the polygon (0, 0) - (1, 1)"));
    }

    /** Domains without a usable strict interior end in a message, not an endless sampling loop. */
    @ParameterizedTest
    @MethodSource("thinDomains")
    void thinDomainsAreRejectedQuicklyWhileTheFileIsRead(String file, String message) {
        ProblemFileException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ProblemFileException.class, () -> parse(file)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void longSumsParse() {
        // a manufactured source as a CAS writes it: hundreds of terms in one flat sum
        String terms = "2*pi^2*sin(pi*x)*sin(pi*y)" + " + 0*x*y".repeat(400);
        Problem p = parse("{" + "'domain': {'type': 'box', 'min': [-1, -1], 'max': [1, 1]}, 'source': '" + terms
                + "', 'boundary': {'type': 'dirichlet'}, 'exact': 'sin(pi*x)*sin(pi*y)'}");
        assertSolves(p);
    }

    private static final String BOX = "'domain': {'type': 'box', 'min': [-1, -1], 'max': [1, 1]}";
    private static final String REST = "'source': '0', 'boundary': {'type': 'dirichlet'}";
    private static final String SQUARE = "{'type': 'box', 'min': [0, 0], 'max': [1, 1]}";
    private static final String BALL = "{'type': 'ball', 'center': [0.5, 0.5, 0.5], 'radius': 0.1}";
    private static final String PLATE = "'domain': {'type': 'difference', 'of': {'type': 'box', 'min': [-0.5, -0.5], 'max': [0.5, 0.5]},"
            + " 'minus': [{'type': 'disk', 'center': [0.3, 0.3], 'radius': 0.1, 'name': 'h1'}]}";

    @Test
    void csgDomainsNameTheirPartsAndTakeConditionsOnEveryPart() {
        Problem p = parse("{" + PLATE + ", 'source': '2*pi^2*sin(pi*x)*sin(pi*y)', 'exact': 'sin(pi*x)*sin(pi*y)',"
                + " 'boundary': {'h1.circle': {'type': 'neumann', 'value': 'pi*cos(pi*x)*sin(pi*y)*(0.3 - x)/0.1"
                + " + pi*sin(pi*x)*cos(pi*y)*(0.3 - y)/0.1'}, 'default': {'type': 'dirichlet', 'value': 'sin(pi*x)*sin(pi*y)'}}}");
        assertEquals(5, p.domain().boundaryPartCount());
        assertEquals(4, p.domain().boundaryPart("h1.circle"));
        assertEquals(1 - Math.PI * 0.01, p.domain().measure(), 1e-15);
        assertSolves(p);
        Problem cube = parse("{'domain': {'type': 'difference', 'of': {'type': 'box', 'min': [0, 0, 0], 'max': [1, 1, 1]},"
                + " 'minus': [" + BALL.replace("}", ", 'name': 'cavity'}") + "]}, 'source': 'x*y*z', 'boundary': {'type': 'dirichlet'}}");
        assertEquals("cavity.sphere", cube.domain().boundaryPartName(6));
        Problem nested = parse("{'domain': {'type': 'union', 'of': [{'type': 'difference', 'name': 'plate', 'of': " + SQUARE
                + ", 'minus': [{'type': 'disk', 'center': [0.5, 0.5], 'radius': 0.2, 'name': 'h'}]},"
                + " {'type': 'disk', 'center': [1, 0.5], 'radius': 0.3, 'name': 'bump'}]}, " + REST + "}");
        assertTrue(nested.domain().boundaryPart("plate.h.circle") >= 0);
        assertTrue(nested.domain().boundaryPart("bump.circle") >= 0);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
            new String[] {"{'name': 'x',, }", "t.json: malformed JSON at line 1, column 14: Unexpected character (','"},
            new String[] {"{" + BOX + ", " + REST + ", 'source': '1'}", "t.json: malformed JSON at line 1, column ", "Duplicate field 'source'"},
            new String[] {"{" + BOX + ", " + REST + "} {}", "t.json: malformed JSON", "Trailing token (of type START_OBJECT) found after value"},
            new String[] {"{" + BOX + ", 'source': 'x'", "t.json: malformed JSON at line 1", "Unexpected end-of-input"},
            new String[] {"{" + BOX + ", 'source': NaN, 'boundary': {'type': 'dirichlet'}}", "t.json: malformed JSON", "'NaN'"},
            new String[] {"[" .repeat(1200), "t.json: malformed JSON", "nesting depth"},
            new String[] {"", "t.json: the file is empty"},
            new String[] {"[1, 2]", "t.json: the top level must be a JSON object, got an array"},
            new String[] {"{" + BOX + ", " + REST + ", 'sourse': 'x'}",
                "t.json: unknown key 'sourse'; allowed: name, description, domain, a, c, nonlinear, source, boundary, exact, reference"},
            new String[] {"{" + BOX + ", 'boundary': {'type': 'dirichlet'}}", "t.json: missing key 'source'"},
            new String[] {"{" + REST + "}", "t.json: missing key 'domain'"},
            new String[] {"{" + BOX + ", 'source': '0'}", "t.json: missing key 'boundary'"},
            new String[] {"{'name': 3, " + BOX + ", " + REST + "}", "t.json: name: must be a string, got 3"},
            new String[] {"{'name': ' ', " + BOX + ", " + REST + "}", "t.json: name: must not be blank"},
            new String[] {"{'domain': {'type': 'sphere'}, " + REST + "}",
                "t.json: domain.type: unknown domain type 'sphere'; types: box, disk, ball, polygon, lshape, difference, union, intersection"},
            new String[] {"{'domain': {'min': [0], 'max': [1]}, " + REST + "}", "t.json: domain: missing key 'type' (one of box,"},
            new String[] {"{'domain': {'type': 'box', 'min': [1, 0], 'max': [1, 1]}, " + REST + "}",
                "t.json: domain: min[0] = 1 must be < max[0] = 1"},
            new String[] {"{'domain': {'type': 'box', 'min': [0, 0], 'max': [1, 1, 1]}, " + REST + "}",
                "t.json: domain.max: has 3 entries but min has 2"},
            new String[] {"{'domain': {'type': 'box', 'min': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 'max': [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}, " + REST + "}",
                "t.json: domain.min: must have 1 to 10 entries (the dimension), got 11"},
            new String[] {"{'domain': {'type': 'box', 'min': '0', 'max': [1]}, " + REST + "}",
                "t.json: domain.min: must be an array of numbers, got '0'"},
            new String[] {"{'domain': {'type': 'box', 'min': [0], 'max': [1], 'dim': 1}, " + REST + "}",
                "t.json: domain: unknown key 'dim'; allowed for a box: type, min, max, name"},
            new String[] {"{'domain': {'type': 'disk', 'radius': -1}, " + REST + "}", "t.json: domain.radius: must be > 0, got -1"},
            new String[] {"{'domain': {'type': 'disk', 'radius': 1e999}, " + REST + "}",
                "t.json: domain.radius: must be a finite number, got Infinity"},
            new String[] {"{'domain': {'type': 'disk', 'center': [0, 0, 0]}, " + REST + "}",
                "t.json: domain.center: must have 2 entries [x, y], got 3"},
            new String[] {"{'domain': {'type': 'disk', 'centre': [0, 0]}, " + REST + "}",
                "t.json: domain: unknown key 'centre'; allowed for a disk: type, center, radius, name"},
            new String[] {"{'domain': {'type': 'polygon', 'vertices': [[0, 0], [1, 0]]}, " + REST + "}",
                "t.json: domain.vertices: a polygon needs at least 3 vertices, got 2"},
            new String[] {"{'domain': {'type': 'polygon', 'vertices': [[0, 0], [1, 0, 2], [0, 1]]}, " + REST + "}",
                "t.json: domain.vertices[1]: must be a pair [x, y], got 3 numbers"},
            new String[] {"{'domain': {'type': 'polygon', 'vertices': [[0, 0], [1, 1], [1, 0], [0, 1]]}, " + REST + "}",
                "t.json: domain.vertices: polygon is self-intersecting"},
            new String[] {"{'domain': {'type': 'polygon', 'vertices': [[0, 0], [1, 0], [0, 1]], 'edges': ['a', 'b']}, " + REST + "}",
                "t.json: domain.edges: must name each of the 3 edges, got 2 names"},
            new String[] {"{'domain': {'type': 'polygon', 'vertices': [[0, 0], [1, 0], [0, 1]], 'edges': ['a', 'b', 'a']}, " + REST + "}",
                "t.json: domain.edges[2]: edge name 'a' is used twice"},
            new String[] {"{'domain': {'type': 'polygon', 'vertices': [[0, 0], [1, 0], [0, 1]], 'edges': ['a', 'default', 'c']}, " + REST + "}",
                "t.json: domain.edges[1]: 'default' cannot name an edge"},
            new String[] {"{'domain': {'type': 'difference', 'of': {'type': 'box', 'min': [0, 0], 'max': [1, 1]}, 'minus': [" + BALL
                + "]}, " + REST + "}", "t.json: domain.minus[0]: is 3-D, but domain.of is 2-D; all operands need one dimension"},
            new String[] {"{'domain': {'type': 'difference', 'of': {'type': 'disk', 'radius': 0.1}, 'minus': [{'type': 'box', 'min': [-1, -1],"
                + " 'max': [1, 1]}]}, " + REST + "}", "t.json: domain: the difference is empty or nearly so: its measure 0"},
            new String[] {"{'domain': {'type': 'union', 'of': [" + SQUARE + ", {'type': 'box', 'min': [0.5, 0], 'max': [2, 1]}]}, " + REST + "}",
                "t.json: domain: two boundary parts of the union are called 'ymin' (of operands 0 and 1); give the operands names"},
            new String[] {"{'domain': {'type': 'union', 'of': [" + SQUARE + "]}, " + REST + "}",
                "t.json: domain.of: a union needs at least two domains, got 1"},
            new String[] {"{'domain': {'type': 'difference', 'of': " + SQUARE + ", 'minus': []}, " + REST + "}",
                "t.json: domain.minus: must list at least one domain to subtract"},
            new String[] {"{'domain': {'type': 'difference', 'of': " + SQUARE + ", 'minus': [{'type': 'disk', 'radius': 0.1, 'name': 'default'}]}, "
                + REST + "}", "t.json: domain.minus[0].name: 'default' cannot name a domain"},
            new String[] {"{'domain': {'type': 'intersection', 'of': [" + SQUARE + ", {'type': 'disk', 'center': [5, 5]}]}, " + REST + "}",
                "t.json: domain: the intersection is empty: the operands' bounding boxes do not overlap on axis 0"},
            new String[] {"{'domain': {'type': 'ball', 'center': [0, 0]}, " + REST + "}", "t.json: domain.center: must have 3 entries [x, y, z], got 2"},
            new String[] {"{" + PLATE + ", 'source': '0', 'boundary': {'h2.circle': {'type': 'dirichlet'}, 'default': {'type': 'dirichlet'}}}",
                "t.json: boundary: no boundary part 'h2.circle'; parts are xmin, xmax, ymin, ymax, h1.circle"},
            new String[] {"{" + BOX + ", 'source': '0', 'boundary': {'type': 'dirchlet'}}",
                "t.json: boundary.type: unknown boundary condition type 'dirchlet'; types: dirichlet, neumann, robin"},
            new String[] {"{" + BOX + ", 'source': '0', 'boundary': {'left': {'type': 'dirichlet'}}}",
                "t.json: boundary: no boundary part 'left'; parts are xmin, xmax, ymin, ymax"},
            new String[] {"{" + BOX + ", 'source': '0', 'boundary': {'xmin': {'type': 'dirichlet'}, 'xmax': {'type': 'dirichlet'},"
                + " 'ymin': {'type': 'dirichlet'}}}",
                "t.json: boundary: no condition for part 'ymax' and no 'default' entry; parts are xmin, xmax, ymin, ymax"},
            new String[] {"{" + BOX + ", 'source': '0', 'boundary': {'xmin': {'value': '0'}, 'default': {'type': 'dirichlet'}}}",
                "t.json: boundary.xmin: missing key 'type' (one of dirichlet, neumann, robin)"},
            new String[] {"{" + BOX + ", 'source': '0', 'boundary': {'xmin': {'type': 'dirichlet', 'vaule': '1'}, 'default': {'type': 'dirichlet'}}}",
                "t.json: boundary.xmin: unknown key 'vaule'; allowed for a dirichlet condition: type, value"},
            new String[] {"{" + BOX + ", 'source': '0', 'boundary': {'type': 'robin', 'beta': 1, 'value': '0'}}",
                "t.json: boundary: missing key 'alpha'"},
            new String[] {"{" + BOX + ", 'source': '0', 'boundary': {'type': 'robin', 'alpha': 0, 'beta': 0}}",
                "t.json: boundary: Robin coefficients must be finite and not both zero, got alpha = 0.0, beta = 0.0"},
            new String[] {"{" + BOX + ", 'source': '0', 'boundary': {'type': 'robin', 'alpha': '1', 'beta': 1}}",
                "t.json: boundary.alpha: must be a number, got '1'"},
            new String[] {"{" + BOX + ", 'source': '0', 'boundary': {'default': {'type': 'neumann', 'value': 'q'}}}",
                "t.json: boundary.default.value: formula 'q' at position 0: unknown variable 'q'; variables: x, y (or x1, x2); constants: pi, e"},
            new String[] {"{" + BOX + ", 'source': 'sin(pi*x', 'boundary': {'type': 'dirichlet'}}",
                "t.json: source: formula 'sin(pi*x' at position 8: expected ')', found end of formula"},
            new String[] {"{" + BOX + ", " + REST + ", 'exact': 'sine(x)'}",
                "t.json: exact: formula 'sine(x)' at position 0: unknown function 'sine'"},
            new String[] {"{" + BOX + ", 'source': 'sin(pi*z)', 'boundary': {'type': 'dirichlet'}}",
                "t.json: source: formula 'sin(pi*z)' at position 7: variable 'z' is not available in a 2-D problem (variables: x, y (or x1, x2))"},
            new String[] {"{" + BOX + ", 'source': '', 'boundary': {'type': 'dirichlet'}}", "t.json: source: the formula is empty"},
            new String[] {"{" + BOX + ", 'source': true, 'boundary': {'type': 'dirichlet'}}",
                "t.json: source: must be a formula (a string) or a number, got true"},
            new String[] {"{" + BOX + ", 'source': null, 'boundary': {'type': 'dirichlet'}}",
                "t.json: source: must be a formula (a string) or a number, got null"},
            new String[] {"{" + BOX + ", 'source': '1/0', 'boundary': {'type': 'dirichlet'}}",
                "t.json: source: formula '1/0' is constant and not finite: Infinity"},
            new String[] {"{" + BOX + ", " + REST + ", 'a': '-1'}", "t.json: a: the diffusion coefficient must be > 0, got '-1'"},
            new String[] {"{" + BOX + ", " + REST + ", 'a': '0.5 + x'}",
                "t.json: a: the diffusion coefficient '0.5 + x' must be finite and > 0 in the domain, got -", " at ("},
            new String[] {"{" + BOX + ", " + REST + ", 'nonlinear': {'type': 'cube'}}",
                "t.json: nonlinear.type: unknown nonlinearity type 'cube'; types: power, sin"},
            new String[] {"{" + BOX + ", " + REST + ", 'nonlinear': {'type': 'power', 'power': 2.5}}",
                "t.json: nonlinear.power: must be an integer from 2 to 99, got 2.5"},
            new String[] {"{" + BOX + ", " + REST + ", 'nonlinear': {'type': 'power'}}", "t.json: nonlinear: missing key 'power'"},
            new String[] {"{" + BOX + ", " + REST + ", 'nonlinear': {'type': 'sin', 'power': 3}}",
                "t.json: nonlinear: unknown key 'power'; allowed for a sin nonlinearity: type, coefficient"},
            new String[] {"{" + BOX + ", " + REST + ", 'nonlinear': 'u^3'}", "t.json: nonlinear: must be a JSON object, got 'u^3'"})
                .map(c -> Arguments.of((Object) c));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badInputIsReportedOnOneLineNamingTheValue(String[] c) {
        ProblemFileException e = assertThrows(ProblemFileException.class, () -> parse(c[0]));
        String m = e.getMessage();
        assertTrue(m.startsWith(c[1]), m);
        for (int i = 2; i < c.length; i++) {
            assertTrue(m.contains(c[i]), m);
        }
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void referenceFilesAreReadRelativeToTheProblemFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("u.dat"), "% COMSOL header\n% X  Y  u (1)\n0.1  0.2   0.5\n# a comment\n\n-0.3,0.4, 1e-1\n0.5\t0.5\t2\n");
        Path file = dir.resolve("p.json");
        Files.writeString(file, json("{" + BOX + ", " + REST + ", 'reference': 'u.dat'}"));
        Problem p = ProblemFiles.read(file);
        assertEquals(3, p.reference().size());
        assertEquals(-0.3, p.reference().points()[2]);
        assertEquals(0.1, p.reference().values()[1]);
        assertFalse(p.hasExactSolution());
        assertTrue(p.hasErrorReference());
        String[][] bad = {
            {"0.1 0.2 0.5\n0.1 0.2\n", "t.json: reference: u.dat line 2: expected 3 numbers (2 coordinates and u) separated by commas or blanks, got 2: '0.1 0.2'"},
            {"0.1 0.2 0.5 7\n", "t.json: reference: u.dat line 1: expected 3 numbers"},
            {"%\n0.1 zero 0.5\n", "t.json: reference: u.dat line 2: 'zero' is not a number"},
            {"0.1 0.2 NaN\n", "t.json: reference: u.dat line 1: 'NaN' is not finite"},
            {"3 0 1\n", "t.json: reference: u.dat line 1: the point [3.0, 0.0] is outside the domain"},
            {"% only a header\n", "t.json: reference: u.dat has no data rows"}};
        for (String[] c : bad) {
            Files.writeString(dir.resolve("u.dat"), c[0]);
            ProblemFileException e = assertThrows(ProblemFileException.class,
                    () -> ProblemFiles.parse(json("{" + BOX + ", " + REST + ", 'reference': 'u.dat'}"), dir.resolve("t.json").toString()));
            String m = e.getMessage().substring(e.getMessage().indexOf("t.json"));
            assertTrue(m.startsWith(c[1]), m);
            assertFalse(m.contains("\n"), m);
        }
        ProblemFileException missing = assertThrows(ProblemFileException.class,
                () -> ProblemFiles.parse(json("{" + BOX + ", " + REST + ", 'reference': 'none.dat'}"), dir.resolve("t.json").toString()));
        assertTrue(missing.getMessage().contains("reference: cannot read 'none.dat': no such file"), missing.getMessage());
    }

    @Test
    void pinnacleTasksShipWithTheirReferenceData() {
        Problem c = ProblemFiles.example("pinnacle-2d-c");
        assertEquals(1246, c.reference().size());
        assertEquals(List.of("xmin", "xmax", "ymin", "ymax", "h1.circle", "h2.circle", "h3.circle", "h4.circle"),
                java.util.stream.IntStream.range(0, c.domain().boundaryPartCount()).mapToObj(c.domain()::boundaryPartName).toList());
        assertEquals(1 - 4 * Math.PI * 0.01, c.domain().measure(), 1e-15);
        Problem cg = ProblemFiles.example("pinnacle-2d-cg");
        assertEquals(3236, cg.reference().size());
        Problem cg3 = ProblemFiles.example("pinnacle-3d-cg");
        assertEquals(64, cg3.reaction().value(new double[] {0.1, 0.1, 0.2}));
        assertEquals(100, cg3.reaction().value(new double[] {0.1, 0.1, 0.9}));
        assertEquals("b4.sphere", cg3.domain().boundaryPartName(9));
        Problem pnd = ProblemFiles.example("pinnacle-pnd");
        assertEquals(5, pnd.dimension());
        ManufacturedSolutionCheck.assertSolves(pnd, 100, 100, 3, z -> true, 1e-5);
    }
}
