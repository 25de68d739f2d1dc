package org.reconsim.engine.targets;

import java.util.OptionalDouble;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.models.spec.Spec;

/**
 * One published finding: a contrast between two arms on one endpoint at one visit, with the
 * published estimate, its posterior SD and interval when the publication gives numbers, and
 * always the claim the authors made. Only what was published is stored; the z and implied
 * standardized effect are derived ({@link #z()}, {@link #impliedD()}).
 */
public record Finding(
        @Spec(doc = "Identifier of the finding, unique in the file (lower-case letters, digits and '-')", required = true)
        String id,
        @Spec(doc = "The reconsim endpoint the finding is about", required = true) Endpoint endpoint,
        @Spec(doc = "The visit the finding is about", required = true) Visit visit,
        @Spec(doc = "The two arms compared", required = true) Contrast contrast,
        @Spec(doc = "Published estimate of treatment minus control, in the publication's units (with sd)") Double estimate,
        @Spec(doc = "Published posterior SD (or standard error) of the estimate (with estimate)", min = 0, minExclusive = true)
        Double sd,
        @Spec(doc = "Published interval around the estimate (needs estimate)") Interval interval,
        @Spec(doc = "Patients per arm behind the finding", required = true) ArmSizes n,
        @Spec(doc = "What the authors claim: lower, higher, no-difference, both-improve, improved-equally (docs/TARGETS.md)",
                required = true) Claim claim,
        @Spec(doc = "Units of estimate, sd and interval as published") String units,
        @Spec(doc = "Where in the publication the finding is stated (section, page, table)", required = true) String source,
        @Spec(doc = "Qualifiers as published (a marginal effect), and our reading where the mapping onto endpoint, visit or "
                + "sizes is not published (starting 'Our reading:')")
        String note) {

    /** Whether the publication gives numbers (estimate and sd) for this finding, not only a claim. */
    public boolean hasEstimate() {
        return estimate != null && sd != null;
    }

    /** The published z, estimate / sd; empty for a finding stated only qualitatively. */
    public OptionalDouble z() {
        return hasEstimate() ? OptionalDouble.of(estimate / sd) : OptionalDouble.empty();
    }

    /**
     * The standardized effect the published z implies for these arm sizes, z * sqrt(1/n1 + 1/n2)
     * (docs/TRIALS.md E); residual-scale when the published model adjusted for baseline.
     */
    public OptionalDouble impliedD() {
        return hasEstimate()
                ? OptionalDouble.of(estimate / sd * Math.sqrt(1.0 / n.treatment() + 1.0 / n.control()))
                : OptionalDouble.empty();
    }
}
