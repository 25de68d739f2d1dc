package org.reconsim.models.pharmacology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NmdaOccupancyTest {

  @Test
  void halfOccupiedWhenUnboundConcentrationEqualsKi() {
    NmdaOccupancy ketamine = NmdaOccupancy.ketamineDefault();
    double ngPerMl = ketamine.kiMicromolar() / ketamine.unboundFraction() * 237.7;
    assertThat(ketamine.occupancy(ngPerMl)).isCloseTo(0.5, within(1e-15));
    assertThat(ketamine.withHill(2.5).occupancy(ngPerMl)).isCloseTo(0.5, within(1e-15));
    assertThat(ketamine.occupancy(0)).isZero();
    // Zarate peak 185 ng/mL = 0.78 uM total, 0.47 uM unbound: just under half occupied
    assertThat(ketamine.occupancy(185)).isCloseTo(0.467 / 0.967, within(1e-3));
  }

  static Stream<Arguments> windows() {
    NmdaOccupancy ketamine = NmdaOccupancy.ketamineDefault();
    DosingRegimen infusion = DosingRegimen.infusion(30, 40, 35);
    DosingRegimen twoDoses = infusion.plus(new Dose(600, 40, 35)).plus(Dose.bolus(700, 10));
    return Stream.of(
        Arguments.of(ketamine, PkModel.ketamineClements(), infusion, 0, 360),
        Arguments.of(ketamine, PkModel.ketamineClements(), twoDoses, 0, 48 * 60),
        Arguments.of(ketamine, PkModel.ketamineDomino(), infusion, 0, 360),
        Arguments.of(ketamine, PkModel.ketamineDomino(), twoDoses, 12.5, 48 * 60),
        Arguments.of(ketamine, PkModel.ketamineDomino(), infusion, 50, 55),
        Arguments.of(ketamine.withHill(2).withKi(0.2), PkModel.ketamineDomino(), twoDoses, 0, 1440),
        Arguments.of(ketamine.withHill(0.7), PkModel.ketamineClements(), twoDoses, 0, 1440),
        Arguments.of(ketamine.withHill(1.4).withKi(3), PkModel.midazolamAlbrecht(), twoDoses, 20, 900),
        Arguments.of(ketamine, PkModel.ketamineClements(), DosingRegimen.none(), 0, 100),
        Arguments.of(ketamine, PkModel.ketamineClements(), infusion, 0, 30));
  }

  @ParameterizedTest
  @MethodSource("windows")
  void meanOccupancyMatchesAFineReference(NmdaOccupancy occupancy, PkModel model,
      DosingRegimen regimen, double from, double to) {
    ConcentrationProfile profile = model.profile(70, regimen);
    double mean = occupancy.meanOccupancy(profile, from, to);
    assertThat(mean).isCloseTo(reference(occupancy, profile, from, to), within(1e-7));
  }

  @Test
  void emptyWindowGivesTheOccupancyAtThatTime() {
    ConcentrationProfile profile =
        PkModel.ketamineClements().profile(70, DosingRegimen.infusion(0, 40, 35));
    NmdaOccupancy o = NmdaOccupancy.ketamineDefault();
    assertThat(o.meanOccupancy(profile, 40, 40)).isEqualTo(o.occupancy(profile.plasmaNgPerMl(40)));
  }

  /**
   * Trapezoid rule on each stretch between breakpoints, in the variable w of
   * {@code t = a + (b - a) w^3} (points crowd where a dose starts, where the occupancy changes
   * fastest and, for a non-integer Hill coefficient, is not smooth), 2 x 20000 steps improved
   * by one Richardson step.
   */
  private static double reference(
      NmdaOccupancy o, ConcentrationProfile profile, double from, double to) {
    List<Double> cuts = new ArrayList<>(List.of(from));
    for (double b : profile.breakpointsMinutes()) {
      if (b > from && b < to) {
        cuts.add(b);
      }
    }
    cuts.add(to);
    double total = 0;
    for (int k = 0; k + 1 < cuts.size(); k++) {
      double a = cuts.get(k), b = cuts.get(k + 1);
      double coarse = trapezoid(o, profile, a, b, 20_000);
      double fine = trapezoid(o, profile, a, b, 40_000);
      total += (4 * fine - coarse) / 3;
    }
    return total / (to - from);
  }

  private static double trapezoid(
      NmdaOccupancy o, ConcentrationProfile profile, double a, double b, int steps) {
    double length = b - a;
    double h = 1.0 / steps;
    // integrand 3 (b - a) w^2 O(C(t(w))): 0 at w = 0; left limit at b (a bolus at b belongs to
    // the next stretch)
    double sum = 0.5 * 3 * length * o.occupancy(profile.plasmaNgPerMl(Math.nextDown(b)));
    for (int i = 1; i < steps; i++) {
      double w = i * h;
      sum += 3 * length * w * w * o.occupancy(profile.plasmaNgPerMl(a + length * w * w * w));
    }
    return sum * h;
  }

  @Test
  void gaussRuleIsCommonsMathsHighPrecisionRuleBitForBit() {
    org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator rule =
        new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory().legendreHighPrecision(8, 0, 1);
    for (int i = 0; i < 8; i++) {
      assertThat(Double.doubleToRawLongBits(NmdaOccupancy.node(i))).as("node %d", i)
          .isEqualTo(Double.doubleToRawLongBits(rule.getPoint(i)));
      assertThat(Double.doubleToRawLongBits(NmdaOccupancy.weight(i))).as("weight %d", i)
          .isEqualTo(Double.doubleToRawLongBits(rule.getWeight(i)));
    }
  }
}
