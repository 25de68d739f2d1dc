package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** A per-endpoint exception to the hypothesized direction ({@code analysis.hypotheses}). */
public record Hypothesis(
        @Spec(doc = "Endpoint", required = true) Endpoint endpoint,
        @Spec(doc = "Hypothesized direction of treatment minus control at this endpoint", required = true)
        Direction direction) {
}
