package org.kanpde.net;

import java.util.Arrays;

/**
 * The largest trial function this library builds. Shared by KANs and MLPs so that neither network
 * package needs the other for the check, and so that a network too large for memory fails with a
 * message naming its widths before anything is allocated.
 */
public final class ParameterLimit {
    /** Parameter arrays larger than this are refused: 800 MB of doubles is not a PDE trial function. */
    public static final long MAX_PARAMETERS = 100_000_000L;

    private ParameterLimit() {
    }

    /**
     * Refuses networks whose parameter count exceeds {@link #MAX_PARAMETERS}.
     *
     * @param kind       the network's name in the message ("KAN", "MLP")
     * @param widths     its layer widths, for the message
     * @param parameters the count; {@link Long#MAX_VALUE} stands for any count that overflowed
     * @throws IllegalArgumentException if the count exceeds {@link #MAX_PARAMETERS}
     */
    public static void check(String kind, int[] widths, long parameters) {
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(kind + " " + Arrays.toString(widths) + " would have "
                    + (parameters == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.valueOf(parameters))
                    + " parameters; at most " + MAX_PARAMETERS + " are supported");
        }
    }
}
