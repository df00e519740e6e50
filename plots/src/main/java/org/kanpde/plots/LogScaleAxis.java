package org.kanpde.plots;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis whose labelled ticks adapt to the range: every few decades on a long range,
 * every decade, or at 1, 2 and 5 on up to 2.5 decades (every mantissa on up to 1.2), whichever is the
 * densest whose labels do not collide, so that even a loss that fell only from 300 to 30 gets
 * readable labels. JFreeChart's own LogAxis labels whole powers only and leaves such a range with one
 * label or none. At most {@value #MAX_DECADE_LABELS} decades are labelled (a loss over 16 decades
 * gets every second one); the others keep an unlabelled tick. Labels read as plain numbers when every labelled tick
 * lies between 0.01 and 10000, as powers of ten (10⁻⁵, 2×10⁻⁵) otherwise. Unlabelled minor ticks
 * mark the other mantissas.
 */
final class LogScaleAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final int[][] LABELLED = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
    /** Most labelled decades: more are hard to read at a glance, even where they would fit. */
    static final int MAX_DECADE_LABELS = 10;

    LogScaleAxis(String label) {
        super(label);
        setBase(10);
        setMinorTickMarksVisible(true);
    }

    @Override
    public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        double lower = getLowerBound();
        double upper = getUpperBound();
        if (!(lower > 0) || !(upper > lower)) {
            return new ArrayList<>();
        }
        int firstDecade = (int) Math.floor(Math.log10(lower));
        int lastDecade = (int) Math.ceil(Math.log10(upper));
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                : edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT
                : edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        // from the densest labelling down, take the first whose labels do not collide
        List<NumberTick> ticks = new ArrayList<>();
        // mantissa labels help on short ranges only; on longer ones they would crowd the decades
        double decades = Math.log10(upper / lower);
        int densest = decades <= 1.2 ? 2 : decades <= 2.5 ? 1 : 0;
        for (int level = densest; level >= 0; level--) {
            int maxStep = level == 0 ? Math.max(1, lastDecade - firstDecade) : 1;
            for (int step = 1; step <= maxStep; step = next(step)) {
                ticks = ticks(LABELLED[level], step, firstDecade, lastDecade, lower, upper, anchor);
                boolean few = level > 0 || majors(ticks) <= MAX_DECADE_LABELS;
                if ((few && fits(g2, ticks, dataArea, edge)) || (level == 0 && step == maxStep)) {
                    return ticks;
                }
            }
        }
        return ticks;
    }

    private static int majors(List<NumberTick> ticks) {
        int n = 0;
        for (NumberTick t : ticks) {
            n += t.getTickType() == TickType.MAJOR ? 1 : 0;
        }
        return n;
    }

    private static int next(int step) {
        return step == 1 ? 2 : step == 2 ? 5 : step * 2;
    }

    private List<NumberTick> ticks(int[] labelled, int step, int firstDecade, int lastDecade, double lower, double upper,
                                   TextAnchor anchor) {
        boolean plain = true;
        for (int e = firstDecade; e <= lastDecade; e++) {
            for (int m : labelled) {
                if (isLabelled(e, step) && inRange(m, e, lower, upper) && (e < -2 || e > 4)) {
                    plain = false;
                }
            }
        }
        List<NumberTick> ticks = new ArrayList<>();
        boolean minors = lastDecade - firstDecade <= 8;
        for (int e = firstDecade; e <= lastDecade; e++) {
            for (int m = 1; m <= 9; m++) {
                if (!inRange(m, e, lower, upper)) {
                    continue;
                }
                double value = m * Math.pow(10, e);
                if (isLabelled(e, step) && contains(labelled, m)) {
                    ticks.add(new NumberTick(TickType.MAJOR, value, label(m, e, plain), anchor, anchor, 0));
                } else if (m == 1 || (minors && step == 1)) {
                    // every decade keeps a tick, labelled or not
                    ticks.add(new NumberTick(TickType.MINOR, value, "", anchor, anchor, 0));
                }
            }
        }
        return ticks;
    }

    /** Whether consecutive labels keep at least half a character of space between them. */
    private boolean fits(Graphics2D g2, List<NumberTick> ticks, Rectangle2D dataArea, RectangleEdge edge) {
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double gap = metrics.getHeight() * (vertical ? 0.3 : 0.6);
        double previousPosition = Double.NaN;
        double previousHalf = 0;
        for (NumberTick tick : ticks) {
            if (tick.getTickType() != TickType.MAJOR) {
                continue;
            }
            double position = valueToJava2D(tick.getValue(), dataArea, edge);
            double half = vertical ? metrics.getHeight() / 2.0 : metrics.stringWidth(tick.getText()) / 2.0;
            if (!Double.isNaN(previousPosition) && Math.abs(position - previousPosition) < previousHalf + half + gap) {
                return false;
            }
            previousPosition = position;
            previousHalf = half;
        }
        return true;
    }

    private static boolean isLabelled(int decade, int step) {
        return Math.floorMod(decade, step) == 0;
    }

    private static boolean inRange(int m, int e, double lower, double upper) {
        double v = m * Math.pow(10, e);
        // a tick a hair outside the range is still shown, as rounding in pow would otherwise drop it
        return v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** "200" or "0.05" (plain) or "10⁻⁵", "2×10⁻⁵" (powers). */
    static String label(int mantissa, int exponent, boolean plain) {
        if (plain) {
            return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).stripTrailingZeros().toPlainString();
        }
        String power = Axes.powerOfTen(exponent);
        return mantissa == 1 ? power : mantissa + "×" + power;
    }
}
