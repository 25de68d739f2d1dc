package org.reconsim.engine.targets;

import java.util.List;

import org.reconsim.engine.scenario.ReadOnly;
import org.reconsim.models.spec.Spec;

/**
 * A target file: the published results of one trial report, finding by finding, and the
 * scenario that describes the trial (docs/TARGETS.md).
 */
public record TargetFile(
        @Spec(doc = "Name of the target set (letters, digits, '.', '-' and '_'), e.g. duek-2021", required = true) String name,
        @Spec(doc = "Free text describing the publication and how its results were read") String description,
        @Spec(doc = "The scenario file describing this trial, relative to the target file (e.g. ../duek-2021.yaml)",
                required = true) String scenario,
        @Spec(doc = "Full citation of the publication the findings come from", required = true) String source,
        @Spec(doc = "The published findings, one per endpoint, visit and contrast", required = true, minItems = 1)
        List<Finding> findings) {

    public TargetFile {
        findings = ReadOnly.list(findings);
    }

    /** A file with nothing given: the binder's starting point. */
    public static TargetFile defaults() {
        return new TargetFile(null, "", null, null, List.of());
    }
}
