package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.problem.Field;

class FieldFigureTest {
    @TempDir
    Path dir;

    private static final Domain SQUARE = Fixtures.poisson2d().domain();
    private static final Field EXACT = z -> 1 + z[0] * z[1];

    @Test
    void identifiedExactAndDifferenceShareTheLayoutAndTheSubtitleGivesTheLargestDifference() throws Exception {
        // on [-1, 1]^2 with 40 cells the outermost centres are at |x| = 0.975: identified = exact + 0.01 (1 + x^2)
        // differs from it by at most 0.01 (1 + 0.950625) there
        Field identified = z -> EXACT.value(z) + 0.01 * (1 + z[0] * z[0]);
        Figure figure = FieldFigure.create("a", "KAN", SQUARE, identified, EXACT, 40);
        assertEquals(3, figure.panelCount(), "identified a, exact a*, a - a*");
        assertTrue(figure.title().contains("identified a"), figure.title());
        assertTrue(figure.subtitle().contains("1.95e-02"), figure.subtitle());
        FigureFiles files = figure.write(dir, "identified-a");
        Images.assertFigure(files, 3 * SolutionFigure.MAP_WIDTH, SolutionFigure.MAP_HEIGHT + Figure.titleHeight(true));
        assertTrue(files.caption().contains("40 × 40 cells"), files.caption());
    }

    @Test
    void withoutTheExactFieldOnlyTheIdentifiedOneIsDrawn() throws Exception {
        Figure figure = FieldFigure.create("source", "MLP", SQUARE, EXACT, null, 20);
        assertEquals(1, figure.panelCount());
        assertTrue(figure.caption().contains("no exact form"), figure.caption());
        assertTrue(Files.isRegularFile(figure.write(dir, "identified-source").png()));
    }

    @Test
    void onAnIntervalTheIdentifiedFieldIsDrawnOverTheExactOneWithTheirDifference() throws Exception {
        // on [-1, 1] (poisson1d) with 11 points: identified = exact + 0.01 x differs by at most 0.01 at x = -1 and 1
        Domain interval = Fixtures.poisson1d().domain();
        Field exact = z -> 1 + z[0];
        Field identified = z -> exact.value(z) + 0.01 * z[0];
        Figure figure = FieldFigure.create("a", "KAN", interval, identified, exact, 11);
        assertEquals(2, figure.panelCount(), "a over a*, a - a*");
        assertTrue(figure.subtitle().contains("1.00e-02"), figure.subtitle());
        assertTrue(figure.caption().contains("11 equally spaced points"), figure.caption());
        assertTrue(Files.isRegularFile(figure.write(dir, "identified-a").png()));
        assertEquals(1, FieldFigure.create("a", "KAN", interval, identified, null, 11).panelCount());
    }

    @Test
    void aFourDimensionalDomainIsRefused() {
        Domain box4 = new org.kanpde.solver.geometry.Box(new double[4], new double[] {1, 1, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldFigure.create("a", "KAN", box4, EXACT, EXACT, 20));
        assertTrue(e.getMessage().contains("4-D"), e.getMessage());
    }

    @Test
    void aTableInTheReportShowsItsEscapedCellsAndRefusesARaggedRow() throws Exception {
        TextTable table = new TextTable("Errors of u and the identified unknowns", List.of("quantity", "relative L2 error"),
                List.of(List.of("u", "1.000e-06"), List.of("a<b", "2.000e-05")));
        String html = HtmlReport.builder("inverse").table(table).build().html(dir);
        assertTrue(html.contains("<h2>Errors of u and the identified unknowns</h2>"), html);
        assertTrue(html.contains("<td>a&lt;b</td><td class=\"num\">2.000e-05</td>"), html);
        assertThrows(IllegalArgumentException.class, () -> new TextTable("t", List.of("x", "y"), List.of(List.of("1"))));
    }
}
