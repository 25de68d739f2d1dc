package org.reconsim.models.pharmacology;

/**
 * One administration: a zero-order infusion of {@code amountMg} over
 * [{@code startMinutes}, {@code startMinutes + durationMinutes}], or a bolus when the duration
 * is 0.
 *
 * @param startMinutes time the administration starts, minutes (>= 0)
 * @param durationMinutes infusion duration, minutes; 0 means bolus
 * @param amountMg amount of drug, mg (as the regimen states it: salt or base, see
 *     {@link PkModel#saltToBase()})
 */
public record Dose(double startMinutes, double durationMinutes, double amountMg) {

  public Dose {
    requireNonNegative("startMinutes", startMinutes);
    requireNonNegative("durationMinutes", durationMinutes);
    requireNonNegative("amountMg", amountMg);
    startMinutes += 0.0; // -0.0 becomes 0.0: equal starts give one breakpoint
  }

  /** A bolus of {@code amountMg} at {@code atMinutes}. */
  public static Dose bolus(double atMinutes, double amountMg) {
    return new Dose(atMinutes, 0, amountMg);
  }

  /** Whether this is a bolus (duration 0). */
  public boolean isBolus() {
    return durationMinutes == 0;
  }

  /** {@code startMinutes + durationMinutes}. */
  public double endMinutes() {
    return startMinutes + durationMinutes;
  }

  /** Infusion rate {@code amountMg / durationMinutes}, mg/min; infinite for a bolus. */
  public double rateMgPerMinute() {
    return isBolus() ? Double.POSITIVE_INFINITY : amountMg / durationMinutes;
  }

  /** This dose with its amount multiplied by {@code factor} (>= 0). */
  public Dose scaled(double factor) {
    return new Dose(startMinutes, durationMinutes, amountMg * factor);
  }

  static void requireNonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
    }
  }
}
