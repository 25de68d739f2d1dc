package org.reconsim.results.phenomena;

import java.util.List;
import java.util.Optional;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.models.mechanism.DestabilizationInterference;
import org.reconsim.models.mechanism.LearningBlockade;
import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.mechanism.PlasticityWindow;
import org.reconsim.models.mechanism.RestabilizationBlockade;

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

    /** The mechanism modules, with the strengths of the experiment's mechanism section. */
    public MechanismSet modules(Scenario.Mechanisms m) {
        Optional<RestabilizationBlockade> m1 = Optional.of(new RestabilizationBlockade(m.restabilizationBlockade().kBlock()));
        Optional<PlasticityWindow> m2 = Optional.of(new PlasticityWindow(m.plasticityWindow().amplitude(),
                m.plasticityWindow().riseHours(), m.plasticityWindow().decayHours()));
        double strengthening = m.destabilizationInterference().strengthening() > 0 ? m.destabilizationInterference().strengthening() : 0.5;
        Optional<DestabilizationInterference> m3 = Optional.of(new DestabilizationInterference(m.destabilizationInterference().kD(), 0));
        Optional<DestabilizationInterference> m3s = Optional.of(new DestabilizationInterference(m.destabilizationInterference().kD(),
                strengthening));
        Optional<LearningBlockade> learn = Optional.of(new LearningBlockade(m.learningBlockade().k()));
        Optional<org.reconsim.models.mechanism.StructureLearning> m4 = Optional.of(
                new org.reconsim.models.mechanism.StructureLearning(m.structureLearning().kAlpha(), m.structureLearning().kSigma()));
        return switch (this) {
            case NULL -> MechanismSet.none();
            case M1 -> new MechanismSet(m1, Optional.empty(), Optional.empty(), Optional.empty());
            case M2 -> new MechanismSet(Optional.empty(), m2, Optional.empty(), Optional.empty());
            case M3 -> new MechanismSet(Optional.empty(), Optional.empty(), m3, Optional.empty());
            case M3_STRENGTHENING -> new MechanismSet(Optional.empty(), Optional.empty(), m3s, Optional.empty());
            case M1_M3 -> new MechanismSet(m1, Optional.empty(), m3, Optional.empty());
            case LEARNING -> new MechanismSet(Optional.empty(), Optional.empty(), Optional.empty(), learn);
            case M1_LEARNING -> new MechanismSet(m1, Optional.empty(), Optional.empty(), learn);
            case M4 -> new MechanismSet(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), m4);
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
