package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** An endpoint-visit pair of the multiplicity family ({@code analysis.family}). */
public record FamilyMember(
        @Spec(doc = "Endpoint", required = true) Endpoint endpoint,
        @Spec(doc = "Visit (post, fu30 or fu90)", required = true) Visit visit) {
}
