package org.reconsim.models.pharmacology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class CompartmentParametersTest {

  @Test
  void countsCompartments() {
    assertThat(CompartmentParameters.oneCompartment(10, 0.1).compartments()).isEqualTo(1);
    assertThat(PkModel.ketamineClements().parameters().compartments()).isEqualTo(2);
    assertThat(new CompartmentParameters(10, 0.1, 0, 0, 0.2, 0.05).compartments()).isEqualTo(2);
    assertThat(PkModel.ketamineDomino().parameters().compartments()).isEqualTo(3);
  }

  @Test
  void rejectsHalfAbsentCompartmentsAndBadValues() {
    assertThatThrownBy(() -> new CompartmentParameters(10, 0.1, 0.2, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k21");
    assertThatThrownBy(() -> new CompartmentParameters(10, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CompartmentParameters(Double.NaN, 0.1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Dose(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Dose(Double.POSITIVE_INFINITY, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zeroEtasGiveIdenticalParameters() {
    for (PkModel model : new PkModel[] {PkModel.ketamineClements(), PkModel.ketamineDomino(),
        PkModel.midazolamAlbrecht()}) {
      CompartmentParameters p = model.forWeight(73.4);
      assertThat(p.withVariability(0, 0, 0, 0)).isEqualTo(p);
    }
  }

  @Test
  void variabilityActsOnPhysiologicalParameters() {
    CompartmentParameters p = PkModel.ketamineDomino().forWeight(70);
    CompartmentParameters q = p.withVariability(0.3, -0.2, 0.25, 0.1);
    assertThat(q.clearanceLitersPerMinute())
        .isCloseTo(p.clearanceLitersPerMinute() * Math.exp(0.3), within(1e-12));
    assertThat(q.v1Liters()).isCloseTo(p.v1Liters() * Math.exp(-0.2), within(1e-12));
    // Q2 = k12 V1 kept; V2 = Q2 / k21 scaled; Q3 kept; V3 scaled
    assertThat(q.k12() * q.v1Liters()).isCloseTo(p.k12() * p.v1Liters(), within(1e-12));
    assertThat(q.k12() * q.v1Liters() / q.k21())
        .isCloseTo(p.k12() * p.v1Liters() / p.k21() * Math.exp(0.25), within(1e-9));
    assertThat(q.k13() * q.v1Liters()).isCloseTo(p.k13() * p.v1Liters(), within(1e-12));
    assertThat(q.k13() * q.v1Liters() / q.k31())
        .isCloseTo(p.k13() * p.v1Liters() / p.k31() * Math.exp(0.1), within(1e-9));
  }

  @Test
  void clearanceEtaLowersTheAreaUnderTheCurveByItsExponential() {
    double dose = 35;
    CompartmentParameters p = PkModel.ketamineClements().forWeight(70);
    DosingRegimen regimen = DosingRegimen.infusion(0, 40, dose);
    double auc = auc(ConcentrationProfile.of(p, regimen));
    assertThat(auc).isCloseTo(dose / p.clearanceLitersPerMinute(), within(1e-8 * auc));
    double eta = 0.4;
    double lowered = auc(ConcentrationProfile.of(p.withVariability(eta, 0, 0, 0), regimen));
    assertThat(lowered / auc).isCloseTo(Math.exp(-eta), within(1e-8));
    // volumes change the shape, not the area (AUC = dose / CL)
    double reshaped = auc(ConcentrationProfile.of(p.withVariability(0, 0.3, -0.3, 0), regimen));
    assertThat(reshaped / auc).isCloseTo(1, within(1e-8));
  }

  @Test
  void terminalHalfLifeUsesTheSlowestRate() {
    assertThat(CompartmentParameters.oneCompartment(10, 0.01).terminalHalfLifeMinutes())
        .isCloseTo(Math.log(2) / 0.01, within(1e-12));
  }

  /** Integral of C (mg/L) over [0, infinity), mg min/L: quadrature to 60 half-lives. */
  private static double auc(ConcentrationProfile profile) {
    IterativeLegendreGaussIntegrator integrator =
        new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13);
    double total = integrator.integrate(100_000, profile::plasmaMgPerL, 0, 40);
    double halfLife = Math.log(2) / profile.slowestRate();
    for (double t = 40; t < 40 + 60 * halfLife; t += halfLife) {
      total += integrator.integrate(100_000, profile::plasmaMgPerL, t, t + halfLife);
    }
    return total;
  }
}
