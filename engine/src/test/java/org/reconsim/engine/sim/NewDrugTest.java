package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.KetamineModel;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.ScenarioSchema;
import org.reconsim.models.pharmacology.CompartmentParameters;
import org.reconsim.models.pharmacology.DrugProvider;
import org.reconsim.models.pharmacology.DrugType;
import org.reconsim.models.pharmacology.NonspecificEffect;
import org.reconsim.models.pharmacology.NonspecificEffectType;
import org.reconsim.models.pharmacology.PkModel;
import org.reconsim.models.pharmacology.PkModelType;
import org.reconsim.models.spec.Spec;

/**
 * Drugs added from outside the models, as a user would: one registration (the provider below,
 * listed in META-INF/services) naming each drug's PK model, NMDA flag and nonspecific effect.
 * No engine or scenario code is touched, yet arms can give them, the effect's section is
 * validated and documented, and a trial runs them.
 */
class NewDrugTest {

    /** One compartment, V1 per kg and k10 made up: the peak of an infusion is then known in closed form. */
    static final double V1_L_PER_KG = 0.8;
    static final double K10_PER_MIN = 0.01;

    static PkModelType oneCompartment(String drug) {
        return new PkModelType(drug, "one-compartment", "Test: one compartment, made-up parameters",
                PkModel.of(drug + "-one-compartment", CompartmentParameters.oneCompartment(V1_L_PER_KG, K10_PER_MIN), true, 300));
    }

    /** A made-up nonspecific effect: drowsiness rising linearly to {@code maximum} at {@code fullNgPerMl}. */
    public record Drowsiness(
            @Spec(doc = "Drowsiness at and above full_ng_per_ml", min = 0, max = 1, source = "[assumption] test drug") double maximum,
            @Spec(doc = "Concentration of full drowsiness", unit = "ng/mL", min = 0, minExclusive = true,
                    source = "[assumption] test drug") double fullNgPerMl) implements NonspecificEffect {

        public static Drowsiness defaults() {
            return new Drowsiness(0.5, 1000);
        }

        @Override
        public double sedation(double ngPerMl) {
            return maximum * Math.min(1, ngPerMl / fullNgPerMl);
        }
    }

    /** The one registration: an NMDA antagonist without nonspecific effect, and a drowsy non-antagonist. */
    public static final class Registration implements DrugProvider {
        @Override
        public List<DrugType> drugs() {
            return List.of(
                    new DrugType("test-antagonist", "Test: NMDA antagonist, one compartment", oneCompartment("test-antagonist"), true,
                            null),
                    new DrugType("test-sedative", "Test: no NMDA blockade, drowsiness", oneCompartment("test-sedative"), false,
                            new NonspecificEffectType<>("drowsiness", "Test drug's drowsiness", Drowsiness.class, Drowsiness.defaults())));
        }
    }

    static final double DOSE_MG_PER_KG = 0.5;
    static final double INFUSION_MINUTES = 40;

    private static String duekWith(String design, String pharmacology) throws Exception {
        String text = Files.readString(Path.of("..", "scenarios", "duek-2021.yaml"));
        int from = text.indexOf("design:\n");
        int to = text.indexOf("protocol:\n");
        return text.substring(0, from) + design + "\n" + text.substring(to) + pharmacology;
    }

    private static String design(String treatment, String control) {
        return "design:\n  arms:\n"
                + "    - {name: treated, drug: " + treatment + ", dose_mg_per_kg: " + DOSE_MG_PER_KG + ", infusion_minutes: "
                + INFUSION_MINUTES + "}\n"
                + "    - {name: control, drug: " + control + ", dose_mg_per_kg: " + DOSE_MG_PER_KG + ", infusion_minutes: "
                + INFUSION_MINUTES + "}\n"
                + "  control_arm: control\n  n_per_arm: 12\n";
    }

    /** No inter-individual variability: every patient has the typical parameters. */
    private static final String NO_VARIABILITY = "pharmacology:\n"
            + "  variability: {clearance_cv: 0, v1_cv: 0, peripheral_cv: 0}\n"
            + "  drowsiness: {maximum: 0.4, full_ng_per_ml: 1000}\n";

    @Test
    void itsPatientsPeakAtTheAnalyticConcentrationAndOnlyTheAntagonistActsThroughTheMechanisms() throws Exception {
        Scenario s = ScenarioLoader.parse("new-drug.yaml", duekWith(design("test-antagonist", "test-sedative"), NO_VARIABILITY)).scenario();
        TrialPlan plan = TrialPlan.compile(s);
        TrialOutcome t = VirtualTrial.run(plan, new RandomStreams(5), 0, 200);
        // a zero-order infusion of rate R = D W / T into one compartment of clearance CL = k10 V1 W
        // peaks at its end at (R / CL)(1 - exp(-k10 T)); the weight W cancels
        double mgPerL = DOSE_MG_PER_KG / INFUSION_MINUTES / (K10_PER_MIN * V1_L_PER_KG) * (1 - Math.exp(-K10_PER_MIN * INFUSION_MINUTES));
        double analyticNgPerMl = 1000 * mgPerL;
        int treated = plan.treatmentArm().index();
        long blocked = 0;
        for (PatientOutcome p : t.patients()) {
            assertThat(p.peakConcentration()).isCloseTo(analyticNgPerMl, within(1e-9 * analyticNgPerMl));
            assertThat(p.peakDissociation()).isZero();
            if (p.arm() == treated) {
                // the antagonist occupies NMDA receptors and, destabilized, its patients restabilize less (M1)
                assertThat(p.peakOccupancy()).isCloseTo(plan.occupancy().occupancy(analyticNgPerMl), within(1e-12));
                assertThat(p.peakSedation()).isZero();
                if (p.destabilized()) {
                    assertThat(p.restabilizationEfficiency()).isLessThan(1);
                    blocked++;
                }
            } else {
                // no NMDA blockade: the mechanisms see no drug; its own effect is the drowsiness section of the file
                assertThat(p.peakOccupancy()).isZero();
                assertThat(p.restabilizationEfficiency()).isEqualTo(1.0);
                assertThat(p.peakSedation()).isCloseTo(0.4 * analyticNgPerMl / 1000, within(1e-12));
            }
        }
        assertThat(blocked).isGreaterThan(20);
    }

    @Test
    void itIsAChoiceOfTheArmsAndItsEffectSectionIsValidatedAndDocumented() throws Exception {
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", duekWith(design("test-antagonist", "no-such-drug"), "")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("expected one of ketamine, midazolam, saline, test-antagonist, test-sedative, got 'no-such-drug'");
        assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", duekWith(design("test-antagonist", "test-sedative"),
                "pharmacology:\n  drowsiness: {maximum: 2}\n")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("pharmacology.drowsiness.maximum: out of range: allowed 0 <= x <= 1, got 2");
        assertThat(ScenarioSchema.jsonSchema()).contains("\"test-sedative\"").contains("\"drowsiness\"");
        assertThat(ScenarioSchema.markdownReference()).contains("`pharmacology.drowsiness.full_ng_per_ml`");
        // its model is no ketamine model: ketamine_model still chooses among ketamine's only
        assertThat(KetamineModel.values()).extracting(KetamineModel::label).containsExactly("clements", "domino");
    }
}
