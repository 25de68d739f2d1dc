package org.reconsim.models.pharmacology;

/**
 * Micro-constants of a linear mammillary model for one patient: a central compartment of
 * volume V1 from which the drug is eliminated ({@code k10}) and which exchanges with up to two
 * peripheral compartments ({@code k12}/{@code k21}, {@code k13}/{@code k31}). With amounts
 * x1, x2, x3 (mg) and input rate u(t):
 *
 * <pre>
 *   dx1/dt = -(k10 + k12 + k13) x1 + k21 x2 + k31 x3 + u(t)
 *   dx2/dt = k12 x1 - k21 x2
 *   dx3/dt = k13 x1 - k31 x3          plasma concentration C = x1 / V1
 * </pre>
 *
 * A peripheral compartment is absent when both of its rates are 0; otherwise both must be
 * positive.
 *
 * @param v1Liters central volume V1, L (L/kg in a per-kg {@link PkModel} preset)
 * @param k10 elimination rate constant, 1/min (> 0)
 * @param k12 central to 2nd compartment, 1/min
 * @param k21 2nd compartment to central, 1/min
 * @param k13 central to 3rd compartment, 1/min
 * @param k31 3rd compartment to central, 1/min
 */
public record CompartmentParameters(
    double v1Liters, double k10, double k12, double k21, double k13, double k31) {

  public CompartmentParameters {
    requirePositive("v1Liters", v1Liters);
    requirePositive("k10", k10);
    requirePair("k12", k12, "k21", k21);
    requirePair("k13", k13, "k31", k31);
  }

  /** One-compartment model. */
  public static CompartmentParameters oneCompartment(double v1Liters, double k10) {
    return new CompartmentParameters(v1Liters, k10, 0, 0, 0, 0);
  }

  /** Number of compartments, 1 to 3. */
  /**
   * Allometric scaling to body weight {@code weightKg} from a reference adult of
   * {@code referenceKg}: clearances scale with (W/W_ref)^0.75 and volumes with W/W_ref, so
   * every rate constant (a clearance over a volume) scales with (W/W_ref)^-0.25 (Anderson &
   * Holford 2008). When {@code volumesAlreadyScaled} (per-kg models), V1 is left as it is.
   */
  public CompartmentParameters allometric(double weightKg, double referenceKg, boolean volumesAlreadyScaled) {
    double ratio = weightKg / referenceKg;
    double rate = Math.pow(ratio, -0.25);
    double v1 = volumesAlreadyScaled ? v1Liters : v1Liters * ratio;
    return new CompartmentParameters(v1, k10 * rate, k12 * rate, k21 * rate, k13 * rate, k31 * rate);
  }

  public int compartments() {
    return 1 + (k12 > 0 ? 1 : 0) + (k13 > 0 ? 1 : 0);
  }

  /** Clearance CL = k10 V1, L/min. */
  public double clearanceLitersPerMinute() {
    return k10 * v1Liters;
  }

  /**
   * Terminal half-life ln 2 / lambda_min, minutes, lambda_min the smallest eigenvalue of the
   * system (the slowest disposition rate).
   */
  public double terminalHalfLifeMinutes() {
    return Math.log(2) / Disposition.of(this).slowestRate();
  }

  /**
   * An individual's parameters: log-normal random effects on the physiological parameters
   *
   * <pre>
   *   CL = k10 V1,  Q2 = k12 V1,  V2 = Q2 / k21,  Q3 = k13 V1,  V3 = Q3 / k31
   *   CL' = CL e^etaCL,  V1' = V1 e^etaV1,  V2' = V2 e^etaV2,  V3' = V3 e^etaV3,  Q kept
   * </pre>
   *
   * converted back: k10' = k10 e^(etaCL - etaV1), k12' = k12 e^-etaV1, k21' = k21 e^-etaV2,
   * k13' = k13 e^-etaV1, k31' = k31 e^-etaV3. All etas 0 give back identical parameters; an
   * eta for an absent compartment has no effect.
   */
  public CompartmentParameters withVariability(
      double etaClearance, double etaV1, double etaV2, double etaV3) {
    double perV1 = Math.exp(-etaV1);
    return new CompartmentParameters(
        v1Liters * Math.exp(etaV1),
        k10 * Math.exp(etaClearance - etaV1),
        k12 * perV1,
        k21 * Math.exp(-etaV2),
        k13 * perV1,
        k31 * Math.exp(-etaV3));
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
    }
  }

  private static void requirePair(String out, double kOut, String back, double kBack) {
    Dose.requireNonNegative(out, kOut);
    Dose.requireNonNegative(back, kBack);
    if ((kOut > 0) != (kBack > 0)) {
      throw new IllegalArgumentException(
          out + " and " + back + " must both be 0 (no compartment) or both > 0, were "
              + kOut + " and " + kBack);
    }
  }
}
