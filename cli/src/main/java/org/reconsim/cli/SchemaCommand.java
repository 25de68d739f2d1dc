package org.reconsim.cli;

import java.util.concurrent.Callable;

import org.reconsim.engine.scenario.ScenarioSchema;
import org.reconsim.engine.targets.TargetSchema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim schema}: the scenario (or target-file) format as JSON Schema or as a Markdown field reference. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the scenario format (or with --targets the target-file format): JSON Schema for editors, "
                + "or the Markdown field reference.")
final class SchemaCommand implements Callable<Integer> {

    enum Format { json, markdown }

    @Option(names = "--format", description = "json (default) or markdown.")
    Format format = Format.json;

    @Option(names = "--targets", description = "The target-file format (docs/TARGETS.md) instead of the scenario format.")
    boolean targets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String text = targets
                ? format == Format.json ? TargetSchema.jsonSchema() : TargetSchema.markdownReference()
                : format == Format.json ? ScenarioSchema.jsonSchema() : ScenarioSchema.markdownReference();
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return ReconsimCommand.OK;
    }
}
