package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** A truncated normal distribution as scenario files write it. */
public record Normal(
        @Spec(doc = "Mean") double mean,
        @Spec(doc = "Standard deviation", min = 0) double sd,
        @Spec(doc = "Lower truncation bound") double min,
        @Spec(doc = "Upper truncation bound") double max) {
}
