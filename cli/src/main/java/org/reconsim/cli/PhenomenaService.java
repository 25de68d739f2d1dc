package org.reconsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.reconsim.engine.EngineVersion;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.scenario.Experiment;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedExperiment;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.models.memory.MemoryModel;
import org.reconsim.results.phenomena.MechanismHypothesis;
import org.reconsim.results.phenomena.PhenomenaReport;
import org.reconsim.results.phenomena.PhenomenaSuite;
import org.reconsim.results.report.RunManifest;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical experiments, without the command line: runs every experiment of a
 * {@link PhenomenaRequest}'s folder under each requested memory model (and mechanism, where the
 * experiment has a matrix), writes phenomena.csv, report.html and manifest.json, and prints which
 * findings each reproduces. PhenomenaCommand only turns options into a request; tests call this
 * class directly.
 */
final class PhenomenaService {

    private final PrintWriter console;

    /** {@code console} receives the verdict table (and, unless quiet, the files written). */
    PhenomenaService(PrintWriter console) {
        this.console = console;
    }

    /** One experiment under one model; the hypothesis is null for an experiment without a mechanism matrix. */
    private record Job(Experiment experiment, MemoryModel<?> model, MechanismHypothesis hypothesis) {
    }

    /** Runs the requested experiments; returns the output folder. */
    Path run(PhenomenaRequest request) {
        List<LoadedExperiment> experiments = request.dir() == null ? BundledExperiments.read(PhenomenaService::load)
                : load(request.dir());
        List<Job> jobs = new ArrayList<>();
        for (LoadedExperiment le : experiments) {
            Experiment e = le.experiment();
            for (MemoryModel<?> m : request.models()) {
                if (!e.models().contains(m)) {
                    continue;
                }
                if (e.mechanismMatrix()) {
                    request.hypotheses().forEach(h -> jobs.add(new Job(e, m, h)));
                } else {
                    jobs.add(new Job(e, m, null));
                }
            }
        }
        int threadCount = ExecutionOptions.threadCount(request.threads());
        Instant started = Instant.now();
        Path folder = OutputFolder.create(request.out(), "phenomena", "run", OutputFolder.Reuse.of(request.force(), false));
        List<PhenomenaSuite.Result> results = new ArrayList<>();
        try (ReplicateRunner runner = new ReplicateRunner(threadCount)) {
            // results come back in job order, so the tables are the same on any number of threads
            runner.run(0, jobs.size(), i -> PhenomenaSuite.run(jobs.get(i).experiment(), jobs.get(i).model(), jobs.get(i).hypothesis()),
                    results::add);
        }
        PhenomenaReport.writeCsv(folder.resolve("phenomena.csv"), results);
        PhenomenaReport.writeHtml(folder.resolve("report.html"), results);
        RunManifest.writeAtomically(folder.resolve("manifest.json"), manifest(request, experiments, started, threadCount));
        console.print(PhenomenaReport.format(results));
        if (!request.quiet()) {
            console.println("Wrote " + folder.resolve("phenomena.csv") + " and report.html");
        }
        console.flush();
        return folder;
    }

    /**
     * Every experiment file in {@code dir}, ordered by phenomenon and name so that the tables do not
     * depend on file names; all files' problems are reported together.
     */
    private static List<LoadedExperiment> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("reconsim: --dir " + dir + " is not a folder of experiment files");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: cannot list " + dir + ": " + FileErrors.reason(e));
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

    /** Not a {@link RunManifest}: a phenomena run has many experiment files (each with its own seed), not one scenario. */
    private static String manifest(PhenomenaRequest request, List<LoadedExperiment> experiments, Instant started, int threadCount) {
        ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = json.createObjectNode();
        root.put("reconsim_version", EngineVersion.RECONSIM);
        root.put("mason_version", EngineVersion.MASON);
        root.put("command", "phenomena");
        ArrayNode args = root.putArray("command_line");
        request.commandLine().forEach(args::add);
        root.put("threads", threadCount);
        root.put("started", started.toString());
        root.put("finished", Instant.now().toString());
        ArrayNode ex = root.putArray("experiments");
        for (LoadedExperiment le : experiments) {
            ObjectNode o = ex.addObject();
            o.put("source", le.source());
            o.put("sha256", le.canonical().sha256());
            o.put("seed", le.experiment().seed());
        }
        return json.writeValueAsString(root) + "\n";
    }
}
