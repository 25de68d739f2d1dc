package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Design;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.sim.PkSummary;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.dataset.PowerTable;
import org.reconsim.results.dataset.SampleSizeTable;
import org.reconsim.results.power.PowerAccumulator;
import org.reconsim.results.power.PowerJob;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.PowerSweep;
import org.reconsim.results.power.ReplicateExecutor;
import org.reconsim.results.power.SampleSizeSearch;
import org.reconsim.results.power.SampleSizeSolver;
import org.reconsim.results.power.SizeTarget;
import org.reconsim.results.report.PowerReport;
import org.reconsim.results.report.RunManifest;

/**
 * {@code power --target-power P}: the smallest size per arm reaching power P, searched per sweep
 * point by {@link SampleSizeSolver} (bracketing and bisection on one fixed set of virtual trials,
 * replicates 0..R-1 at every size) instead of read off a grid. Each size the solver asks for is
 * an ordinary power run at that one size, so power.csv holds the full rows of every size
 * simulated (every endpoint, visit and analysis), the same numbers a grid run at those sizes
 * gives; sample-size.csv holds the answer per point with its 95% interval.
 *
 * <p>A search keeps no state between sizes beyond their rows, so its checkpoint is its request:
 * {@code --resume} repeats the search from its first size, which reproduces the same sizes and
 * numbers (the trials are addressed by seed, replicate and patient, not by the order they run in).
 */
final class SampleSizeRun {

    /** The search's default upper bound, per arm [assumption: beyond a thousand per arm a PTSD trial is not a design question]. */
    static final int DEFAULT_MAX = 1000;

    private final PowerService.Setup setup;
    private final Checkpoint checkpoint;
    private final PrintWriter console;

    SampleSizeRun(PowerService.Setup setup, Checkpoint checkpoint, PrintWriter console) {
        this.setup = setup;
        this.checkpoint = checkpoint;
        this.console = console;
    }

    /**
     * The search's bounds as the sizes of its request: the smallest and largest of {@code given}
     * (--n-per-arm), or from the smallest size that gives every arm {@value Design#MIN_ARM_PATIENTS}
     * patients to {@link #DEFAULT_MAX}.
     */
    static List<Integer> bounds(Scenario s, List<Integer> given) {
        if (given != null) {
            int min = Collections.min(given);
            int max = Collections.max(given);
            return min == max ? List.of(min) : List.of(min, max);
        }
        int allocation = s.design().smallestArm().allocation();
        int min = Math.max(1, (Design.MIN_ARM_PATIENTS + allocation - 1) / allocation);
        return List.of(min, Math.max(min, DEFAULT_MAX));
    }

    Path execute() {
        PowerRequest run = setup.run();
        PowerExecution how = run.execution();
        Path out = checkpoint.dir();
        int min = Collections.min(setup.sizes());
        int max = Collections.max(setup.sizes());
        int last = setup.points().size() - 1;
        List<SizeTarget> targets = new ArrayList<>();
        for (LoadedScenario point : setup.points()) {
            targets.add(target(point, run));
        }
        try (OutputFolder.Lock lock = OutputFolder.lock(out, "power");
             Interrupts interrupts = Interrupts.watch("power", out, out.resolve(Checkpoint.FILE), false)) {
            List<PowerTable.SweepPoint> results = new ArrayList<>();
            List<SampleSizeSearch> searches = new ArrayList<>();
            PowerAccumulator details = null;
            String engineUsed;
            try (ReplicateExecutor executor = PowerService.openExecutor(how, setup.threads());
                 Progress progress = Progress.on(how.quiet(), how.progress(), "virtual trials (size search)", -1)) {
                engineUsed = executor.describe();
                long[] done = {0};
                for (int k = 0; k <= last; k++) {
                    LoadedScenario point = setup.points().get(k);
                    SizeTarget target = targets.get(k);
                    boolean keepDetails = k == last;
                    TreeMap<Integer, PowerAccumulator> simulated = new TreeMap<>();
                    SampleSizeSolver.Solution solution = SampleSizeSolver.solve(n -> {
                        PowerSweep sweep = new PowerSweep(List.of(new PowerJob(point, setup.seed(), List.of(n), setup.prior(), keepDetails)),
                                setup.replicates(), null);
                        // the request, so that an interrupted search can be started again with --resume
                        checkpoint.save(sweep);
                        long before = done[0];
                        sweep.run(executor, d -> progress.at(before + d), (s, finished) -> { });
                        done[0] = before + sweep.trialsDone();
                        PowerAccumulator acc = sweep.accumulators().get(0);
                        simulated.put(n, acc);
                        return acc.rows().stream().filter(target::matches).findFirst()
                                .orElseThrow(() -> new IllegalStateException("no power row for " + target.describe())).rejections();
                    }, setup.replicates(), target.power(), min, max);
                    List<PowerRow> rows = new ArrayList<>();
                    simulated.values().forEach(acc -> rows.addAll(acc.rows()));
                    results.add(new PowerTable.SweepPoint(setup.sweepField(), setup.sweepValues().get(k), rows));
                    searches.add(SampleSizeSearch.of(solution, rows, target, max));
                    if (keepDetails) {
                        details = simulated.lastEntry().getValue();
                    }
                }
            }
            PowerTable.writeSweep(out.resolve("power.csv"), results);
            SampleSizeTable.write(out.resolve("sample-size.csv"), results, searches);
            TrialPlan reportPlan = TrialPlan.compile(setup.points().get(last).scenario());
            PowerReport.write(out.resolve("report.html"), new PowerReport.Run(setup.loaded(), setup.seed(), results,
                    run.sweep() == null ? null : run.sweep().field(), setup.prior(), run.targetPower(), searches, details,
                    PkSummary.simulate(reportPlan, new RandomStreams(setup.seed()), 500, 24, 10), reportPlan.timeline()));
            new RunManifest("power", checkpoint.commandLine(), setup.loaded(), setup.seed(), setup.threads(), checkpoint.started(),
                    Instant.now(), List.of("power.csv", "sample-size.csv", "report.html"), engineUsed, setup.inputs()).write(out);
            checkpoint.remove();
            PowerService.print(console, setup, TrialPlan.compile(setup.loaded().scenario()), setup.replicates(), setup.replicates(),
                    results, searches, List.of(), out, false);
            return out;
        }
    }

    static SizeTarget target(LoadedScenario point, PowerRequest run) {
        SizeFor f = run.sizeFor();
        try {
            return SizeTarget.of(TrialPlan.compile(point.scenario()), run.targetPower(), f.contrast(), f.endpoint(), f.visit(),
                    f.analysis());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage().lines().map(line -> "reconsim: " + line).toList());
        }
    }
}
