package org.reconsim.engine.targets;

import org.reconsim.engine.scenario.ScenarioSchema;

/** The target-file format as JSON Schema and as a Markdown field reference, generated from the {@code @Spec} records as the scenario's are. */
public final class TargetSchema {

    private TargetSchema() {
    }

    /** The JSON Schema (draft 2020-12) as indented text: scenarios/targets/targets.schema.json. */
    public static String jsonSchema() {
        return ScenarioSchema.jsonSchema(TargetFile.class, TargetFile.defaults(), "https://reconsim.org/targets.schema.json",
                "reconsim target file", "A published trial's results, finding by finding, and the scenario they belong to "
                        + "(docs/TARGETS.md). Generated from the target records by 'reconsim schema --targets'; do not edit by hand.");
    }

    /** The field reference as Markdown: the table in docs/TARGETS.md. */
    public static String markdownReference() {
        return ScenarioSchema.markdownReference(TargetFile.class, TargetFile.defaults());
    }
}
