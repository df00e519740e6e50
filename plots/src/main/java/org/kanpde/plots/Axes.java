package org.kanpde.plots;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/** Axes in the figure theme: linear, logarithmic, and linear-in-the-exponent for log colour bars. */
final class Axes {
    private Axes() {
    }

    /** A linear axis that does not force zero into its range. */
    static NumberAxis linear(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        Theme.axis(axis);
        return axis;
    }

    /** A linear axis with integer ticks only (iterations, parameter counts). */
    static NumberAxis integer(String label) {
        NumberAxis axis = linear(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    /** A base-10 logarithmic axis with ticks that adapt to the range (see {@link LogScaleAxis}). */
    static LogAxis log(String label) {
        LogAxis axis = new LogScaleAxis(label);
        // values below this would be rounding noise of a converged run, not information
        axis.setSmallestValue(1e-300);
        Theme.axis(axis);
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /** 10ⁿ written with Unicode superscripts. */
    static String powerOfTen(long exponent) {
        return new PowerOfTenFormat().format(exponent);
    }

    /**
     * A linear axis over base-10 exponents whose tick labels read as powers of ten, for colour bars of
     * log-scaled values (the bar is sampled evenly in the exponent, so every decade gets equal room).
     */
    static NumberAxis exponent(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setStandardTickUnits(decadeUnits(new PowerOfTenFormat()));
        Theme.axis(axis);
        return axis;
    }

    private static TickUnitSource decadeUnits(NumberFormat format) {
        TickUnits units = new TickUnits();
        for (int step : new int[] {1, 2, 3, 4, 5, 10, 20, 25, 50, 100}) {
            units.add(new NumberTickUnit(step, format));
        }
        return units;
    }

    /** Formats an exponent n as 10ⁿ with Unicode superscripts (the theme font has them). */
    static final class PowerOfTenFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private static final String DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            long n = Math.round(number);
            if (Math.abs(number - n) > 1e-9) {
                return toAppendTo.append(String.format(java.util.Locale.ROOT, "%.2g", Math.pow(10, number)));
            }
            return format(n, toAppendTo, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            toAppendTo.append("10");
            if (number < 0) {
                toAppendTo.append('⁻');
            }
            for (char c : Long.toString(Math.abs(number)).toCharArray()) {
                toAppendTo.append(DIGITS.charAt(c - '0'));
            }
            return toAppendTo;
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }
}
