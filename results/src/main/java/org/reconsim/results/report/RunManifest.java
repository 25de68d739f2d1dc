package org.reconsim.results.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import org.reconsim.engine.EngineVersion;
import org.reconsim.engine.scenario.CanonicalForm;
import org.reconsim.engine.scenario.LoadedScenario;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json}: everything needed to reproduce a run (reconsim and MASON versions,
 * the scenario's hash and complete content, seed, command line, thread count) and when it ran.
 *
 * @param command      subcommand
 * @param commandLine  the arguments as given
 * @param scenario     the scenario run
 * @param seed         master seed used
 * @param threads      worker threads
 * @param started      start time
 * @param finished     end time
 * @param outputs      files written, relative to the output folder
 * @param engine       where the replicates ran, e.g. {@code local (2 threads)} or {@code spark local[2], 3 partitions}
 * @param inputs       files besides the scenario whose content decides the results (e.g. power's
 *                     {@code --posterior}), each with its SHA-256; written only when there is one
 */
public record RunManifest(String command, List<String> commandLine, LoadedScenario scenario, long seed, int threads,
                          Instant started, Instant finished, List<String> outputs, String engine, List<Input> inputs) {

    /**
     * An input file.
     *
     * @param role    what the run used it for, e.g. {@code posterior}
     * @param file    its path as the run was given it
     * @param sha256  SHA-256 of its bytes, hexadecimal
     */
    public record Input(String role, String file, String sha256) {
    }

    public RunManifest {
        commandLine = List.copyOf(commandLine);
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
    }

    /** A run that read no file besides its scenario. */
    public RunManifest(String command, List<String> commandLine, LoadedScenario scenario, long seed, int threads,
                       Instant started, Instant finished, List<String> outputs, String engine) {
        this(command, commandLine, scenario, seed, threads, started, finished, outputs, engine, List.of());
    }

    /** A run on local threads. */
    public RunManifest(String command, List<String> commandLine, LoadedScenario scenario, long seed, int threads,
                       Instant started, Instant finished, List<String> outputs) {
        this(command, commandLine, scenario, seed, threads, started, finished, outputs,
                "local (" + threads + (threads == 1 ? " thread)" : " threads)"));
    }

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("reconsim_version", EngineVersion.RECONSIM);
        root.put("mason_version", EngineVersion.MASON);
        root.put("java_version", System.getProperty("java.version"));
        root.put("command", command);
        ArrayNode args = root.putArray("command_line");
        commandLine.forEach(args::add);
        root.put("seed", seed);
        root.put("threads", threads);
        root.put("engine", engine);
        root.put("started", started.toString());
        root.put("finished", finished.toString());
        ObjectNode sc = root.putObject("scenario");
        sc.put("source", scenario.source());
        sc.put("sha256", scenario.canonical().sha256());
        sc.set("content", CanonicalForm.toTree(scenario.scenario()));
        if (!inputs.isEmpty()) {
            ArrayNode in = root.putArray("inputs");
            for (Input i : inputs) {
                in.addObject().put("role", i.role()).put("file", i.file()).put("sha256", i.sha256());
            }
        }
        ArrayNode out = root.putArray("outputs");
        outputs.forEach(out::add);
        return JSON.writeValueAsString(root) + "\n";
    }

    /** Writes the manifest atomically into {@code folder}. */
    public void write(Path folder) {
        writeAtomically(folder.resolve("manifest.json"), toJson());
    }

    /** Writes text to a temporary name, then renames it into place. */
    public static void writeAtomically(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
