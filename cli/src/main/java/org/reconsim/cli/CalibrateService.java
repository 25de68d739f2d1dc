package org.reconsim.cli;

import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.inference.CalibrationRecovery;
import org.reconsim.results.inference.Confusion;
import org.reconsim.results.inference.ModelRecovery;
import org.reconsim.results.inference.SummarySimulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.targets.Finding;
import org.reconsim.engine.targets.LoadedTargets;
import org.reconsim.results.inference.AbcPrior;
import org.reconsim.results.inference.AbcResult;
import org.reconsim.results.inference.AbcSettings;
import org.reconsim.results.inference.AbcSmc;
import org.reconsim.results.inference.FreeField;
import org.reconsim.results.inference.PosteriorPredictive;
import org.reconsim.results.inference.ScenarioSummarySimulator;
import org.reconsim.results.inference.WeightedSample;
import org.reconsim.results.report.CalibrationReport;
import org.reconsim.results.report.RunManifest;

/**
 * ABC-SMC calibration against a target file, without the command line (docs/INFERENCE.md,
 * Calibration): validates a {@link CalibrateRequest} (scenario, targets, free fields and priors,
 * hypotheses, settings) before anything is simulated or written, runs {@link AbcSmc} on the
 * trial model ({@link ScenarioSummarySimulator}), and writes the run folder
 * ({@link CalibrationFiles}, report.html, manifest.json). CalibrateCommand only turns options
 * into a request; tests call this class directly.
 */
final class CalibrateService {

    static final List<String> FILES = List.of("posterior.csv", "summary.csv", "report.html", "calibrated.yaml", "assurance.txt");

    private final PrintWriter console;

    CalibrateService(PrintWriter console) {
        this.console = console;
    }

    /** Runs the calibration; returns the output folder. */
    Path run(CalibrateRequest request) {
        LoadedScenario loaded = ScenarioInput.load(request.scenario());
        LoadedTargets targets = TargetsInput.load(request.targets());
        List<String> problems = new ArrayList<>();
        if (request.particles() < 2) {
            problems.add("reconsim: --particles must be at least 2, got " + request.particles());
        }
        if (request.generations() < 1) {
            problems.add("reconsim: --generations must be at least 1, got " + request.generations());
        }
        if (!(request.minTolerance() >= 0) || Double.isInfinite(request.minTolerance())) {
            problems.add("reconsim: --min-tolerance must be a finite number >= 0, got " + request.minTolerance());
        }
        if (request.budget() < request.particles()) {
            problems.add("reconsim: --budget must be at least --particles (" + request.particles() + "), got " + request.budget());
        }
        if (request.predictive() < 1) {
            problems.add("reconsim: --predictive-draws must be at least 1, got " + request.predictive());
        }
        if (request.recovery() < 0) {
            problems.add("reconsim: --recovery must be 0 (none) or at least 1, got " + request.recovery());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<FreeField> free = AssuranceSpec.free(request.free());
        int threads = ExecutionOptions.threadCount(request.threads());
        long seed = request.seed() == null ? loaded.scenario().simulation().seed() : request.seed();
        ScenarioSummarySimulator sim;
        try {
            sim = ScenarioSummarySimulator.of(loaded, targets, request.hypotheses(), free, seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Arrays.stream(e.getMessage().split("\n")).map(l -> "reconsim: " + l).toList());
        }
        double[] observed = sim.findings().stream().mapToDouble(f -> f.z().orElse(Double.NaN)).toArray();
        if (Arrays.stream(observed).allMatch(Double::isNaN)) {
            throw new InvalidInputException("reconsim: " + request.targets() + ": no finding publishes an estimate and sd, so there is "
                    + "no observed z to calibrate against");
        }
        AbcPrior prior = AbcPrior.uniformOver(sim.hypotheses().size(), free.stream().map(FreeField::prior).toList());
        AbcSettings settings = new AbcSettings(request.particles(), request.generations(), request.minTolerance(), request.budget(),
                0.5, 0.7, threads, seed);

        Path out = OutputFolder.create(request.out(), loaded.scenario().name(), "calibrate", request.execution().reuse());
        Instant started;
        AbcResult result;
        Confusion recovery;
        try (InferenceRun run = InferenceRun.open(out, "calibrate", request.execution(), threads,
                List.of(loaded.canonical().sha256(), InferenceRun.sha256(request.targets())))) {
            started = run.started();
            if (!request.quiet()) {
                console.println("Calibrating " + loaded.scenario().name() + " against " + targets.targets().name() + " ("
                        + Arrays.stream(observed).filter(z -> !Double.isNaN(z)).count() + " published z): " + sim.hypotheses().size()
                        + " hypothes" + (sim.hypotheses().size() == 1 ? "is" : "es") + ", " + free.size() + " free field(s), "
                        + request.particles() + " particles, seed " + seed);
                console.flush();
            }
            try (Progress bar = Progress.on(request.quiet(), request.progress(), "simulated trials (budget)", request.budget())) {
                result = new AbcSmc(sim, observed, prior, settings).run(Progress.counting(run.engine(), bar), (g, sims) -> {
                if (!request.quiet()) {
                    console.println(String.format(Locale.ROOT, "generation %d: tolerance %.4g, %d simulated trials (%d in all), ESS %.0f, P = %s",
                            g.index(), g.tolerance(), g.simulations(), sims, g.effectiveSampleSize(),
                            probabilities(sim.hypotheses(), g.modelProbabilities(sim.hypotheses().size()))));
                    console.flush();
                }
                });
            }
            List<PosteriorPredictive.Draws> predictive = new ArrayList<>();
            double[] p = result.modelProbabilities();
            for (int m = 0; m < p.length; m++) {
                if (p[m] > 0) {
                    predictive.add(PosteriorPredictive.simulate(sim, result.posterior(), m, request.predictive(), seed, run.engine()));
                }
            }
            List<String> statistics = sim.findings().stream().map(Finding::id).toList();
            CalibrationFiles files = new CalibrationFiles(sim, prior, result);
            files.write(out, loaded);
            recovery = recovery(request, sim, observed, result, prior, run.engine());
            if (recovery != null) {
                CalibrationRecovery.write(out.resolve(CalibrationRecovery.FILE), recovery);
            }
            boolean[] logScale = new boolean[free.size()];
            for (int i = 0; i < logScale.length; i++) {
                logScale[i] = prior.logScale(i);
            }
            RunManifest.writeAtomically(out.resolve("report.html"), CalibrationReport.html("Calibration of " + loaded.scenario().name()
                            + " against " + targets.targets().name(), result, free.stream().map(FreeField::text).toList(), logScale,
                    statistics, observed, predictive));
            List<String> written = new ArrayList<>(FILES);
            if (recovery != null) {
                written.add(CalibrationRecovery.FILE);
            }
            new RunManifest("calibrate", request.commandLine(), loaded, seed, threads, started, Instant.now(), written, run.describe())
                    .write(out);
            run.finish();
        }
        console.print(summary(result, prior));
        if (recovery != null) {
            console.print(CalibrationRecovery.format(recovery));
        }
        if (!request.quiet()) {
            console.println(String.format(Locale.ROOT, "Stopped: %s; %d simulated trials in %.1f s. Wrote %s", result.stopReason(),
                    result.simulations(), java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0,
                    out.resolve("posterior.csv"))
                    + ", summary.csv, report.html, calibrated.yaml, assurance.txt, " + (recovery != null ? "recovery.csv, " : "")
                    + "manifest.json");
        }
        console.flush();
        return out;
    }

    /**
     * Model recovery on the statistics the calibration used (Robert et al. 2011: ABC model choice
     * is only as good as its statistics): pilots simulated under each hypothesis at the posterior
     * medians of the most probable one, each classified by a linear discriminant trained on
     * {@link #trainingTrials} others (docs/INFERENCE.md, Design discrimination). Null with fewer
     * than two hypotheses.
     */
    private static Confusion recovery(CalibrateRequest request, ScenarioSummarySimulator sim, double[] observed, AbcResult result,
                                      AbcPrior prior, EvaluationEngine engine) {
        if (request.recovery() == 0 || sim.hypotheses().size() < 2) {
            return null;
        }
        double[] p = result.modelProbabilities();
        int best = 0;
        for (int m = 1; m < p.length; m++) {
            if (p[m] > p[best]) {
                best = m;
            }
        }
        double[] theta = new double[prior.dimension()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = result.posterior().marginal(best, i).quantile(0.5);
        }
        SummarySimulator used = CalibrationRecovery.observedOnly(sim, observed);
        return ModelRecovery.run(used, theta, request.recovery(), trainingTrials(request.recovery()), engine, n -> { });
    }

    /** Training pilots per hypothesis for {@code recovery} test pilots: five times as many, at most 1000 (at least 50). */
    static int trainingTrials(int recovery) {
        return Math.max(50, Math.min(1000, 5 * recovery));
    }

    private static String probabilities(List<String> hypotheses, double[] p) {
        List<String> parts = new ArrayList<>();
        for (int m = 0; m < p.length; m++) {
            parts.add(String.format(Locale.ROOT, "%s %.3f", hypotheses.get(m), p[m]));
        }
        return String.join(", ", parts);
    }

    /** The console table: each hypothesis's probability and, under it, each parameter's median and 90% interval. */
    static String summary(AbcResult result, AbcPrior prior) {
        StringBuilder s = new StringBuilder();
        double[] p = result.modelProbabilities();
        for (int m = 0; m < p.length; m++) {
            s.append(String.format(Locale.ROOT, "%-40s P = %.3f (ESS %.0f)%n", result.hypotheses().get(m), p[m],
                    result.posterior().effectiveSampleSize(m)));
            if (p[m] == 0) {
                continue;
            }
            for (int i = 0; i < prior.dimension(); i++) {
                WeightedSample w = result.posterior().marginal(m, i);
                s.append(String.format(Locale.ROOT, "    %-36s median %.4g, 90%% interval %.4g .. %.4g%n", result.parameters().get(i),
                        w.quantile(0.5), w.quantile(0.05), w.quantile(0.95)));
            }
        }
        return s.toString();
    }
}
