package org.reconsim.engine.targets;

import org.reconsim.engine.scenario.LoadedScenario;

/**
 * A validated target file with the scenario it names.
 *
 * @param source   the target file as the user named it
 * @param targets  the bound findings
 * @param scenario the scenario the file names, loaded and validated
 */
public record LoadedTargets(String source, TargetFile targets, LoadedScenario scenario) {

    /** The finding with this id; IllegalArgumentException if there is none. */
    public Finding finding(String id) {
        return targets.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no finding " + id + " in " + source));
    }
}
