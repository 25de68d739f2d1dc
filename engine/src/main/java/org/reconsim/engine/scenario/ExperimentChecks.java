package org.reconsim.engine.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whole-file checks of an experiment: names that must match, steps in time order. */
final class ExperimentChecks {

    private ExperimentChecks() {
    }

    static List<ScenarioChecks.Finding> check(Experiment e) {
        List<ScenarioChecks.Finding> out = new ArrayList<>();
        Map<String, Set<String>> labels = new HashMap<>();
        for (int g = 0; g < e.groups().size(); g++) {
            Experiment.Group group = e.groups().get(g);
            String gp = "groups[" + g + "]";
            if (labels.containsKey(group.name())) {
                out.add(new ScenarioChecks.Finding(gp + ".name", "duplicate group name '" + group.name() + "'"));
            }
            Set<String> own = new HashSet<>();
            labels.put(group.name(), own);
            double last = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < group.steps().size(); k++) {
                Experiment.Step step = group.steps().get(k);
                String sp = gp + ".steps[" + k + "]";
                if (step.atHours() < last) {
                    out.add(new ScenarioChecks.Finding(sp + ".at_hours", "steps must be in time order: " + step.atHours()
                            + " h comes after " + last + " h"));
                }
                last = step.atHours();
                if (step.action() == Experiment.Action.AGENT && step.agent() == null) {
                    out.add(new ScenarioChecks.Finding(sp + ".agent", "an agent step names its agent: "
                            + String.join(", ", SectionTypes.labels(Experiment.AgentName.class))));
                }
                if (step.action() == Experiment.Action.EXTINCTION && !step.label().isEmpty()) {
                    own.add(step.label() + "-first");
                    own.add(step.label() + "-last");
                }
                if (step.action() == Experiment.Action.TEST) {
                    if (step.label().isEmpty()) {
                        out.add(new ScenarioChecks.Finding(sp + ".label", "a test step needs a label to be measured by"));
                    } else if (!own.add(step.label())) {
                        out.add(new ScenarioChecks.Finding(sp + ".label", "duplicate test label '" + step.label() + "' in group '"
                                + group.name() + "'"));
                    }
                }
            }
        }
        if (e.agents().nmdaDrug() != null && (!e.agents().nmdaDrug().nmdaAntagonist() || e.agents().nmdaDrug().pk() == null)) {
            out.add(new ScenarioChecks.Finding("agents.nmda_drug", "'" + e.agents().nmdaDrug().label()
                    + "' is not an NMDA antagonist with a PK model; allowed: " + String.join(", ",
                    org.reconsim.models.pharmacology.DrugRegistry.all().stream()
                            .filter(d -> d.nmdaAntagonist() && d.pk() != null).map(d -> d.label()).toList())));
        }
        for (int i = 0; i < e.expect().size(); i++) {
            Experiment.Expectation x = e.expect().get(i);
            reference(out, labels, "expect[" + i + "].higher", x.higher());
            reference(out, labels, "expect[" + i + "].lower", x.lower());
            if (!x.effectSize().isEmpty() && (x.effectSize().size() != 2 || x.effectSize().get(0) > x.effectSize().get(1))) {
                out.add(new ScenarioChecks.Finding("expect[" + i + "].effect_size", "give [low, high] with low <= high"));
            }
        }
        return out;
    }

    private static void reference(List<ScenarioChecks.Finding> out, Map<String, Set<String>> labels, String path, String ref) {
        int slash = ref.indexOf('/');
        if (slash < 0) {
            out.add(new ScenarioChecks.Finding(path, "expected group/label, got '" + ref + "'"));
            return;
        }
        String group = ref.substring(0, slash);
        String label = ref.substring(slash + 1);
        if (!labels.containsKey(group)) {
            out.add(new ScenarioChecks.Finding(path, "no group '" + group + "'; groups: " + String.join(", ", labels.keySet())));
        } else if (!labels.get(group).contains(label)) {
            out.add(new ScenarioChecks.Finding(path, "group '" + group + "' has no test labelled '" + label + "'"));
        }
    }
}
