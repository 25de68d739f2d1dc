package org.reconsim.cli;

import java.util.concurrent.Callable;

import org.reconsim.engine.scenario.ScenarioSchema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim schema}: the scenario format as JSON Schema or as a Markdown field reference. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the scenario format: JSON Schema for editors, or the Markdown field reference.")
final class SchemaCommand implements Callable<Integer> {

    enum Format { json, markdown }

    @Option(names = "--format", description = "json (default) or markdown.")
    Format format = Format.json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(format == Format.json ? ScenarioSchema.jsonSchema() : ScenarioSchema.markdownReference());
        spec.commandLine().getOut().flush();
        return ReconsimCommand.OK;
    }
}
