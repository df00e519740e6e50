package org.kanpde.plots;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The axis of a colour bar for base-10 exponents (a log colour scale sampled evenly in the exponent).
 * Both ends are labelled with their values, e.g. 4.1×10⁻⁵ at the top, so the reader sees the range
 * even when it spans less than two decades; the bottom label reads "≤ 2.7×10⁻⁷" when smaller values
 * were clipped to the bottom colour. Whole decades in between are labelled where they do not crowd an
 * end label, and unlabelled minor ticks mark 2, 3, ..., 9 times each power of ten.
 */
final class DecadeBarAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;

    private final boolean clippedBelow;

    /**
     * @param clippedBelow whether values below the lower bound exist and are drawn in the bottom colour
     */
    DecadeBarAxis(boolean clippedBelow) {
        super(null);
        this.clippedBelow = clippedBelow;
        setAutoRangeIncludesZero(false);
        setMinorTickMarksVisible(true);
    }

    /** Whether the bottom label says that smaller values were clipped. */
    boolean clippedBelow() {
        return clippedBelow;
    }

    @Override
    public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        double lower = getLowerBound();
        double upper = getUpperBound();
        List<NumberTick> ticks = new ArrayList<>();
        if (!(upper > lower)) {
            return ticks;
        }
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                : edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT
                : edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        String bottom = (clippedBelow ? "≤ " : "") + label(lower);
        String top = label(upper);
        double bottomAt = valueToJava2D(lower, dataArea, edge);
        double topAt = valueToJava2D(upper, dataArea, edge);
        ticks.add(new NumberTick(TickType.MAJOR, lower, bottom, anchor, anchor, 0));
        for (int e = (int) Math.floor(lower); e <= (int) Math.ceil(upper); e++) {
            for (int m = 1; m <= 9; m++) {
                double v = e + Math.log10(m);
                if (v <= lower + 1e-9 || v >= upper - 1e-9) {
                    continue;
                }
                double at = valueToJava2D(v, dataArea, edge);
                String text = Axes.powerOfTen(e);
                double room = vertical ? metrics.getHeight() * 1.1
                        : (metrics.stringWidth(text) + Math.max(metrics.stringWidth(bottom), metrics.stringWidth(top))) / 2.0 + 6;
                boolean labelled = m == 1 && Math.abs(at - bottomAt) >= room && Math.abs(at - topAt) >= room;
                ticks.add(new NumberTick(labelled ? TickType.MAJOR : TickType.MINOR, v, labelled ? text : "", anchor,
                        anchor, 0));
            }
        }
        ticks.add(new NumberTick(TickType.MAJOR, upper, top, anchor, anchor, 0));
        return ticks;
    }

    /** 10^v with two significant digits: "10⁻⁵" for a whole decade, else e.g. "4.1×10⁻⁵" (or "4.1" for 10⁰). */
    static String label(double exponent) {
        double value = Math.pow(10, exponent);
        String[] parts = String.format(Locale.ROOT, "%.1e", value).split("e");
        double mantissa = Double.parseDouble(parts[0]);
        int power = Integer.parseInt(parts[1]);
        if (mantissa == 1.0) {
            return Axes.powerOfTen(power);
        }
        String m = mantissa == Math.rint(mantissa) ? Long.toString((long) mantissa) : parts[0];
        // "1.1", not "1.1×10⁰"
        return power == 0 ? m : m + "×" + Axes.powerOfTen(power);
    }
}
