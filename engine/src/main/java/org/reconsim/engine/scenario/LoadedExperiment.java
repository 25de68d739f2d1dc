package org.reconsim.engine.scenario;

/**
 * A validated experiment of the phenomena suite.
 *
 * @param source      the file as the user named it
 * @param experiment  the bound experiment, defaults filled in
 * @param canonical   canonical JSON and its SHA-256
 */
public record LoadedExperiment(String source, Experiment experiment, CanonicalForm canonical) {
}
