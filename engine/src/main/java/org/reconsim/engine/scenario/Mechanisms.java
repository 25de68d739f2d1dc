package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import java.util.List;
import org.reconsim.models.mechanism.Mechanism;
import org.reconsim.models.mechanism.MechanismRegistry;
import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.mechanism.MechanismType;
import org.reconsim.models.spec.Sections;

/** Which registered drug-mechanism hypotheses are true, and each one's strengths (scenario section {@code mechanisms}). */
public record Mechanisms(
        @Spec(doc = "Mechanisms true for the virtual patients; an empty list is the null hypothesis (no drug effect on memory)")
        List<MechanismType<?>> active,
        @Spec(doc = "Each registered mechanism's strengths, one section per mechanism named by it ('_' for '-')", inline = true)
        Sections<Mechanism> strengths,
        @Spec(doc = "Nonspecific drug effects, true under every hypothesis: functional unblinding and expectancy, which "
                + "move self-reported scores only") Nonspecific nonspecific) {

    public Mechanisms {
        active = ReadOnly.list(active);
    }

    public static Mechanisms defaults() {
        return new Mechanisms(List.of(MechanismRegistry.byType(org.reconsim.models.mechanism.RestabilizationBlockade.class)
                .orElseThrow()), defaultStrengths(), Nonspecific.defaults());
    }

    /** Every registered mechanism's section at its defaults. */
    public static Sections<Mechanism> defaultStrengths() {
        List<Sections.Entry<Mechanism>> entries = new java.util.ArrayList<>();
        for (MechanismType<?> t : MechanismRegistry.all()) {
            entries.add(new Sections.Entry<>(t.section(), t.doc(), t.parameters(), t.defaults()));
        }
        return Sections.of(entries);
    }

    public Mechanisms withActive(List<MechanismType<?>> types) {
        return new Mechanisms(types, strengths, nonspecific);
    }

    /** The same section with one mechanism's strengths replaced (found by the record's type). */
    public Mechanisms withStrengths(Mechanism m) {
        return new Mechanisms(active, strengths.with(m), nonspecific);
    }

    public Mechanisms withNonspecific(Nonspecific n) {
        return new Mechanisms(active, strengths, n);
    }

    /** The strengths of one mechanism. */
    public <M extends Mechanism> M strengthsOf(Class<M> type) {
        return strengths.get(type);
    }

    /** The active mechanisms with their strengths, composed in registry order. */
    public MechanismSet toModel() {
        List<Mechanism> modules = new java.util.ArrayList<>();
        for (MechanismType<?> t : MechanismRegistry.all()) {
            if (active.contains(t)) {
                modules.add(strengths.get(t.section()));
            }
        }
        return MechanismSet.of(modules);
    }
}
