package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.run.ReplicateRunner;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.dataset.PowerTable;
import org.reconsim.results.power.PowerAnalysis;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.SampleSizeSearch;
import org.reconsim.results.power.SampleSizes;
import org.reconsim.results.report.PowerReport;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.report.RunManifest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim power SCENARIO}: power by simulation over one or more sample sizes. */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Estimate power: simulate and analyse (ANCOVA) many virtual trials per sample size; write power.csv.")
final class PowerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--replicates", description = "Virtual trials per sample size (default: the scenario's simulation.replicates).")
    Integer replicates;

    @Option(names = "--n-per-arm", paramLabel = "SIZES",
            description = "Patients per arm: from:to:step (10:60:10) or a list (12,24,48). Default: the scenario's design.n_per_arm.")
    String sizes;

    @Option(names = "--target-power", paramLabel = "P",
            description = "Report the smallest simulated size reaching power P on the primary endpoint and visit.")
    Double targetPower;

    @Option(names = "--assurance", paramLabel = "FIELD=PRIOR",
            description = "Assurance: each virtual trial draws FIELD from a prior, uniform(lo,hi) or normal(mean,sd,lo,hi) "
                    + "(truncated), e.g. mechanisms.restabilization_blockade.k_block=uniform(0,1).")
    String assurance;

    @Option(names = "--precision", paramLabel = "H",
            description = "Add replicates until every power estimate's Wilson 95% half-width is at most H (e.g. 0.01).")
    Double precision;

    @Option(names = "--sweep", paramLabel = "FIELD=VALUES",
            description = "Repeat the analysis over values of one numeric scenario field, e.g. "
                    + "mechanisms.restabilization_blockade.k_block=0,0.5,1 or direct_effects[0].effect=-0.3:0:0.1.")
    String sweep;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /**
     * Replicates that make every Wilson half-width at most h: the normal approximation
     * 1.96^2 p (1 - p) / h^2 at the worst row (never below the current count), rounded up to 100.
     */
    static int replicatesFor(List<PowerRow> rows, double h) {
        double widest = 0;
        int current = 0;
        for (PowerRow r : rows) {
            widest = Math.max(widest, (r.ciHigh() - r.ciLow()) / 2);
            current = (int) Math.max(current, r.replicates());
        }
        if (widest <= h) {
            return current;
        }
        double worst = 0;
        for (PowerRow r : rows) {
            worst = Math.max(worst, r.power() * (1 - r.power()));
        }
        long n = (long) Math.ceil(1.959963984540054 * 1.959963984540054 * Math.max(worst, 0.0025) / (h * h) * 1.05);
        n = Math.max(n, (long) (current * 1.25));
        return (int) Math.min(100_000_000L, ((n + 99) / 100) * 100);
    }

    /**
     * A prior for assurance: uniform(lo,hi) or normal(mean,sd,lo,hi) truncated to [lo, hi],
     * sampled by inversion from the replicate's own stream.
     */
    record Prior(String field, String text, boolean normal, double a, double b, double lo, double hi) {

        static Prior parse(String spec) {
            int eq = spec.indexOf('=');
            String bad = "reconsim: --assurance: expected FIELD=uniform(lo,hi) or FIELD=normal(mean,sd,lo,hi), got '" + spec + "'";
            if (eq <= 0) {
                throw new InvalidInputException(bad);
            }
            String field = spec.substring(0, eq);
            String dist = spec.substring(eq + 1).replace(" ", "");
            try {
                if (dist.startsWith("uniform(") && dist.endsWith(")")) {
                    String[] p = dist.substring(8, dist.length() - 1).split(",");
                    double lo = Double.parseDouble(p[0]);
                    double hi = Double.parseDouble(p[1]);
                    if (p.length == 2 && lo < hi) {
                        return new Prior(field, dist, false, lo, hi, lo, hi);
                    }
                } else if (dist.startsWith("normal(") && dist.endsWith(")")) {
                    String[] p = dist.substring(7, dist.length() - 1).split(",");
                    double lo = Double.parseDouble(p[2]);
                    double hi = Double.parseDouble(p[3]);
                    double sd = Double.parseDouble(p[1]);
                    if (p.length == 4 && lo < hi && sd > 0) {
                        return new Prior(field, dist, true, Double.parseDouble(p[0]), sd, lo, hi);
                    }
                }
            } catch (RuntimeException e) {
                throw new InvalidInputException(bad);
            }
            throw new InvalidInputException(bad);
        }

        double value(double u) {
            if (!normal) {
                return a + u * (b - a);
            }
            return new org.reconsim.models.population.TruncatedNormal(a, b, lo, hi).quantile(u);
        }

        TrialPlan plan(LoadedScenario loaded, TrialPlan base, RandomStreams streams, int replicate) {
            double u = org.reconsim.models.population.PatientGenerator.open(
                    streams.stream(org.reconsim.engine.rng.Purpose.ASSURANCE, -2, replicate));
            try {
                return TrialPlan.compile(org.reconsim.engine.scenario.ScenarioEdit.set(loaded, field, value(u)).scenario(), base);
            } catch (org.reconsim.engine.scenario.InvalidScenarioException e) {
                throw new IllegalStateException("a value inside the prior's checked bounds was refused: " + e.getMessage(), e);
            }
        }
    }

    /** Sweep values: a list (0,0.5,1) or from:to:step. */
    static List<Double> sweepValues(String text) {
        try {
            List<Double> out = new java.util.ArrayList<>();
            if (text.contains(":")) {
                String[] p = text.split(":", -1);
                if (p.length != 3) {
                    throw new NumberFormatException();
                }
                double from = Double.parseDouble(p[0]);
                double to = Double.parseDouble(p[1]);
                double step = Double.parseDouble(p[2]);
                if (!(step > 0) || to < from || (to - from) / step > 1000) {
                    throw new InvalidInputException("reconsim: --sweep: expected from <= to, step > 0 and at most 1000 values in '"
                            + text + "'");
                }
                for (int i = 0; from + i * step <= to + 1e-9 * step; i++) {
                    out.add(from + i * step);
                }
            } else {
                for (String v : text.split(",")) {
                    out.add(Double.parseDouble(v.trim()));
                }
            }
            return out;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("reconsim: --sweep: expected numbers such as 0,0.5,1 or -0.3:0:0.1, got '" + text + "'");
        }
    }

    @Override
    public Integer call() {
        LoadedScenario loaded = ScenarioInput.load(file);
        List<Integer> ns;
        try {
            ns = sizes == null ? List.of(loaded.scenario().design().nPerArm()) : SampleSizes.parse(sizes);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reconsim: --n-per-arm: " + e.getMessage());
        }
        int reps = replicates == null ? loaded.scenario().simulation().replicates() : replicates;
        if (reps < 1) {
            throw new InvalidInputException("reconsim: --replicates must be at least 1, got " + reps);
        }
        if (precision != null && !(precision >= 0.001 && precision <= 0.5)) {
            throw new InvalidInputException("reconsim: --precision must be within 0.001..0.5, got " + precision);
        }
        if (targetPower != null && !(targetPower > 0 && targetPower < 1)) {
            throw new InvalidInputException("reconsim: --target-power must be between 0 and 1, got " + targetPower);
        }
        int threads = common.threadCount();
        long seed = common.seed == null ? loaded.scenario().simulation().seed() : common.seed;
        List<LoadedScenario> points = new java.util.ArrayList<>();
        String sweepField = "NA";
        List<Double> sweepValues = List.of(Double.NaN);
        if (sweep == null) {
            points.add(loaded);
        } else {
            int eq = sweep.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("reconsim: --sweep: expected FIELD=VALUES such as "
                        + "mechanisms.restabilization_blockade.k_block=0,0.5,1, got '" + sweep + "'");
            }
            sweepField = sweep.substring(0, eq);
            sweepValues = sweepValues(sweep.substring(eq + 1));
            for (double v : sweepValues) {
                String what = "reconsim: --sweep " + sweepField + "=" + v + ": ";
                try {
                    points.add(org.reconsim.engine.scenario.ScenarioEdit.set(loaded, sweepField, v));
                } catch (org.reconsim.engine.scenario.InvalidScenarioException e) {
                    throw new InvalidInputException(e.problems().stream().map(p -> what + p.message()).toList());
                }
            }
        }
        Prior prior = null;
        if (assurance != null) {
            if (sweep != null) {
                throw new InvalidInputException("reconsim: --assurance and --sweep cannot be combined");
            }
            prior = Prior.parse(assurance);
            for (double v : new double[] {prior.lo(), prior.hi()}) {
                String what = "reconsim: --assurance " + prior.field() + "=" + v + ": ";
                try {
                    org.reconsim.engine.scenario.ScenarioEdit.set(loaded, prior.field(), v);
                } catch (org.reconsim.engine.scenario.InvalidScenarioException e) {
                    throw new InvalidInputException(e.problems().stream().map(p -> what + p.message()).toList());
                }
            }
            sweepField = "assurance:" + prior.field() + "~" + prior.text();
        }
        final Prior assurancePrior = prior;
        Instant started = Instant.now();
        Path out = OutputFolder.create(common.out, loaded.scenario().name(), "power");
        List<PowerTable.SweepPoint> results = new java.util.ArrayList<>();
        PowerAnalysis.Details details = new PowerAnalysis.Details();
        try (ReplicateRunner runner = new ReplicateRunner(threads);
             Progress progress = common.progress("virtual trials", (long) reps * ns.size() * points.size())) {
            long[] offset = {0};
            for (int k = 0; k < points.size(); k++) {
                TrialPlan plan = TrialPlan.compile(points.get(k).scenario());
                int r = reps;
                List<PowerRow> rows;
                while (true) {
                    RandomStreams streams = new RandomStreams(seed);
                    TrialPlan base = plan;
                    java.util.function.IntFunction<TrialPlan> planFor = assurancePrior == null ? rep -> base
                            : rep -> assurancePrior.plan(loaded, base, streams, rep);
                    rows = new PowerAnalysis(plan, streams).run(ns, r, runner, d -> progress.at(offset[0] + d), planFor,
                            k == points.size() - 1 ? details : null);
                    offset[0] += (long) r * ns.size();
                    int needed = precision == null ? r : replicatesFor(rows, precision);
                    if (needed <= r) {
                        break;
                    }
                    // replicates 0..r-1 are the same trials again (common random numbers): only precision grows
                    r = needed;
                }
                results.add(new PowerTable.SweepPoint(sweepField, sweepValues.get(k), rows));
            }
        }
        List<PowerRow> rows = results.get(results.size() - 1).rows();
        PowerTable.writeSweep(out.resolve("power.csv"), results);
        Scenario.Analysis plan0 = loaded.scenario().analysis();
        SampleSizeSearch search = targetPower == null || sweep != null ? null : SampleSizeSearch.of(rows,
                plan0.primaryEndpoint().label(), plan0.primaryVisit().label(), plan0.methods().get(0).label(), targetPower);
        TrialPlan reportPlan = TrialPlan.compile(points.get(points.size() - 1).scenario());
        PowerReport.write(out.resolve("report.html"), loaded, rows, seed, reps, search, details,
                org.reconsim.engine.sim.PkSummary.simulate(reportPlan, new RandomStreams(seed), 500, 24, 10), reportPlan.timeline());
        new RunManifest("power", List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)), loaded, seed,
                threads, started, Instant.now(), List.of("power.csv", "report.html")).write(out);
        PrintWriter o = spec.commandLine().getOut();
        TrialPlan plan = TrialPlan.compile(loaded.scenario());
        if (!common.quiet) {
            o.println("Power of " + plan.treatmentArm().name() + " vs " + plan.controlArm().name() + " ("
                    + loaded.scenario().name() + ", " + reps + " virtual trials per sample size, alpha "
                    + loaded.scenario().analysis().alpha() + ", seed " + seed + ")");
        }
        for (PowerTable.SweepPoint point : results) {
            if (sweep != null) {
                o.println(point.parameter() + " = " + point.value());
            }
            o.print(PowerTable.format(point.rows()));
        }
        if (search != null) {
            o.println(search.describe());
        }
        if (!common.quiet) {
            o.println("Wrote " + out.resolve("power.csv") + ", report.html and manifest.json");
        }
        o.flush();
        return ReconsimCommand.OK;
    }
}
