package org.reconsim.models.pharmacology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConcentrationProfileTest {

  private static final double HORIZON = 48 * 60;

  /**
   * Parameter sets with the ke0 used for the effect-site check (1 compartment: ke0 = k10, the
   * degenerate case; equal return rates: a root at the return rate, where its A_i vanishes).
   */
  static Stream<Arguments> parameterSets() {
    return Stream.of(
        Arguments.of("1 compartment", CompartmentParameters.oneCompartment(42, 0.011), 0.011),
        Arguments.of("Clements 70 kg", PkModel.ketamineClements().forWeight(70), 0.2),
        Arguments.of("Domino 70 kg", PkModel.ketamineDomino().forWeight(70), 0.5),
        Arguments.of("Albrecht", PkModel.midazolamAlbrecht().forWeight(70), 0.11),
        Arguments.of("3rd compartment only", new CompartmentParameters(12, 0.05, 0, 0, 0.1, 0.01), 0.3),
        Arguments.of("equal return rates", new CompartmentParameters(12, 0.05, 0.2, 0.03, 0.1, 0.03), 0.3));
  }

  static Stream<Arguments> regimens() {
    return Stream.of(
        Arguments.of("single bolus", DosingRegimen.bolus(15, 35)),
        Arguments.of("single infusion", DosingRegimen.infusion(0, 40, 35)),
        Arguments.of("infusion + later bolus",
            DosingRegimen.infusion(10, 40, 35).plus(Dose.bolus(180, 10))),
        Arguments.of("two infusions",
            DosingRegimen.infusion(0, 40, 35).plus(new Dose(300, 90, 20))),
        Arguments.of("overlapping infusions and bolus at an infusion end",
            DosingRegimen.infusion(0, 40, 35).plus(new Dose(20, 100, 12)).plus(Dose.bolus(40, 5))));
  }

  static Stream<Arguments> cases() {
    return parameterSets().flatMap(p -> regimens().map(r -> Arguments.of(
        p.get()[0], p.get()[1], p.get()[2], r.get()[0], r.get()[1])));
  }

  @ParameterizedTest(name = "{0}, {3}")
  @MethodSource("cases")
  void closedFormMatchesOdeIntegration(String set, CompartmentParameters p, double ke0,
      String regimenName, DosingRegimen regimen) {
    ConcentrationProfile profile = ConcentrationProfile.of(p, regimen);
    List<Double> times = new ArrayList<>();
    for (double t = 0; t <= HORIZON; t += 7.3) {
      times.add(t);
    }
    for (double b : profile.breakpointsMinutes()) {
      times.add(b);
      times.add(b + 1e-3);
      times.add(b + 0.5);
    }
    double[][] oracle = integrate(p, ke0, regimen, times);
    double floor = 1e-9 * profile.peakNgPerMl();
    for (int k = 0; k < times.size(); k++) {
      double t = times.get(k);
      assertThat(profile.plasmaNgPerMl(t)).as("plasma at %s min", t)
          .isCloseTo(oracle[k][0], within(1e-6 * Math.abs(oracle[k][0]) + floor));
      assertThat(profile.effectSiteNgPerMl(t, ke0)).as("effect site at %s min", t)
          .isCloseTo(oracle[k][1], within(1e-6 * Math.abs(oracle[k][1]) + floor));
    }
  }

  @ParameterizedTest(name = "{0}, {3}")
  @MethodSource("cases")
  void peakIsTheMaximumOverADenseGrid(String set, CompartmentParameters p, double ke0,
      String regimenName, DosingRegimen regimen) {
    ConcentrationProfile profile = ConcentrationProfile.of(p, regimen);
    double best = 0;
    for (double t = 0; t <= HORIZON; t += 0.01) {
      best = Math.max(best, profile.plasmaNgPerMl(t));
    }
    for (double b : profile.breakpointsMinutes()) {
      best = Math.max(best, profile.plasmaNgPerMl(b));
    }
    assertThat(profile.peakNgPerMl()).isGreaterThanOrEqualTo(best * (1 - 1e-12));
    assertThat(profile.plasmaNgPerMl(profile.timeOfPeakMinutes()))
        .isEqualTo(profile.peakNgPerMl());
    assertThat(profile.peakNgPerMl()).isLessThanOrEqualTo(best * (1 + 1e-9));
  }

  @Test
  void singleInfusionPeaksAtItsEnd() {
    DosingRegimen infusion = DosingRegimen.infusion(5, 40, 35);
    for (CompartmentParameters p : List.of(CompartmentParameters.oneCompartment(42, 0.011),
        PkModel.ketamineClements().forWeight(70), PkModel.ketamineDomino().forWeight(70),
        PkModel.midazolamAlbrecht().forWeight(70))) {
      ConcentrationProfile profile = ConcentrationProfile.of(p, infusion);
      assertThat(profile.timeOfPeakMinutes()).isCloseTo(45, within(1e-6));
      assertThat(profile.peakNgPerMl()).isEqualTo(profile.plasmaNgPerMl(45));
    }
  }

  @Test
  void bolusPeaksWhenGiven() {
    ConcentrationProfile profile =
        ConcentrationProfile.of(PkModel.ketamineDomino().forWeight(70), DosingRegimen.bolus(30, 35));
    assertThat(profile.timeOfPeakMinutes()).isEqualTo(30);
    assertThat(profile.peakNgPerMl()).isCloseTo(35 / (0.063 * 70) * 1000, within(1e-9));
    assertThat(profile.plasmaNgPerMl(29.999)).isZero();
  }

  @Test
  void interiorMaximaOfTheSlopeAreFoundExactly() {
    // f(tau) = e^-tau - 3 e^-2tau + 2 e^-3tau = (1 - e^-tau)(1 - 2 e^-tau) e^-tau: zeros 0 and ln 2
    double[] zeros = ConcentrationProfile.zeros(
        new double[] {1, -3, 2}, new double[] {1, 2, 3}, 10);
    assertThat(zeros).hasSize(1);
    assertThat(zeros[0]).isCloseTo(Math.log(2), within(1e-14));
    // sum_k c_k x^k = (x - 1)(x - 1/2)(x - 1/4) with x = e^-tau: zeros ln 2 and ln 4 (and 0)
    double a = 0.5, b = 0.25;
    double[] two = ConcentrationProfile.zeros(
        new double[] {-a * b, a + b + a * b, -(1 + a + b), 1}, new double[] {0, 1, 2, 3}, 10);
    assertThat(two).containsExactly(new double[] {Math.log(2), Math.log(4)}, within(1e-12));
  }

  @Test
  void emptyRegimenGivesZero() {
    ConcentrationProfile profile =
        ConcentrationProfile.of(PkModel.ketamineClements().forWeight(70), DosingRegimen.none());
    assertThat(profile.plasmaNgPerMl(100)).isZero();
    assertThat(profile.effectSiteNgPerMl(100, 0.1)).isZero();
    assertThat(profile.peakNgPerMl()).isZero();
    assertThat(profile.breakpointsMinutes()).isEmpty();
  }

  @Test
  void breakpointsAreSortedDoseStartsAndEnds() {
    ConcentrationProfile profile = ConcentrationProfile.of(
        PkModel.ketamineClements().forWeight(70),
        DosingRegimen.infusion(300, 60, 1).plus(Dose.bolus(300, 1)).plus(new Dose(0, 40, 1)));
    assertThat(profile.breakpointsMinutes()).containsExactly(0, 40, 300, 360);
  }

  /**
   * Oracle: the compartment ODEs plus the effect compartment, integrated by Dormand-Prince 8(5,3)
   * between consecutive event times (dose starts and ends, sample times) with the infusion rate
   * constant on each stretch and boluses added to x1 at their time. Returns {Cp, Ce} in ng/mL.
   */
  static double[][] integrate(CompartmentParameters p, double ke0, DosingRegimen regimen,
      List<Double> sampleTimes) {
    TreeSet<Double> events = new TreeSet<>(sampleTimes);
    for (Dose d : regimen.doses()) {
      events.add(d.startMinutes());
      events.add(d.endMinutes());
    }
    DormandPrince853Integrator integrator =
        new DormandPrince853Integrator(1e-9, 60, 1e-14, 1e-12);
    double[] y = new double[4];
    double t = 0;
    double[][] values = new double[sampleTimes.size()][];
    List<double[]> atEvent = new ArrayList<>();
    List<Double> eventTimes = new ArrayList<>(events);
    for (double next : eventTimes) {
      if (next > t) {
        double rate = 0;
        double mid = 0.5 * (t + next);
        for (Dose d : regimen.doses()) {
          if (!d.isBolus() && d.startMinutes() <= mid && mid < d.endMinutes()) {
            rate += d.rateMgPerMinute();
          }
        }
        integrator.integrate(equations(p, ke0, rate), t, y.clone(), next, y);
        t = next;
      }
      for (Dose d : regimen.doses()) {
        if (d.isBolus() && d.startMinutes() == next) {
          y[0] += d.amountMg();
        }
      }
      atEvent.add(new double[] {1000 * y[0] / p.v1Liters(), 1000 * y[3]});
    }
    for (int k = 0; k < sampleTimes.size(); k++) {
      values[k] = atEvent.get(eventTimes.indexOf(sampleTimes.get(k)));
    }
    return values;
  }

  private static FirstOrderDifferentialEquations equations(
      CompartmentParameters p, double ke0, double rate) {
    return new FirstOrderDifferentialEquations() {
      @Override
      public int getDimension() {
        return 4;
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] dy) {
        dy[0] = -(p.k10() + p.k12() + p.k13()) * y[0] + p.k21() * y[1] + p.k31() * y[2] + rate;
        dy[1] = p.k12() * y[0] - p.k21() * y[1];
        dy[2] = p.k13() * y[0] - p.k31() * y[2];
        dy[3] = ke0 * (y[0] / p.v1Liters() - y[3]);
      }
    };
  }
}
