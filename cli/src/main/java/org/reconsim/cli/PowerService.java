package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.engine.sim.PkSummary;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.dataset.PowerTable;
import org.reconsim.results.dataset.ReplicateTable;
import org.reconsim.results.dataset.StagesTable;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.LocalReplicateExecutor;
import org.reconsim.results.power.PowerAccumulator;
import org.reconsim.results.power.PowerJob;
import org.reconsim.results.power.PosteriorParticles;
import org.reconsim.results.power.PowerSweep;
import org.reconsim.results.power.ReplicateExecutor;
import org.reconsim.results.power.ReplicateExecutorProvider;
import org.reconsim.results.power.SampleSizeSearch;
import org.reconsim.results.power.SequentialPlan;
import org.reconsim.results.power.SweepValues;
import org.reconsim.results.power.TrialPrior;
import org.reconsim.results.report.PowerReport;
import org.reconsim.results.report.RunManifest;
import org.reconsim.results.report.StagesReport;

/**
 * Power by simulation, without the command line: resolves a {@link PowerRequest} against its
 * scenario, runs the virtual trials on the chosen engine while checkpointing, writes power.csv,
 * report.html, replicates.csv (when asked) and manifest.json, and prints the table. PowerCommand
 * only turns options into a request; tests call this class directly.
 */
final class PowerService {

    private final PrintWriter console;

    /** {@code console} receives the power table (and, unless quiet, a title and the files written). */
    PowerService(PrintWriter console) {
        this.console = console;
    }

    /** Runs a new power analysis; returns its output folder. */
    Path run(PowerRequest request) {
        Setup setup = Setup.of(request);
        Instant started = Instant.now();
        Path out = OutputFolder.create(request.out(), setup.loaded().scenario().name(), "power",
                OutputFolder.Reuse.of(request.execution().force(), false));
        return execute(setup, Checkpoint.start(out, started, setup.run().resolved(setup.seed(), setup.sizes(),
                setup.replicates(), out)), false);
    }

    /** Continues the interrupted run in {@code dir} with the options it started with; returns {@code dir}. */
    Path resume(Path dir, PowerExecution execution) {
        Checkpoint checkpoint = Checkpoint.open(dir);
        return execute(Setup.of(checkpoint.request(execution)), checkpoint, true);
    }

    /**
     * A request with the scenario's defaults filled in and one scenario per sweep point. A run
     * without a sweep is one point whose sweep value is NaN (written NA); an assurance run is one
     * point named after its prior ({@code assurance:TEXT}: --assurance's fields or --posterior's
     * particles), and a posterior's file is pinned by its SHA-256 for the checkpoint and listed in
     * the manifest's inputs.
     */
    record Setup(PowerRequest run, LoadedScenario loaded, List<Integer> sizes, int replicates, int threads, long seed,
                         List<LoadedScenario> points, String sweepField, List<Double> sweepValues, TrialPrior prior,
                         List<RunManifest.Input> inputs) {

        /** Checks in the order the user has always seen the messages: the scenario first, then what needs it. */
        static Setup of(PowerRequest run) {
            LoadedScenario loaded = ScenarioInput.load(run.scenario());
            Scenario s = loaded.scenario();
            List<Integer> sizes = run.targetPower() != null ? SampleSizeRun.bounds(s, run.sizes())
                    : run.sizes() == null ? List.of(s.design().nPerArm()) : run.sizes();
            sizes.forEach(n -> PatientsPerArm.analysable(s, n));
            if (run.targetPower() != null) {
                SampleSizeRun.target(loaded, run); // a name the scenario does not have is refused before anything runs
            }
            int replicates = run.replicates() == null ? s.simulation().replicates() : run.replicates();
            int threads = ExecutionOptions.threadCount(run.execution().threads());
            long seed = run.seed() == null ? s.simulation().seed() : run.seed();
            List<LoadedScenario> points = new ArrayList<>();
            String field = "NA";
            List<Double> values = List.of(Double.NaN);
            if (run.sweep() == null) {
                points.add(loaded);
            } else {
                field = run.sweep().field();
                values = run.sweep().values();
                for (double v : values) {
                    points.add(edit(loaded, "--sweep", field, v));
                }
            }
            TrialPrior prior = null;
            List<RunManifest.Input> inputs = List.of();
            if (run.assurance() != null) {
                AssurancePrior fields = run.assurance().prior();
                AssuranceSpec.checkAccepted(loaded, fields, "--assurance");
                prior = fields;
            }
            if (run.posterior() != null) {
                PosteriorParticles particles = PosteriorInput.load(run.posterior(), loaded);
                run = run.withPosterior(new PosteriorInput.Source(run.posterior().file(), particles.sha256()));
                inputs = List.of(new RunManifest.Input("posterior", run.posterior().file().toString(), particles.sha256()));
                prior = particles;
            }
            if (prior != null) {
                field = "assurance:" + prior.text();
            }
            if (run.targetPower() != null && s.design().interims().sequential()) {
                // the search's rows are fixed-size power; a group-sequential design's size needs its overall power
                throw new InvalidInputException("reconsim: --target-power sizes a fixed design; with design.interims run power at "
                        + "several --n-per-arm and read the overall power of each in sequential.csv");
            }
            for (LoadedScenario point : points) {
                for (int n : sizes) {
                    String why = SequentialPlan.problem(point.scenario(), n);
                    if (why != null) {
                        throw new InvalidInputException("reconsim: design.interims: " + why);
                    }
                }
            }
            return new Setup(run, loaded, sizes, replicates, threads, seed, points, field, values, prior, inputs);
        }

        private static LoadedScenario edit(LoadedScenario loaded, String option, String field, double v) {
            try {
                return ScenarioEdit.set(loaded, field, v);
            } catch (InvalidScenarioException e) {
                String what = "reconsim: " + option + " " + field + "=" + SweepValues.label(v) + ": ";
                throw new InvalidInputException(e.problems().stream().map(p -> what + p.message()).toList());
            }
        }
    }

    private Path execute(Setup setup, Checkpoint checkpoint, boolean resumed) {
        if (setup.run().targetPower() != null) {
            return new SampleSizeRun(setup, checkpoint, console).execute();
        }
        PowerRequest run = setup.run();
        PowerExecution how = run.execution();
        Path out = checkpoint.dir();
        List<PowerJob> jobs = new ArrayList<>();
        for (int k = 0; k < setup.points().size(); k++) {
            // only the last point's arm means are kept: the report draws that one
            jobs.add(new PowerJob(setup.points().get(k), setup.seed(), setup.sizes(), setup.prior(), k == setup.points().size() - 1));
        }
        PowerSweep sweep = new PowerSweep(jobs, setup.replicates(), run.precision());
        try (OutputFolder.Lock lock = OutputFolder.lock(out, "power");
             Interrupts interrupts = Interrupts.watch("power", out, out.resolve(Checkpoint.FILE), true)) {
            if (resumed) {
                checkpoint.restore(sweep);
            }
            ReplicateTable table = !run.replicateTable() ? null : new ReplicateTable(out.resolve("replicates.csv"),
                    resumed ? sweep.restoredLogPosition() : -1, setup.sweepField(), setup.sweepValues(), setup.sizes(),
                    jobs.get(0).methods().stream().map(AnalysisMethod::label).toList(), setup.prior());
            sweep.log(table);
            // at once, so that a run interrupted in its first seconds can be resumed too
            checkpoint.save(sweep);
            String engineUsed;
            try (ReplicateExecutor executor = openExecutor(how, setup.threads());
                 Progress progress = Progress.on(how.quiet(), how.progress(), "virtual trials", sweep.trialsPlanned())) {
                engineUsed = executor.describe();
                long[] last = {System.nanoTime()};
                sweep.run(executor, progress::at, (s, pointFinished) -> {
                    interrupts.boundary(() -> {
                        progress.close();
                        checkpoint.save(s);
                    });
                    long now = System.nanoTime();
                    if (pointFinished || now - last[0] >= (long) (how.checkpointSeconds() * 1e9)) {
                        checkpoint.save(s);
                        last[0] = System.nanoTime();
                    }
                });
            }
            List<PowerTable.SweepPoint> results = new ArrayList<>();
            for (int k = 0; k < setup.points().size(); k++) {
                results.add(new PowerTable.SweepPoint(setup.sweepField(), setup.sweepValues().get(k), sweep.accumulators().get(k).rows()));
            }
            PowerAccumulator details = sweep.accumulators().get(setup.points().size() - 1);
            PowerTable.writeSweep(out.resolve("power.csv"), results);
            List<StagesTable.Point> stages = StagesTable.points(setup.sweepField(), setup.sweepValues(), sweep.accumulators());
            if (!stages.isEmpty()) {
                StagesTable.write(out, stages);
            }
            TrialPlan reportPlan = jobs.get(jobs.size() - 1).plan();
            // every point, each under its own label (the trial details are of the last point, which keeps them)
            PowerReport.write(out.resolve("report.html"), new PowerReport.Run(setup.loaded(), setup.seed(), results,
                    run.sweep() == null ? null : run.sweep().field(), setup.prior(),
                    run.targetPower(), null, details, PkSummary.simulate(reportPlan, new RandomStreams(setup.seed()), 500, 24, 10),
                    reportPlan.timeline()), StagesReport.html(sweep.accumulators().stream().map(PowerAccumulator::sequential)
                    .filter(java.util.Objects::nonNull).toList(), run.sweep() == null ? null : run.sweep().field(), setup.sweepValues()));
            List<String> files = new ArrayList<>(List.of("power.csv", "report.html"));
            if (!stages.isEmpty()) {
                files.addAll(StagesTable.FILES);
            }
            if (table != null) {
                table.commit();
                files.add("replicates.csv");
            }
            new RunManifest("power", checkpoint.commandLine(), setup.loaded(), setup.seed(), setup.threads(), checkpoint.started(),
                    Instant.now(), files, engineUsed, setup.inputs()).write(out);
            checkpoint.remove();
            print(console, setup, jobs.get(0).plan(), sweep.accumulators().stream().mapToInt(PowerAccumulator::replicates).min().orElseThrow(),
                    sweep.accumulators().stream().mapToInt(PowerAccumulator::replicates).max().orElseThrow(), results, null, stages, out,
                    table != null);
            return out;
        }
    }

    /**
     * The table of every point, each point's size search when there is one ({@code searches}, else
     * null) and its group-sequential stages when the design has interims ({@code stages}, else
     * empty), and the files written; {@code fewest}..{@code most} virtual trials per size (with
     * --precision the points may have needed different numbers).
     */
    static void print(PrintWriter o, Setup setup, TrialPlan plan, int fewest, int most, List<PowerTable.SweepPoint> results,
                      List<SampleSizeSearch> searches, List<StagesTable.Point> stages, Path out, boolean replicateTable) {
        boolean quiet = setup.run().execution().quiet();
        if (!quiet) {
            List<org.reconsim.results.power.Contrast> contrasts = org.reconsim.results.power.Contrast.of(plan);
            String what = contrasts.size() == 1 ? contrasts.get(0).treatment() + " vs " + contrasts.get(0).control()
                    : contrasts.size() + " contrasts";
            o.println((setup.prior() == null ? "Power of " : "Assurance of ") + what + " ("
                    + setup.loaded().scenario().name() + ", " + (fewest == most ? "" + most : fewest + "-" + most)
                    + " virtual trials per sample size, alpha "
                    + setup.loaded().scenario().analysis().alpha() + ", seed " + setup.seed() + ")");
            if (setup.prior() != null) {
                o.println("Assurance: " + setup.prior().describe() + "; the power column is assurance, power averaged over that prior.");
            }
            if (setup.run().sweep() != null) {
                o.println("Sweep of " + setup.run().sweep().field() + " over " + setup.run().sweep().valueLabels());
            }
        }
        for (int k = 0; k < results.size(); k++) {
            PowerTable.SweepPoint point = results.get(k);
            if (setup.run().sweep() != null) {
                o.println(point.parameter() + " = " + point.label());
            }
            if (searches == null) {
                o.print(PowerTable.format(point.rows()));
            } else {
                // the row sized for at each size the search simulated; every row of those sizes is in power.csv
                o.print(PowerTable.format(point.rows().stream().filter(searches.get(k).target()::matches).toList()));
                o.println(searches.get(k).describe());
            }
            if (!stages.isEmpty()) {
                o.print(StagesTable.format(stages.get(k)));
            }
        }
        o.print(PowerTable.failureNote(results.stream().flatMap(p -> p.rows().stream()).toList()));
        if (!quiet) {
            o.println("Wrote " + out.resolve("power.csv") + (searches == null ? "" : " (every row of every size simulated), "
                    + "sample-size.csv") + ", report.html" + (replicateTable ? ", replicates.csv" : "")
                    + (stages.isEmpty() ? "" : ", " + String.join(", ", StagesTable.FILES)) + " and manifest.json");
        }
        o.flush();
    }

    /** The executor the engine names: local threads, or one a {@link ReplicateExecutorProvider} on the class path offers. */
    static ReplicateExecutor openExecutor(PowerExecution how, int threads) {
        String engine = how.engine();
        Integer partitions = how.partitions();
        if (engine.equals("local")) {
            if (partitions != null) {
                throw new InvalidInputException("reconsim: --partitions applies to --engine spark only");
            }
            return new LocalReplicateExecutor(threads);
        }
        for (ReplicateExecutorProvider p : ServiceLoader.load(ReplicateExecutorProvider.class)) {
            if (p.name().equals(engine)) {
                return p.open(threads, partitions == null ? 0 : partitions);
            }
        }
        throw Engines.unknown(engine);
    }
}
