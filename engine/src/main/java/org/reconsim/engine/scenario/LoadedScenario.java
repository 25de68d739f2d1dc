package org.reconsim.engine.scenario;

/**
 * A validated scenario with its canonical form.
 *
 * @param source    the file as the user named it
 * @param scenario  the bound scenario, defaults filled in
 * @param canonical canonical JSON of the complete scenario and its SHA-256
 */
public record LoadedScenario(String source, Scenario scenario, CanonicalForm canonical) {
}
