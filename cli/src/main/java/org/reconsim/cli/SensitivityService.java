package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.results.power.AnalysisLayout;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.PowerJob;
import org.reconsim.results.power.PriorDistribution;
import org.reconsim.results.power.ResultKey;
import org.reconsim.results.report.RunManifest;
import org.reconsim.results.sensitivity.SaltelliDesign;
import org.reconsim.results.sensitivity.SensitivityReport;
import org.reconsim.results.sensitivity.SensitivityTable;
import org.reconsim.results.sensitivity.SobolAnalysis;
import org.reconsim.results.sensitivity.TrialModel;
import org.reconsim.results.sensitivity.TrialOutput;

/**
 * Global sensitivity without the command line: checks a {@link SensitivityRequest} against its
 * scenario (every problem before any simulation, one line each), evaluates the trial output on
 * a Saltelli design ({@link SobolAnalysis} over a {@link TrialModel}), writes sensitivity.csv,
 * evaluations.csv, report.html and manifest.json, and prints the indices. SensitivityCommand only
 * turns options into a request; tests call this class directly.
 */
final class SensitivityService {

    private static final String OPTION = "--vary";

    private final PrintWriter console;

    /** {@code console} receives the table (and, unless quiet, a title and the files written). */
    SensitivityService(PrintWriter console) {
        this.console = console;
    }

    /** Runs the analysis; returns its output folder. */
    Path run(SensitivityRequest request) {
        LoadedScenario loaded = ScenarioInput.load(request.scenario());
        Scenario s = loaded.scenario();
        List<String> problems = new ArrayList<>();
        AssurancePrior prior = fields(loaded, request.vary(), problems);
        TrialOutput.Quantity quantity = TrialOutput.Quantity.named(request.output()).orElse(null);
        if (quantity == null) {
            problems.add("reconsim: --output: expected power, mean_z or effect_d, got '" + request.output() + "'");
        }
        long seed = request.seed() == null ? s.simulation().seed() : request.seed();
        int n = s.design().nPerArm();
        PowerJob base = new PowerJob(loaded, seed, List.of(n), null, false, 0); // for its layout only
        TrialOutput output = output(base, request, quantity, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int threads = ExecutionOptions.threadCount(request.threads());
        Path out = OutputFolder.create(request.out(), s.name(), "sensitivity", request.execution().reuse());
        TrialModel model = new TrialModel(loaded, prior, seed, request.replicates(), n, output);
        SaltelliDesign design = new SaltelliDesign(request.samples(), prior.fields().size());
        SensitivityTable.Labels labels = new SensitivityTable.Labels(prior.fields().stream().map(AssurancePrior.Field::field).toList(),
                prior.fields().stream().map(AssurancePrior.Field::text).toList(), request.replicates(), output.describe());
        try (InferenceRun run = InferenceRun.open(out, "sensitivity", request.execution(), threads, List.of(loaded.canonical().sha256()))) {
            SobolAnalysis.Outcome outcome;
            try (Progress progress = Progress.on(request.quiet(), request.progress(), "virtual trials",
                    (long) design.evaluations() * request.replicates())) {
                outcome = SobolAnalysis.run(model, design, run.engine(), request.bootstrap(), seed,
                        done -> progress.at(done * request.replicates()));
            }
            SensitivityTable.write(out.resolve("sensitivity.csv"), labels, outcome.indices());
            SensitivityTable.writeEvaluations(out.resolve("evaluations.csv"), labels, design, outcome.evaluations(), model::values);
            SensitivityReport.write(out.resolve("report.html"), loaded, labels, outcome.indices(), n, seed);
            List<String> files = List.of("sensitivity.csv", "evaluations.csv", "report.html");
            new RunManifest("sensitivity", request.commandLine(), loaded, seed, threads, run.started(), Instant.now(), files,
                    run.describe()).write(out);
            run.finish();
            print(request, loaded, labels, outcome, seed, out);
        }
        return out;
    }

    /** The varied fields as an independent prior, or null after adding every problem. */
    private static AssurancePrior fields(LoadedScenario loaded, List<String> texts, List<String> problems) {
        List<String> parsable = new ArrayList<>();
        for (String text : texts) {
            int eq = text.indexOf('=');
            String field = eq < 0 ? "" : text.substring(0, eq).trim();
            String fixed = fixed(field);
            if (fixed != null) {
                problems.add("reconsim: " + OPTION + " " + field + ": " + fixed);
            } else {
                parsable.add(text);
            }
        }
        List<AssurancePrior.Field> fields = new ArrayList<>();
        for (AssurancePrior.Field f : AssuranceSpec.fields(OPTION, parsable, problems)) {
            if (f.distribution() instanceof PriorDistribution.Discrete) {
                problems.add("reconsim: " + OPTION + " " + f.field() + "=" + f.text() + ": Sobol indices need a continuous prior: "
                        + "uniform(lo,hi), normal(mean,sd,lo,hi), lognormal(meanlog,sdlog[,lo,hi]), loguniform(lo,hi) or beta(a,b[,lo,hi])");
            } else {
                fields.add(f);
            }
        }
        if (fields.isEmpty()) {
            return null;
        }
        double[][] identity = new double[fields.size()][fields.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i][i] = 1;
        }
        AssurancePrior prior = new AssurancePrior(fields, identity);
        try {
            AssuranceSpec.checkAccepted(loaded, prior, OPTION);
        } catch (InvalidInputException e) {
            problems.addAll(e.lines());
        }
        return prior;
    }

    /** Why a field cannot vary, or null when it may (whether it exists and is numeric is the scenario's to say). */
    static String fixed(String field) {
        String fixed = ScenarioEdit.fixedReason(field);
        if (fixed != null) {
            return "cannot vary: " + fixed;
        }
        if (field.equals(AssurancePrior.MECHANISMS)) {
            return "cannot vary: a set of mechanism hypotheses, not a number (compare hypotheses with power --assurance or one "
                    + "analysis per hypothesis)";
        }
        return null;
    }

    /** The output the request reads: the first contrast and method, its endpoint and visit checked against the analysis; null on a problem. */
    private static TrialOutput output(PowerJob base, SensitivityRequest request, TrialOutput.Quantity quantity, List<String> problems) {
        Scenario s = base.scenario();
        AnalysisLayout analyses = base.layout().analyses();
        List<ResultKey> keys = base.layout().keys(base.largestSize());
        String endpoint = request.endpoint() == null ? s.analysis().primaryEndpoint().label() : request.endpoint();
        String visit = request.visit() == null ? s.analysis().primaryVisit().label() : request.visit();
        List<String> endpoints = keys.stream().map(k -> k.endpoint().label()).distinct().toList();
        if (!endpoints.contains(endpoint)) {
            problems.add("reconsim: --endpoint: expected one of " + String.join(", ", endpoints) + ", got '" + endpoint + "'");
            return null;
        }
        List<String> visits = keys.stream().filter(k -> k.endpoint().label().equals(endpoint)).map(k -> k.visit().label()).distinct()
                .toList();
        if (!visits.contains(visit)) {
            problems.add("reconsim: --visit: " + endpoint + " is analysed at " + String.join(", ", visits) + ", got '" + visit + "'");
            return null;
        }
        return quantity == null ? null : new TrialOutput(quantity, analyses.contrasts().get(0).label(), endpoint, visit,
                analyses.methods().get(0).label());
    }

    private void print(SensitivityRequest request, LoadedScenario loaded, SensitivityTable.Labels labels, SobolAnalysis.Outcome outcome,
                       long seed, Path out) {
        PrintWriter o = console;
        SaltelliDesign d = outcome.design();
        if (!request.quiet()) {
            o.println("Sobol indices of " + labels.output() + " (" + loaded.scenario().name() + ", N = " + d.rows() + ", "
                    + d.evaluations() + " points of " + request.replicates() + " virtual trials each, seed " + seed + ")");
        }
        o.print(SensitivityTable.format(labels, outcome.indices()));
        if (!request.quiet()) {
            double[] f = outcome.evaluations();
            double[] ab = new double[2 * d.rows()];
            for (int j = 0; j < d.rows(); j++) {
                ab[2 * j] = f[j * d.matrices()];
                ab[2 * j + 1] = f[j * d.matrices() + 1];
            }
            double mean = Arrays.stream(ab).average().orElse(Double.NaN);
            o.println(String.format(Locale.ROOT, "%s over the priors: mean %.4g, SD %.4g", labels.output(), mean,
                    Math.sqrt(outcome.indices().variance())));
            o.println("Wrote " + out.resolve("sensitivity.csv") + ", evaluations.csv, report.html and manifest.json");
        }
        o.flush();
    }
}
