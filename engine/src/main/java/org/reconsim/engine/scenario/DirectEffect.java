package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** A treatment effect written in outcome units (an entry of {@code direct_effects}). */
public record DirectEffect(
        @Spec(doc = "Endpoint the effect is added to", required = true) Endpoint endpoint,
        @Spec(doc = "Treatment minus control effect at every post-baseline visit, in the endpoint's units", required = true)
        double effect) {
}
