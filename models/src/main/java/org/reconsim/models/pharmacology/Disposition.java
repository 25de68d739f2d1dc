package org.reconsim.models.pharmacology;

import java.util.Arrays;

/**
 * The disposition function: plasma concentration after a unit bolus (1 mg) into the central
 * compartment, {@code h(t) = sum_i A_i exp(-lambda_i t)}, mg/L.
 *
 * <p>The lambda_i are the eigenvalues of the rate matrix (the roots of its characteristic
 * polynomial: linear, quadratic or cubic) and
 * {@code A_i = prod_{j peripheral}(k_j1 - lambda_i) / (V1 prod_{m != i}(lambda_m - lambda_i))}.
 * For a mammillary model the roots interlace with the return rates k_j1, so they are distinct
 * and every A_i is positive: h decreases, and the concentration falls once all doses have ended.
 */
final class Disposition {

  /** Eigenvalues lambda_i, 1/min, ascending. */
  final double[] rates;
  /** Coefficients A_i, 1/L. */
  final double[] amplitudes;

  private Disposition(double[] rates, double[] amplitudes) {
    this.rates = rates;
    this.amplitudes = amplitudes;
  }

  static Disposition of(CompartmentParameters p) {
    double[] back = new double[p.compartments() - 1];
    double[] out = new double[back.length];
    int j = 0;
    if (p.k12() > 0) {
      out[j] = p.k12();
      back[j++] = p.k21();
    }
    if (p.k13() > 0) {
      out[j] = p.k13();
      back[j] = p.k31();
    }
    double[] rates = eigenvalues(p.k10(), out, back);
    double[] amplitudes = new double[rates.length];
    for (int i = 0; i < rates.length; i++) {
      double numerator = 1;
      for (double kj1 : back) {
        numerator *= kj1 - rates[i];
      }
      double denominator = p.v1Liters();
      for (int m = 0; m < rates.length; m++) {
        if (m != i) {
          denominator *= rates[m] - rates[i];
        }
      }
      amplitudes[i] = numerator / denominator;
    }
    return new Disposition(rates, amplitudes);
  }

  double slowestRate() {
    return rates[0];
  }

  double fastestRate() {
    return rates[rates.length - 1];
  }

  /** Roots of det(lambda I - K), K the rate matrix; ascending. */
  private static double[] eigenvalues(double k10, double[] out, double[] back) {
    switch (back.length) {
      case 0:
        return new double[] {k10};
      case 1: {
        // lambda^2 - (k10 + k12 + k21) lambda + k10 k21 = 0; small root by Vieta (no cancellation)
        double sum = k10 + out[0] + back[0];
        double product = k10 * back[0];
        double large = 0.5 * (sum + Math.sqrt(sum * sum - 4 * product));
        return new double[] {product / large, large};
      }
      default: {
        // lambda^3 - a2 lambda^2 + a1 lambda - a0 = 0
        double k12 = out[0], k21 = back[0], k13 = out[1], k31 = back[1];
        double a2 = k10 + k12 + k13 + k21 + k31;
        double a1 = k10 * k21 + k10 * k31 + k12 * k31 + k13 * k21 + k21 * k31;
        double a0 = k10 * k21 * k31;
        // depressed cubic x^3 + p x + q = 0 with lambda = x + a2/3; three real roots, p < 0
        double p = a1 - a2 * a2 / 3;
        double q = -2 * a2 * a2 * a2 / 27 + a2 * a1 / 3 - a0;
        double r = 2 * Math.sqrt(-p / 3);
        double cosine = Math.max(-1, Math.min(1, 3 * q / (p * r)));
        double phi = Math.acos(cosine) / 3;
        double[] roots = new double[3];
        for (int k = 0; k < 3; k++) {
          roots[k] = polish(r * Math.cos(phi - 2 * Math.PI * k / 3) + a2 / 3, a2, a1, a0);
        }
        Arrays.sort(roots);
        return roots;
      }
    }
  }

  /** Newton steps on the cubic: the trigonometric formula loses digits on a small root. */
  private static double polish(double x, double a2, double a1, double a0) {
    for (int step = 0; step < 3; step++) {
      double value = ((x - a2) * x + a1) * x - a0;
      double slope = (3 * x - 2 * a2) * x + a1;
      if (slope == 0) {
        break;
      }
      double next = x - value / slope;
      double nextValue = ((next - a2) * next + a1) * next - a0;
      if (!(Math.abs(nextValue) < Math.abs(value))) {
        break;
      }
      x = next;
    }
    return x;
  }
}
