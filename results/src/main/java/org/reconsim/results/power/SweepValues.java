package org.reconsim.results.power;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Sweep values as a person writes them: the value rounded to 15 significant digits (every
 * decimal of up to 15 digits survives the trip to a double and back, so a typed value prints as
 * typed, while float noise in the 16th and 17th digit goes: {@code 0.3}, not
 * {@code 0.30000000000000004}), without exponent or trailing zeros, and {@code 0} for zero of
 * either sign; for power.csv, replicates.csv, the console and the report alike. The values
 * themselves come from a decimal grid (cli SweepSpec), so a grid written {@code -0.3:0:0.1}
 * reads {@code -0.3, -0.2, -0.1, 0} everywhere (a grid of doubles would end at 5.55e-17).
 */
public final class SweepValues {

    /** Significant digits kept: DBL_DIG, the most that every decimal keeps through a double. */
    private static final MathContext DIGITS = new MathContext(15);

    private SweepValues() {
    }

    /** The value as text: {@code NA} for NaN (no sweep), {@code Inf}/{@code -Inf} for infinities, else as above. */
    public static String label(double value) {
        if (Double.isNaN(value)) {
            return "NA";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(DIGITS).stripTrailingZeros().toPlainString();
    }
}
