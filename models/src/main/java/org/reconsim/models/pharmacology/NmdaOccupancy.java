package org.reconsim.models.pharmacology;

import org.reconsim.models.spec.Spec;


/**
 * NMDA-receptor occupancy by the unbound drug, a Hill binding curve:
 *
 * <pre>
 *   O(C) = (fu C)^h / ((fu C)^h + Ki^h),   C in uM = (ng/mL) / (237.7 g/mol)
 * </pre>
 *
 * The NMDA antagonist is ketamine (its molar mass converts plasma concentrations); its
 * components are the scenario's {@code pharmacology.occupancy} section.
 *
 * @param unboundFraction fu, fraction of plasma drug not bound to protein, (0, 1]
 * @param kiMicromolar Ki, uM (> 0)
 * @param hill Hill coefficient h (> 0)
 */
public record NmdaOccupancy(
    @Spec(doc = "Unbound fraction of plasma ketamine", min = 0, max = 1, minExclusive = true,
        source = "plasma protein binding 23-47%") double unboundFraction,
    @Spec(doc = "Binding constant Ki", unit = "uM", min = 0, minExclusive = true,
        source = "Ebert 1997: S-ketamine 0.3 uM, R-ketamine 1.4 uM") double kiMicromolar,
    @Spec(doc = "Hill coefficient", min = 0, max = 10, minExclusive = true, source = "[assumption] simple binding")
    double hill) {

  /** Ketamine's molar mass, g/mol: concentrations in ng/mL become uM. */
  private static final double MOLAR_MASS_G_PER_MOL = PkModel.KETAMINE_G_PER_MOL;

  private static final int NODES = 8;
  /**
   * The 8-point Gauss-Legendre rule on [0, 1]: the doubles commons-math3's
   * {@code new GaussIntegratorFactory().legendreHighPrecision(8, 0, 1)} computes (in BigDecimal
   * arithmetic, a tenth of a second at every JVM start), written as hexadecimal literals;
   * NmdaOccupancyTest checks them against that computation bit for bit.
   */
  private static final double[] NODE = {0x1.454e34f53399p-6, 0x1.a06d536d82f88p-4, 0x1.e5dad4f9af698p-3, 0x1.a214dac30e32fp-2,
      0x1.2ef5929e78e69p-1, 0x1.86894ac19425ap-1, 0x1.cbf255924fa0fp-1, 0x1.f5d58e5856634p-1};
  private static final double[] WEIGHT = {0x1.9ea1d04ca0374p-5, 0x1.c76fb531d2b96p-4, 0x1.413c50a255615p-3, 0x1.736360b199343p-3,
      0x1.736360b199343p-3, 0x1.413c50a255615p-3, 0x1.c76fb531d2b96p-4, 0x1.9ea1d04ca0374p-5};

  /** Node {@code i} of the rule (for the test). */
  static double node(int i) {
    return NODE[i];
  }

  /** Weight {@code i} of the rule (for the test). */
  static double weight(int i) {
    return WEIGHT[i];
  }

  /**
   * First Gauss-Legendre cell after a breakpoint spans FIRST_CELL / lambda_max; cells then
   * double (each exponential is smooth relative to its distance from the breakpoint where it
   * started), up to MAX_CELL / lambda_min.
   */
  private static final double FIRST_CELL = 2;
  private static final double MAX_CELL = 4;
  /**
   * Where an infusion starts from zero, O ~ (k t)^h is not smooth for a non-integer Hill
   * coefficient: the cells then start 2^-GRADING times smaller and double from there (a graded
   * mesh toward the singularity).
   */
  private static final int GRADING = 16;

  public NmdaOccupancy {
    if (!(unboundFraction > 0) || unboundFraction > 1) {
      throw new IllegalArgumentException(
          "unboundFraction must be in (0, 1], was " + unboundFraction);
    }
    requirePositive("kiMicromolar", kiMicromolar);
    requirePositive("hill", hill);
  }

  /**
   * Ketamine: fu = 0.6 (plasma protein binding 23-47%, docs/MODEL.md section 3); Ki = 0.5 uM (binding
   * Ki of S-ketamine 0.3 uM and R-ketamine 1.4 uM, Ebert 1997; with Mg2+ the functional IC50 is
   * several uM, so Ki is the largest uncertainty and must stay a parameter); h = 1 (simple
   * binding, docs/MODEL.md); molar mass 237.7 g/mol.
   */
  public static NmdaOccupancy ketamineDefault() {
    return new NmdaOccupancy(0.6, 0.5, 1);
  }

  /** The scenario defaults: {@link #ketamineDefault()}. */
  public static NmdaOccupancy defaults() {
    return ketamineDefault();
  }

  public NmdaOccupancy withKi(double micromolar) {
    return new NmdaOccupancy(unboundFraction, micromolar, hill);
  }

  public NmdaOccupancy withUnboundFraction(double fu) {
    return new NmdaOccupancy(fu, kiMicromolar, hill);
  }

  public NmdaOccupancy withHill(double h) {
    return new NmdaOccupancy(unboundFraction, kiMicromolar, h);
  }

  /** Occupancy, 0..1, at a total plasma concentration in ng/mL. */
  public double occupancy(double plasmaNgPerMl) {
    double x = unboundFraction * plasmaNgPerMl / MOLAR_MASS_G_PER_MOL / kiMicromolar;
    if (!(x > 0)) {
      return 0;
    }
    if (hill != 1) {
      x = Math.pow(x, hill);
    }
    return x / (x + 1);
  }

  /**
   * Time average of the occupancy of {@code profile}'s plasma concentration over
   * [fromMinutes, toMinutes]: {@code (1 / (to - from)) integral O(C(t)) dt}, by 8-point
   * Gauss-Legendre quadrature on cells that start at every breakpoint inside the window and grow
   * geometrically from it; the occupancy at {@code fromMinutes} when the window is empty. Error
   * below 1e-6 (NmdaOccupancyTest checks it against a fine reference); 50-200 concentration
   * evaluations.
   */
  public double meanOccupancy(ConcentrationProfile profile, double fromMinutes, double toMinutes) {
    if (!Double.isFinite(fromMinutes) || !Double.isFinite(toMinutes) || toMinutes < fromMinutes) {
      throw new IllegalArgumentException(
          "need finite fromMinutes <= toMinutes, were " + fromMinutes + ", " + toMinutes);
    }
    if (toMinutes == fromMinutes) {
      return occupancy(profile.plasmaNgPerMl(fromMinutes));
    }
    double[] breakpoints = profile.breakpoints();
    if (breakpoints.length == 0 || toMinutes <= breakpoints[0]) {
      return 0; // no drug yet
    }
    double firstCell = FIRST_CELL / profile.fastestRate();
    double maxCell = Math.max(firstCell, MAX_CELL / profile.slowestRate());
    double integral = 0;
    double a = Math.max(fromMinutes, breakpoints[0]);
    for (double b : breakpoints) {
      if (b > a && b < toMinutes) {
        integral += integrateSmooth(profile, a, b, firstCell, maxCell);
        a = b;
      }
    }
    integral += integrateSmooth(profile, a, toMinutes, firstCell, maxCell);
    return integral / (toMinutes - fromMinutes);
  }

  /** Integral over [a, b], where no dose starts or ends, on cells growing from a. */
  private double integrateSmooth(
      ConcentrationProfile profile, double a, double b, double firstCell, double maxCell) {
    double smallest = firstCell;
    if (hill != Math.rint(hill) && occupancy(profile.plasmaNgPerMl(a)) == 0) {
      smallest = Math.scalb(firstCell, -GRADING);
    }
    double integral = 0;
    double x = a;
    while (x < b) {
      double length = Math.min(Math.max(smallest, x - a), maxCell);
      double y = b - x <= 1.5 * length ? b : x + length;
      double cell = 0;
      for (int i = 0; i < NODES; i++) {
        cell += WEIGHT[i] * occupancy(profile.plasmaNgPerMl(x + (y - x) * NODE[i]));
      }
      integral += cell * (y - x);
      x = y;
    }
    return integral;
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
    }
  }
}
