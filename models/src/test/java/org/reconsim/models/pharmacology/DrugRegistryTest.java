package org.reconsim.models.pharmacology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reconsim.models.spec.Named;

/** The built-in drugs and PK models are what the scenario files and docs/MODEL.md section 3 name. */
class DrugRegistryTest {

    @Test
    void theBuiltInDrugsAreThoseScenarioFilesName() {
        assertThat(DrugType.values()).extracting(Named::label).startsWith("ketamine", "midazolam", "saline");
        DrugType ketamine = DrugRegistry.byLabel("ketamine").orElseThrow();
        DrugType midazolam = DrugRegistry.byLabel("midazolam").orElseThrow();
        DrugType saline = DrugRegistry.byLabel("saline").orElseThrow();
        assertThat(ketamine.pk().model()).isEqualTo(PkModel.ketamineClements());
        assertThat(midazolam.pk().model()).isEqualTo(PkModel.midazolamAlbrecht());
        assertThat(saline.active()).isFalse();
        assertThat(ketamine.nmdaAntagonist()).isTrue();
        assertThat(midazolam.nmdaAntagonist()).isFalse();
        assertThat(saline.nmdaAntagonist()).isFalse();
    }

    @Test
    void eachDrugHasItsOwnNonspecificEffect() {
        assertThat(DrugRegistry.effectDefaults().entries()).extracting(e -> e.name()).startsWith("dissociation", "sedation");
        NonspecificEffect dissociation = DrugRegistry.effectDefaults().get("dissociation");
        NonspecificEffect sedation = DrugRegistry.effectDefaults().get("sedation");
        // Bowdle 1998: linear over 50-200 ng/mL; sedation EC50 60 ng/mL [assumption]
        assertThat(dissociation.dissociation(125)).isEqualTo(0.5);
        assertThat(dissociation.sedation(125)).isZero();
        assertThat(sedation.sedation(60)).isEqualTo(0.5);
        assertThat(sedation.dissociation(60)).isZero();
        assertThat(NonspecificEffect.none().dissociation(1e6) + NonspecificEffect.none().sedation(1e6)).isZero();
    }

    @Test
    void pkModelsAreNamedWithinTheirDrug() {
        assertThat(PkModelRegistry.forDrug("ketamine")).extracting(PkModelType::variant).startsWith("clements", "domino");
        assertThat(PkModelRegistry.byLabel("ketamine-domino").orElseThrow().model()).isEqualTo(PkModel.ketamineDomino());
        assertThat(PkModelRegistry.byLabel("midazolam-albrecht")).isPresent();
        assertThat(PkModelType.values()).allMatch(t -> t.label().equals(t.drug() + "-" + t.variant()));
    }

    @Test
    void aDrugsDefaultModelIsOneOfItsOwnAndAPlaceboActsThroughNothing() {
        assertThatThrownBy(() -> new DrugType("esketamine", "S-enantiomer", PkModelRegistry.KETAMINE_CLEMENTS, true, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("describes another drug");
        assertThatThrownBy(() -> new DrugType("sham", "no substance", null, true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
