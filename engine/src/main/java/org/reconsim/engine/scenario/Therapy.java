package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** The therapy course (scenario section {@code therapy}). */
public record Therapy(@Spec(doc = "Dropout from therapy") Dropout dropout) {

    public static Therapy defaults() {
        return new Therapy(Dropout.defaults());
    }
}
