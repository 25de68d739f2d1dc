package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.models.mechanism.MechanismRegistry;
import org.reconsim.models.mechanism.MechanismType;
import org.reconsim.results.inference.DesignSimulator;
import org.reconsim.results.inference.Discrimination;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.report.DiscriminationReport;
import org.reconsim.results.report.RunManifest;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.SerializationFeature;

/**
 * Design discrimination, without the command line: checks a {@link DiscriminateRequest} (the
 * hypotheses, every design file, the sizes) before any simulation, runs model recovery for
 * every design and size ({@link Discrimination}), writes confusion.csv, accuracy.csv,
 * report.html and manifest.json, and prints the summary. DiscriminateCommand only turns options
 * into a request; tests call this class directly.
 */
final class DiscriminateService {

    /** Trials classified per hypothesis, design and size when --replicates is not given. */
    static final int DEFAULT_REPLICATES = 200;
    /**
     * Training trials per hypothesis, design and size when --training is not given (or --replicates,
     * if more): with about 80 statistics the fitted rule loses against the rule fitted on unlimited
     * training below about a thousand (docs/INFERENCE.md, "Design discrimination").
     */
    static final int DEFAULT_TRAINING = 1000;

    private final PrintWriter console;

    /** {@code console} receives the summary table (and, unless quiet, the files written). */
    DiscriminateService(PrintWriter console) {
        this.console = console;
    }

    /** Runs the comparison; returns the output folder. */
    Path run(DiscriminateRequest request) {
        List<String> hypotheses = hypotheses(request.hypotheses());
        List<Discrimination.Design> designs = designs(request);
        checkAccepted(designs, hypotheses);
        int replicates = request.replicates() == null ? DEFAULT_REPLICATES : request.replicates();
        int training = request.training() == null ? Math.max(replicates, DEFAULT_TRAINING) : request.training();
        if (replicates < 2 || training < 2) {
            throw new InvalidInputException("reconsim: " + (replicates < 2 ? "--replicates must be within 2..1000000, got " + replicates
                    : "--training must be within 2..1000000, got " + training));
        }
        int threads = ExecutionOptions.threadCount(request.threads());
        LoadedScenario first = designs.get(0).loaded();
        long seed = request.seed() == null ? first.scenario().simulation().seed() : request.seed();
        Path out = OutputFolder.create(request.out(), first.scenario().name(), "discriminate", request.execution().reuse());
        List<Discrimination.Cell> cells;
        try (InferenceRun run = InferenceRun.open(out, "discriminate", request.execution(), threads,
                designs.stream().map(d -> d.loaded().canonical().sha256()).toList());
             Progress progress = Progress.on(request.quiet(), request.progress(), "virtual trials",
                     Discrimination.trials(designs, hypotheses.size(), replicates, training))) {
            try {
                cells = Discrimination.run(designs, hypotheses, replicates, training, seed, run.engine(), progress::at);
            } catch (InvalidScenarioException e) {
                throw new IllegalStateException("a hypothesis checked against every design was refused: " + e.getMessage(), e);
            }
            DiscriminationReport.writeConfusion(out.resolve("confusion.csv"), cells);
            DiscriminationReport.writeAccuracy(out.resolve("accuracy.csv"), cells);
            DiscriminationReport.writeHtml(out.resolve("report.html"), cells, DiscriminationReport.designs(designs), seed, training);
            List<String> files = List.of("confusion.csv", "accuracy.csv", "report.html");
            RunManifest manifest = new RunManifest("discriminate", request.commandLine(), first, seed, threads, run.started(),
                    Instant.now(), files, run.describe());
            RunManifest.writeAtomically(out.resolve("manifest.json"), withDesigns(manifest, designs));
            run.finish();
        }
        console.print(DiscriminationReport.format(cells));
        if (!request.quiet()) {
            console.println("Wrote " + out.resolve("confusion.csv") + ", accuracy.csv and report.html");
        }
        console.flush();
        return out;
    }

    /**
     * The hypotheses as typed, checked: at least two, none twice, each {@code null} or registered
     * mechanism labels joined by '+' (the syntax of power's {@code mechanisms.active=discrete(...)}).
     */
    static List<String> hypotheses(List<String> typed) {
        List<String> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> labels = MechanismRegistry.all().stream().map(MechanismType::label).toList();
        for (String raw : typed) {
            String h = raw.trim();
            if (out.contains(h)) {
                problems.add("reconsim: --hypotheses: '" + h + "' is listed twice");
                continue;
            }
            List<String> unknown = AssurancePrior.mechanisms(h).stream().filter(m -> !labels.contains(m)).toList();
            if (!unknown.isEmpty()) {
                String which = unknown.size() == 1 && unknown.get(0).equals(h) ? "" : " (" + unknown.stream().map(m -> "'" + m + "'")
                        .collect(java.util.stream.Collectors.joining(", ")) + (unknown.size() == 1 ? " is" : " are") + " not a mechanism)";
                problems.add("reconsim: --hypotheses: unknown hypothesis '" + h + "'" + which + ": expected null or mechanism labels "
                        + "joined by '+' (" + String.join(", ", labels) + ")");
                continue;
            }
            out.add(h);
        }
        if (problems.isEmpty() && out.size() < 2) {
            problems.add("reconsim: --hypotheses: at least 2 hypotheses are needed to tell apart, got " + out.size() + " ("
                    + String.join(",", out) + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(out);
    }

    /** SCENARIO and every --design, each loaded (every file's problems at once), named and sized. */
    private static List<Discrimination.Design> designs(DiscriminateRequest request) {
        List<Path> files = new ArrayList<>(List.of(request.scenario()));
        files.addAll(request.designs());
        List<String> problems = new ArrayList<>();
        Map<String, LoadedScenario> loaded = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                LoadedScenario l = ScenarioInput.load(f);
                String name = l.scenario().name();
                if (loaded.containsKey(name)) {
                    problems.add("reconsim: --design " + f + ": a design named '" + name + "' is already compared (" + loaded.get(name).source()
                            + ")");
                } else {
                    loaded.put(name, l);
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.lines());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Discrimination.Design> out = new ArrayList<>();
        for (Map.Entry<String, LoadedScenario> d : loaded.entrySet()) {
            LoadedScenario l = d.getValue();
            List<Integer> sizes = request.sizes() == null ? List.of(l.scenario().design().nPerArm()) : request.sizes();
            sizes.forEach(n -> PatientsPerArm.analysable(l.scenario(), n));
            out.add(new Discrimination.Design(d.getKey(), l, sizes));
        }
        return out;
    }

    /** The manifest of the first design, plus every design's source and scenario hash (each design is a scenario). */
    private static String withDesigns(RunManifest manifest, List<Discrimination.Design> designs) {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = (ObjectNode) json.readTree(manifest.toJson());
        ArrayNode list = root.putArray("designs");
        for (Discrimination.Design d : designs) {
            ObjectNode o = list.addObject();
            o.put("design", d.label());
            o.put("source", d.loaded().source());
            o.put("sha256", d.loaded().canonical().sha256());
            ArrayNode sizes = o.putArray("n_per_arm");
            d.sizes().forEach(sizes::add);
        }
        return json.writeValueAsString(root) + "\n";
    }

    /** Every hypothesis is accepted by every design's scenario (a design without the drug the mechanism acts on still runs). */
    private static void checkAccepted(List<Discrimination.Design> designs, List<String> hypotheses) {
        for (Discrimination.Design d : designs) {
            for (String h : hypotheses) {
                try {
                    DesignSimulator.withHypothesis(d.loaded(), h);
                } catch (InvalidScenarioException e) {
                    throw new InvalidInputException(e.problems().stream().map(p -> "reconsim: --hypotheses " + h + ": " + p.message()).toList());
                }
            }
        }
    }
}
