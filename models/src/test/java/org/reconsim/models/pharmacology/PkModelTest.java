package org.reconsim.models.pharmacology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PkModelTest {

  @Test
  void clementsKetamineReproducesTheZarateAnchor() {
    // 0.5 mg/kg over 40 min, 70 kg: docs/MODEL.md expects about 177 ng/mL (Zarate 2006 measured 185)
    ConcentrationProfile profile =
        PkModel.ketamineClements().profile(70, DosingRegimen.infusion(0, 40, 0.5 * 70));
    System.out.printf("ketamine Clements 70 kg: peak %.3f ng/mL at %.6f min%n",
        profile.peakNgPerMl(), profile.timeOfPeakMinutes());
    assertThat(profile.timeOfPeakMinutes()).isCloseTo(40, within(1e-6));
    assertThat(profile.peakNgPerMl()).isBetween(170.0, 185.0);
  }

  @Test
  void albrechtMidazolamPeakAndHalfLife() {
    PkModel midazolam = PkModel.midazolamAlbrecht();
    for (double weight : new double[] {70, 80}) {
      ConcentrationProfile profile =
          midazolam.profile(weight, DosingRegimen.infusion(0, 40, 0.045 * weight));
      System.out.printf("midazolam Albrecht %.0f kg: peak %.3f ng/mL at %.6f min%n",
          weight, profile.peakNgPerMl(), profile.timeOfPeakMinutes());
      assertThat(profile.timeOfPeakMinutes()).isCloseTo(40, within(1e-6));
      assertThat(profile.peakNgPerMl()).isBetween(45.0, 80.0);
    }
    // Albrecht's terminal half-life is 3.81 h: longer than the 2.3-2.9 h of Allonen 1981 and
    // Heizmann 1983 that docs/MODEL.md quotes (the parameters, not the code: see PkModel Javadoc)
    double halfLifeHours = midazolam.forWeight(70).terminalHalfLifeMinutes() / 60;
    System.out.printf("midazolam Albrecht terminal half-life %.3f h%n", halfLifeHours);
    assertThat(halfLifeHours).isBetween(3.7, 3.9);
  }

  @Test
  void perKgVolumeScalesWithWeightAndAbsoluteDoesNot() {
    assertThat(PkModel.ketamineClements().forWeight(80).v1Liters())
        .isCloseTo(1.7522 * 80, within(1e-12));
    assertThat(PkModel.ketamineDomino().forWeight(80).compartments()).isEqualTo(3);
    assertThat(PkModel.midazolamAlbrecht().forWeight(80))
        .isEqualTo(PkModel.midazolamAlbrecht().forWeight(50));
    assertThat(PkModel.midazolamAlbrecht().forWeight(80).clearanceLitersPerMinute())
        .isCloseTo(0.399, within(1e-15));
  }

  @Test
  void presetsCarryMolarMassAndEffectSite() {
    assertThat(PkModel.ketamineClements().molarMassGPerMol()).isEqualTo(237.7);
    assertThat(PkModel.midazolamAlbrecht().molarMassGPerMol()).isEqualTo(325.8);
    assertThat(PkModel.ketamineClements().hasEffectSite()).isFalse();
    assertThat(PkModel.ketamineClements().ke0PerMinute()).isNaN();
    assertThat(PkModel.midazolamAlbrecht().ke0PerMinute()).isEqualTo(0.11);
    assertThat(PkModel.ketamineDomino().saltToBase()).isEqualTo(1.0);
  }

  @Test
  void saltToBaseScalesConcentrationsLinearly() {
    DosingRegimen regimen = DosingRegimen.infusion(0, 40, 35);
    PkModel model = PkModel.ketamineClements();
    double base = model.profile(70, regimen).plasmaNgPerMl(40);
    double salt = model.withSaltToBase(237.7 / 274.2).profile(70, regimen).plasmaNgPerMl(40);
    assertThat(salt / base).isCloseTo(237.7 / 274.2, within(1e-12));
  }

  @Test
  void withMethodsReturnChangedCopies() {
    PkModel model = PkModel.ketamineClements();
    PkModel changed = model.withKe0(0.3).withMolarMass(200).withName("k");
    assertThat(changed.ke0PerMinute()).isEqualTo(0.3);
    assertThat(changed.molarMassGPerMol()).isEqualTo(200);
    assertThat(changed.parameters()).isEqualTo(model.parameters());
    assertThat(model).isEqualTo(PkModel.ketamineClements()).isNotEqualTo(changed);
    assertThat(model.withParameters(CompartmentParameters.oneCompartment(10, 0.1), false)
        .forWeight(70).v1Liters()).isEqualTo(10);
    assertThatThrownBy(() -> model.withKe0(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
