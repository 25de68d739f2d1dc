package org.reconsim.models.pharmacology;

import java.util.Arrays;
import java.util.List;

import org.reconsim.models.numerics.Fdlibm;

/**
 * Closed-form plasma (and effect-site) concentration of one patient under one regimen.
 *
 * <p>With the disposition function {@code h(t) = sum_i A_i exp(-lambda_i t)} (see
 * {@link CompartmentParameters}), linearity gives the concentration as a superposition over
 * doses; for t >= s a bolus D at s adds {@code D sum_i A_i exp(-lambda_i (t - s))} and an
 * infusion of rate R over [s, s+T] adds
 *
 * <pre>
 *   R sum_i A_i / lambda_i (1 - exp(-lambda_i (min(t, s+T) - s))) exp(-lambda_i max(0, t - s - T))
 * </pre>
 *
 * The coefficients per dose and exponential are computed once by {@link #of}; evaluating a
 * concentration allocates nothing and costs one exponential per dose and compartment. Doses
 * act from their start on: the concentration is right-continuous (a bolus at s is in C(s)).
 */
public final class ConcentrationProfile {

  private final Disposition disposition;
  private final double[] rates;
  private final int n;
  private final double[] amounts;
  private final double[] starts;
  private final double[] ends;
  /** R A_i / lambda_i per infusion d and exponential i at [d * n + i]; 0 for a bolus. */
  private final double[] plateau;
  /** Contribution of exponential i at the end of dose d: x exp(-lambda_i (t - end)) after it. */
  private final double[] atEnd;
  private final double[] breakpoints;
  private final double peakMgPerL;
  private final double peakMinutes;

  private ConcentrationProfile(Disposition disposition, List<Dose> doses) {
    this.disposition = disposition;
    rates = disposition.rates;
    n = rates.length;
    int count = doses.size();
    amounts = new double[count];
    starts = new double[count];
    ends = new double[count];
    plateau = new double[count * n];
    atEnd = new double[count * n];
    double[] times = new double[2 * count];
    for (int d = 0; d < count; d++) {
      Dose dose = doses.get(d);
      amounts[d] = dose.amountMg();
      starts[d] = dose.startMinutes();
      ends[d] = dose.endMinutes();
      times[2 * d] = starts[d];
      times[2 * d + 1] = ends[d];
      for (int i = 0; i < n; i++) {
        double a = disposition.amplitudes[i];
        if (dose.isBolus()) {
          atEnd[d * n + i] = dose.amountMg() * a;
        } else {
          double p = dose.rateMgPerMinute() * a / rates[i];
          plateau[d * n + i] = p;
          atEnd[d * n + i] = -p * Fdlibm.expm1(-rates[i] * dose.durationMinutes());
        }
      }
    }
    breakpoints = ascendingDistinct(times);
    double[] peak = findPeak();
    peakMinutes = peak[0];
    peakMgPerL = peak[1];
  }

  /**
   * The distinct values of {@code times} in ascending order, as a {@code TreeSet<Double>} would
   * give them ({@link Double#compare} order and equality), without boxing: once per patient.
   */
  private static double[] ascendingDistinct(double[] times) {
    Arrays.sort(times);
    int distinct = 0;
    for (int i = 0; i < times.length; i++) {
      if (distinct == 0 || Double.compare(times[i], times[distinct - 1]) != 0) {
        times[distinct++] = times[i];
      }
    }
    return Arrays.copyOf(times, distinct);
  }

  /** The profile of a patient with parameters {@code p} receiving {@code regimen} (mg of base). */
  public static ConcentrationProfile of(CompartmentParameters p, DosingRegimen regimen) {
    return new ConcentrationProfile(Disposition.of(p), regimen.doses());
  }

  /** Plasma concentration at {@code minutes}, mg/L (= ug/mL); 0 before the first dose. */
  public double plasmaMgPerL(double minutes) {
    double c = 0;
    for (int d = 0; d < starts.length; d++) {
      if (minutes < starts[d]) {
        continue;
      }
      int o = d * n;
      if (minutes >= ends[d]) {
        double since = minutes - ends[d];
        for (int i = 0; i < n; i++) {
          c += atEnd[o + i] * Math.exp(-rates[i] * since);
        }
      } else {
        double since = minutes - starts[d];
        for (int i = 0; i < n; i++) {
          c -= plateau[o + i] * Fdlibm.expm1(-rates[i] * since);
        }
      }
    }
    return c;
  }

  /** Plasma concentration at {@code minutes}, ng/mL (1000 x mg/L). */
  public double plasmaNgPerMl(double minutes) {
    return 1000 * plasmaMgPerL(minutes);
  }

  /**
   * Effect-site concentration, ng/mL, of the hypothetical effect compartment
   * {@code dCe/dt = ke0 (Cp - Ce)}, Ce = 0 before the first dose. Closed form: its unit-bolus
   * response is {@code sum_i A_i ke0 (exp(-lambda_i t) - exp(-ke0 t)) / (ke0 - lambda_i)}, and
   * a dose contributes {@code ke0 sum_i A_i (F(lambda_i) - F(ke0)) / (ke0 - lambda_i)} with
   * {@code F(mu) = D exp(-mu (t - s))} for a bolus and
   * {@code F(mu) = R (exp(-mu max(0, t - s - T)) - exp(-mu (t - s))) / mu} for an infusion.
   * When ke0 is within 1e-7 (relative) of a lambda_i the divided difference is replaced by
   * {@code -F'} at their midpoint.
   *
   * @param ke0 effect-site equilibration rate constant, 1/min (> 0)
   */
  public double effectSiteNgPerMl(double minutes, double ke0) {
    if (!(ke0 > 0) || Double.isInfinite(ke0)) {
      throw new IllegalArgumentException("ke0 must be finite and > 0, was " + ke0);
    }
    double c = 0;
    for (int d = 0; d < starts.length; d++) {
      if (minutes < starts[d]) {
        continue;
      }
      boolean bolus = ends[d] == starts[d];
      double scale = bolus ? amounts[d] : amounts[d] / (ends[d] - starts[d]);
      double fromEnd = Math.max(0, minutes - ends[d]);
      double fromStart = minutes - starts[d];
      for (int i = 0; i < n; i++) {
        double lambda = rates[i];
        double difference;
        if (Math.abs(ke0 - lambda) <= 1e-7 * Math.max(ke0, lambda)) {
          difference = -transferSlope(0.5 * (ke0 + lambda), fromEnd, fromStart, bolus);
        } else {
          difference = (transfer(lambda, fromEnd, fromStart, bolus)
              - transfer(ke0, fromEnd, fromStart, bolus)) / (ke0 - lambda);
        }
        c += scale * disposition.amplitudes[i] * ke0 * difference;
      }
    }
    return 1000 * c;
  }

  /** F(mu) per unit amount (bolus) or unit rate (infusion). */
  private static double transfer(double mu, double fromEnd, double fromStart, boolean bolus) {
    if (bolus) {
      return Math.exp(-mu * fromStart);
    }
    return -Math.exp(-mu * fromEnd) * Fdlibm.expm1(-mu * (fromStart - fromEnd)) / mu;
  }

  /** dF/dmu. */
  private static double transferSlope(double mu, double fromEnd, double fromStart, boolean bolus) {
    if (bolus) {
      return -fromStart * Math.exp(-mu * fromStart);
    }
    double span = fromStart - fromEnd;
    double decay = Math.exp(-mu * fromEnd);
    double filled = -Fdlibm.expm1(-mu * span) / mu;
    double filledSlope = (span * Math.exp(-mu * span) - filled) / mu;
    return -fromEnd * decay * filled + decay * filledSlope;
  }

  /** Highest plasma concentration over all times, ng/mL; 0 for an empty regimen. */
  public double peakNgPerMl() {
    return 1000 * peakMgPerL;
  }

  /**
   * Earliest time of the highest plasma concentration, minutes (0 for an empty regimen). Exact
   * to rounding: the maximum is at a breakpoint or at a zero of dC/dt between two, and those
   * zeros are located exactly (see {@link #findPeak}).
   */
  public double timeOfPeakMinutes() {
    return peakMinutes;
  }

  /** Dose starts and ends, ascending, without duplicates: where the profile is not smooth. */
  public double[] breakpointsMinutes() {
    return breakpoints.clone();
  }

  /** Breakpoints without copying, for package use that does not modify them. */
  double[] breakpoints() {
    return breakpoints;
  }

  double fastestRate() {
    return disposition.fastestRate();
  }

  double slowestRate() {
    return disposition.slowestRate();
  }

  /**
   * Between consecutive breakpoints b and b' the concentration is
   * {@code C(b + tau) = K + sum_i a_i exp(-lambda_i tau)}, so dC/dt is an exponential sum with at
   * most n - 1 zeros, found exactly by {@link #zeros}; the maximum is at a breakpoint or at one
   * of these zeros. After the last breakpoint C decreases (A_i > 0); the search still covers 50
   * terminal time constants after it, in case it does not.
   */
  private double[] findPeak() {
    double bestTime = 0;
    double best = 0;
    for (int k = 0; k < breakpoints.length; k++) {
      double from = breakpoints[k];
      double to = k + 1 < breakpoints.length
          ? breakpoints[k + 1] : from + 50 / disposition.slowestRate();
      double value = plasmaMgPerL(from);
      if (value > best) {
        best = value;
        bestTime = from;
      }
      double[] slope = slopeCoefficients(from);
      for (double tau : zeros(slope, rates, to - from)) {
        value = plasmaMgPerL(from + tau);
        if (value > best) {
          best = value;
          bestTime = from + tau;
        }
      }
    }
    return new double[] {bestTime, best};
  }

  /**
   * Coefficients of {@code dC/dt(t0 + tau) = sum_i c_i exp(-lambda_i tau)}, valid up to the
   * next breakpoint.
   */
  private double[] slopeCoefficients(double t0) {
    double[] c = new double[n];
    for (int d = 0; d < starts.length; d++) {
      if (t0 < starts[d]) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double a = t0 >= ends[d]
            ? atEnd[d * n + i] * Math.exp(-rates[i] * (t0 - ends[d]))
            : -plateau[d * n + i] * Math.exp(-rates[i] * (t0 - starts[d]));
        c[i] -= rates[i] * a;
      }
    }
    return c;
  }

  /**
   * Zeros in (0, length) of {@code f(tau) = sum_i c_i exp(-r_i tau)}, r ascending. By Rolle's
   * theorem on {@code g = f exp(r_0 tau)}, whose derivative is an exponential sum with one term
   * fewer, f has at most one zero between consecutive zeros of g'; each is bisected to
   * machine precision.
   */
  static double[] zeros(double[] c, double[] r, double length) {
    int terms = c.length;
    if (terms < 2) {
      return new double[0];
    }
    double[] cSlope = new double[terms - 1];
    double[] rSlope = new double[terms - 1];
    for (int i = 1; i < terms; i++) {
      rSlope[i - 1] = r[i] - r[0];
      cSlope[i - 1] = -rSlope[i - 1] * c[i];
    }
    double[] critical = zeros(cSlope, rSlope, length);
    double[] found = new double[critical.length + 1];
    int count = 0;
    double a = 0;
    double fa = sum(c, r, a);
    for (int k = 0; k <= critical.length; k++) {
      double b = k < critical.length ? critical[k] : length;
      double fb = sum(c, r, b);
      if (fb == 0 && k < critical.length) {
        found[count++] = b;
      } else if (fa * fb < 0) {
        found[count++] = bisect(c, r, a, b, fa);
      }
      a = b;
      fa = fb;
    }
    return Arrays.copyOf(found, count);
  }

  private static double bisect(double[] c, double[] r, double a, double b, double fa) {
    while (true) {
      double m = 0.5 * (a + b);
      if (m <= a || m >= b) {
        return m;
      }
      double fm = sum(c, r, m);
      if (fm == 0) {
        return m;
      }
      if ((fm < 0) == (fa < 0)) {
        a = m;
        fa = fm;
      } else {
        b = m;
      }
    }
  }

  private static double sum(double[] c, double[] r, double tau) {
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      s += c[i] * Math.exp(-r[i] * tau);
    }
    return s;
  }
}
