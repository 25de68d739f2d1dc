package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import java.util.List;

/**
 * A scenario file: one virtual trial design with its science. Field names are written in
 * snake_case in files; every field's meaning, unit, range and default source is in its
 * {@link Spec}. Defaults live in the {@code defaults()} methods, each line citing its source.
 */
public record Scenario(
        @Spec(doc = "Scenario name, used in output folder names", required = true) String name,
        @Spec(doc = "Free text describing the scenario") String description,
        @Spec(doc = "Trial design: arms, sample size, sites", required = true) Design design,
        @Spec(doc = "Protocol timeline") Protocol protocol,
        @Spec(doc = "Virtual patient population") Population population,
        @Spec(doc = "Trauma-memory model") Memory memory,
        @Spec(doc = "Pharmacokinetics and receptor occupancy") Pharmacology pharmacology,
        @Spec(doc = "Which drug-mechanism hypotheses are true, and their strengths") Mechanisms mechanisms,
        @Spec(doc = "Therapy course: dropout") Therapy therapy,
        @Spec(doc = "Observation models from latent state to outcomes") Measurement measurement,
        @Spec(doc = "Analysis plan") Analysis analysis,
        @Spec(doc = "Simulation defaults") Simulation simulation,
        @Spec(doc = "Direct-effect mode: arm effects in outcome units added to the treatment arm's post-baseline values "
                + "(conventional power analysis; needs mechanisms.active: [])") List<DirectEffect> directEffects) {

    public Scenario {
        directEffects = ReadOnly.list(directEffects);
    }

    public Scenario withDesign(Design d) {
        return new Scenario(name, description, d, protocol, population, memory, pharmacology, mechanisms, therapy, measurement, analysis,
                simulation, directEffects);
    }

    public Scenario withProtocol(Protocol p) {
        return new Scenario(name, description, design, p, population, memory, pharmacology, mechanisms, therapy, measurement, analysis,
                simulation, directEffects);
    }

    public Scenario withMemory(Memory m) {
        return new Scenario(name, description, design, protocol, population, m, pharmacology, mechanisms, therapy, measurement, analysis,
                simulation, directEffects);
    }

    public Scenario withMechanisms(Mechanisms m) {
        return new Scenario(name, description, design, protocol, population, memory, pharmacology, m, therapy, measurement, analysis,
                simulation, directEffects);
    }

    public Scenario withDirectEffects(List<DirectEffect> effects) {
        return new Scenario(name, description, design, protocol, population, memory, pharmacology, mechanisms, therapy, measurement,
                analysis, simulation, List.copyOf(effects));
    }

    public Scenario withTherapy(Therapy t) {
        return new Scenario(name, description, design, protocol, population, memory, pharmacology, mechanisms, t, measurement, analysis,
                simulation, directEffects);
    }

    public static Scenario defaults() {
        return new Scenario(null, "", null, Protocol.defaults(), Population.defaults(), Memory.defaults(),
                Pharmacology.defaults(), Mechanisms.defaults(), Therapy.defaults(), Measurement.defaults(),
                Analysis.defaults(), Simulation.defaults(), List.of());
    }

}
