package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingFigureTest {
    @TempDir
    Path dir;

    private static ScalingSeries powerLaw(String label, double exponent, double... sizes) {
        double[] errors = new double[sizes.length];
        for (int t = 0; t < sizes.length; t++) {
            errors[t] = 3.0 * Math.pow(sizes[t], exponent);
        }
        return new ScalingSeries(label, sizes, errors);
    }

    @Test
    void fitsTheSlopeOfAPowerLaw() {
        assertEquals(-4.0, powerLaw("KAN", -4, 100, 200, 400, 800).slope(), 1e-12);
        assertEquals(-0.5, powerLaw("MLP", -0.5, 50, 5000).slope(), 1e-12);
        assertTrue(Double.isNaN(powerLaw("one", -1, 10).slope()), "one size has no slope");
        assertTrue(Double.isNaN(powerLaw("same size", -1, 10, 10).slope()));
    }

    @Test
    void legendGivesTheSlopes() {
        ScalingFigure figure = ScalingFigure.of(List.of(powerLaw("KAN", -3.9, 100, 300, 900),
                powerLaw("MLP", -0.7, 200, 2000), powerLaw("single", -1, 10)));
        LegendItemCollection items = figure.chart().getPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < items.getItemCount(); t++) {
            labels.add(items.get(t).getLabel());
        }
        assertEquals(List.of("KAN, slope -3.9", "MLP, slope -0.7", "single"), labels);
    }

    @Test
    void writesALogLogFigure() throws Exception {
        FigureFiles files = ScalingFigure.of(List.of(powerLaw("KAN", -4, 100, 200, 400), powerLaw("MLP", -1, 100, 1000)))
                .withTitle("Scaling on poisson2d").write(dir, "scaling", 800, 600);
        assertEquals("Scaling on poisson2d", files.title());
        Images.assertFigure(files, 800, 600);
    }

    @Test
    void rejectsBadSeries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScalingSeries("KAN", new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("3 parameter counts") && e.getMessage().contains("2 errors"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ScalingSeries("KAN", new double[] {10, 20}, new double[] {1e-3, 0.0}));
        assertTrue(e.getMessage().contains("error 1") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ScalingSeries("KAN", new double[] {-5}, new double[] {1e-3}));
        assertTrue(e.getMessage().contains("-5.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScalingSeries("KAN", new double[0], new double[0]));
        e = assertThrows(IllegalArgumentException.class, () -> ScalingFigure.of(List.of()));
        assertTrue(e.getMessage().contains("at least one series"), e.getMessage());
        ScalingSeries s = powerLaw("KAN", -2, 10, 20);
        double[] p = s.parameters();
        p[0] = 1e9;
        assertEquals(10, s.parameters()[0], "the series keeps its own copy");
    }
}
