package org.reconsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.scenario.Experiment;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedExperiment;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.models.memory.MemoryModel;
import org.reconsim.models.memory.MemoryModelRegistry;
import org.reconsim.results.phenomena.MechanismHypothesis;
import org.reconsim.results.phenomena.PhenomenaReport;
import org.reconsim.results.phenomena.PhenomenaSuite;
import org.reconsim.results.report.RunManifest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim phenomena}: runs the canonical experiments and says which the memory models reproduce. */
@Command(name = "phenomena", mixinStandardHelpOptions = true,
        description = "Run the canonical reconsolidation and extinction experiments (scenarios/phenomena) and report, for each "
                + "memory model and NMDA-antagonist mechanism, which findings it reproduces; writes phenomena.csv and report.html.")
final class PhenomenaCommand implements Callable<Integer> {

    @Option(names = "--model", completionCandidates = ModelLabels.class,
            description = "${COMPLETION-CANDIDATES} or all (default: all).")
    String model = "all";

    @Option(names = "--mechanisms", paramLabel = "LIST",
            description = "Mechanism hypotheses for the NMDA-antagonist rows, e.g. null,M1,M3 (default: all).")
    String mechanisms;

    @Option(names = "--dir", description = "Folder of experiment files (default: scenarios/phenomena).")
    Path dir = Path.of("scenarios", "phenomena");

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", description = "Output folder (default: runs/phenomena-<time>/).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but results and errors.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private record Job(Experiment experiment, MemoryModel<?> model, MechanismHypothesis hypothesis) {
    }

    @Override
    public Integer call() {
        List<MemoryModel<?>> models = models();
        List<MechanismHypothesis> hypotheses;
        try {
            hypotheses = mechanisms == null ? List.of(MechanismHypothesis.values()) : MechanismHypothesis.parse(mechanisms);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reconsim: --mechanisms: " + e.getMessage());
        }
        List<LoadedExperiment> experiments = load();
        List<Job> jobs = new ArrayList<>();
        for (LoadedExperiment le : experiments) {
            Experiment e = le.experiment();
            for (MemoryModel<?> m : models) {
                if (!e.models().contains(m)) {
                    continue;
                }
                if (e.mechanismMatrix()) {
                    hypotheses.forEach(h -> jobs.add(new Job(e, m, h)));
                } else {
                    jobs.add(new Job(e, m, null));
                }
            }
        }
        int threadCount = ExecutionOptions.threadCount(threads);
        Instant started = Instant.now();
        Path folder = OutputFolder.create(out, "phenomena", "run");
        List<PhenomenaSuite.Result> results = new ArrayList<>();
        try (ReplicateRunner runner = new ReplicateRunner(threadCount)) {
            runner.run(0, jobs.size(), i -> PhenomenaSuite.run(jobs.get(i).experiment(), jobs.get(i).model(), jobs.get(i).hypothesis()),
                    results::add);
        }
        PhenomenaReport.writeCsv(folder.resolve("phenomena.csv"), results);
        PhenomenaReport.writeHtml(folder.resolve("report.html"), results);
        RunManifest.writeAtomically(folder.resolve("manifest.json"), manifest(experiments, started, threadCount));
        PrintWriter o = spec.commandLine().getOut();
        o.print(PhenomenaReport.format(results));
        if (!quiet) {
            o.println("Wrote " + folder.resolve("phenomena.csv") + " and report.html");
        }
        o.flush();
        return ReconsimCommand.OK;
    }

    private List<MemoryModel<?>> models() {
        if (model.equals("all")) {
            return MemoryModel.values();
        }
        return MemoryModelRegistry.byLabel(model).map(m -> List.<MemoryModel<?>>of(m)).orElseThrow(() -> {
            List<String> allowed = new ArrayList<>(new ModelLabels());
            allowed.add("all");
            return new InvalidInputException("reconsim: --model must be one of " + String.join(", ", allowed) + ", got '" + model + "'");
        });
    }

    /** The registered memory models' labels, for the option's description (a registered model is choosable at once). */
    static final class ModelLabels extends java.util.AbstractList<String> {
        @Override
        public String get(int i) {
            return MemoryModel.values().get(i).label();
        }

        @Override
        public int size() {
            return MemoryModel.values().size();
        }
    }

    private List<LoadedExperiment> load() {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("reconsim: --dir " + dir + " is not a folder of experiment files");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: cannot list " + dir + ": " + e.getMessage());
        }
        List<LoadedExperiment> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(ScenarioLoader.loadExperiment(f));
            } catch (InvalidScenarioException e) {
                e.problems().stream().map(Problem::toString).forEach(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("reconsim: no experiment files (*.yaml) in " + dir);
        }
        out.sort(Comparator.comparingInt((LoadedExperiment le) -> le.experiment().phenomenon()).thenComparing(le -> le.experiment().name()));
        return out;
    }

    private String manifest(List<LoadedExperiment> experiments, Instant started, int threadCount) {
        tools.jackson.databind.ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
        tools.jackson.databind.node.ObjectNode root = json.createObjectNode();
        root.put("reconsim_version", org.reconsim.engine.EngineVersion.RECONSIM);
        root.put("mason_version", org.reconsim.engine.EngineVersion.MASON);
        root.put("command", "phenomena");
        tools.jackson.databind.node.ArrayNode args = root.putArray("command_line");
        spec.commandLine().getParseResult().originalArgs().forEach(args::add);
        root.put("threads", threadCount);
        root.put("started", started.toString());
        root.put("finished", Instant.now().toString());
        tools.jackson.databind.node.ArrayNode ex = root.putArray("experiments");
        for (LoadedExperiment le : experiments) {
            tools.jackson.databind.node.ObjectNode o = ex.addObject();
            o.put("source", le.source());
            o.put("sha256", le.canonical().sha256());
            o.put("seed", le.experiment().seed());
        }
        return json.writeValueAsString(root) + "\n";
    }
}
