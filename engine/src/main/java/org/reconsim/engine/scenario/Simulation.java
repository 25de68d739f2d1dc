package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** Simulation defaults (scenario section {@code simulation}). */
public record Simulation(
        @Spec(doc = "Replicates (virtual trials) per sample size for power", min = 1, max = 100000000) int replicates,
        @Spec(doc = "Master seed of all random streams", min = 0) long seed) {

    public static Simulation defaults() {
        return new Simulation(1000, 20210601L);
    }
}
