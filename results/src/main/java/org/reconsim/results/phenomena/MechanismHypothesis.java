package org.reconsim.results.phenomena;

import java.util.List;

import org.reconsim.engine.scenario.Mechanisms;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.models.mechanism.DestabilizationInterference;
import org.reconsim.models.mechanism.LearningBlockade;
import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.mechanism.PlasticityWindow;
import org.reconsim.models.mechanism.RestabilizationBlockade;
import org.reconsim.models.mechanism.StructureLearning;

/**
 * The drug-mechanism hypotheses the phenomena suite compares for NMDA antagonists, each a
 * combination of mechanism modules with receptor-subtype assumptions (GluN2B for
 * destabilization, GluN2A for restabilization: Milton 2013).
 */
public enum MechanismHypothesis {
    NULL("null", "no effect on memory"),
    M1("M1", "restabilization blockade (GluN2A)"),
    M2("M2", "plasticity window after the drug"),
    M3("M3", "destabilization interference (GluN2B)"),
    M3_STRENGTHENING("M3+strengthening", "GluN2B interference, trace strengthened when the drug is present at retrieval"),
    M1_M3("M1+M3", "GluN2B blocks destabilization at retrieval and GluN2A restabilization in the window"),
    LEARNING("learning-blockade", "NMDA-dependent new learning blocked while present"),
    M1_LEARNING("M1+learning-blockade", "restabilization blockade and NMDA-dependent learning"),
    M4("M4", "structure learning shifted (latent-cause model: fewer new causes while the drug is present)");

    private final String label;
    private final String meaning;

    MechanismHypothesis(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** The mechanism modules, with the strengths of the experiment's mechanism section, composed in registry order. */
    public MechanismSet modules(Mechanisms m) {
        RestabilizationBlockade m1 = m.strengthsOf(RestabilizationBlockade.class);
        PlasticityWindow m2 = m.strengthsOf(PlasticityWindow.class);
        DestabilizationInterference d = m.strengthsOf(DestabilizationInterference.class);
        // the strengthening variant needs a strengthening; the experiment's own, or 0.5 [assumption]
        double strengthening = d.strengthening() > 0 ? d.strengthening() : 0.5;
        DestabilizationInterference m3 = new DestabilizationInterference(d.kD(), 0);
        DestabilizationInterference m3s = new DestabilizationInterference(d.kD(), strengthening);
        LearningBlockade learn = m.strengthsOf(LearningBlockade.class);
        StructureLearning m4 = m.strengthsOf(StructureLearning.class);
        return switch (this) {
            case NULL -> MechanismSet.none();
            case M1 -> MechanismSet.of(m1);
            case M2 -> MechanismSet.of(m2);
            case M3 -> MechanismSet.of(m3);
            case M3_STRENGTHENING -> MechanismSet.of(m3s);
            case M1_M3 -> MechanismSet.of(m1, m3);
            case LEARNING -> MechanismSet.of(learn);
            case M1_LEARNING -> MechanismSet.of(m1, learn);
            case M4 -> MechanismSet.of(m4);
        };
    }

    /** Parses labels such as {@code null,M1,M3}; IllegalArgumentException naming the allowed ones. */
    public static List<MechanismHypothesis> parse(String text) {
        List<MechanismHypothesis> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            MechanismHypothesis found = null;
            for (MechanismHypothesis h : values()) {
                if (h.label.equalsIgnoreCase(p)) {
                    found = h;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown mechanism '" + p + "'; allowed: "
                        + String.join(", ", java.util.Arrays.stream(values()).map(MechanismHypothesis::label).toList()));
            }
            out.add(found);
        }
        return out;
    }
}
