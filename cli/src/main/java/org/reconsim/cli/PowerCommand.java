package org.reconsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.dataset.PowerTable;
import org.reconsim.results.dataset.ReplicateTable;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.LocalReplicateExecutor;
import org.reconsim.results.power.PowerAccumulator;
import org.reconsim.results.power.PowerJob;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.PowerSweep;
import org.reconsim.results.power.ReplicateExecutor;
import org.reconsim.results.power.ReplicateExecutorProvider;
import org.reconsim.results.power.SampleSizeSearch;
import org.reconsim.results.power.SampleSizes;
import org.reconsim.results.report.PowerReport;
import org.reconsim.results.report.RunManifest;

import picocli.CommandLine;
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

    /** The checkpoint a power run keeps in its output folder until it has finished. */
    static final String CHECKPOINT = "checkpoint.bin";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted power run in DIR from its checkpoint, with the options it started with; "
                    + "the outputs are byte-identical to an uninterrupted run. Only --threads, --engine, --partitions, --quiet "
                    + "and --progress may be given with it.")
    Path resume;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Where replicates run: local (threads; the default) or spark (the spark module: local[threads] "
                    + "or the cluster of spark-submit; see README). Results are identical.")
    String engine = "local";

    @Option(names = "--partitions", paramLabel = "N", description = "Spark partitions per sweep point (default: Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--replicate-table",
            description = "Also write replicates.csv: every virtual trial's estimate and p-value (one row per replicate, "
                    + "sample size, endpoint, visit and analysis), streamed as the run goes.")
    boolean replicateTable;

    @Option(names = "--checkpoint-seconds", hidden = true, description = "Seconds between checkpoints (default 5).")
    double checkpointSeconds = 5;

    /** Set when this run continues a checkpoint. */
    private Resumed resumed;

    private record Resumed(Path dir, Instant started, List<String> header) {
    }

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
     * What a checkpoint stores to rebuild the run: start time, then the run's options in full
     * (absolute scenario path, resolved seed, replicates and sizes, output folder), then the
     * command line as typed (for the manifest).
     */
    private List<String> checkpointHeader(Instant started, LoadedScenario loaded, List<Integer> ns, int reps, long seed, Path out) {
        List<String> args = new java.util.ArrayList<>(List.of(file.toAbsolutePath().toString(), "--seed", Long.toString(seed),
                "--replicates", Integer.toString(reps), "--n-per-arm",
                String.join(",", ns.stream().map(String::valueOf).toList()), "--out", out.toAbsolutePath().toString()));
        if (targetPower != null) {
            args.addAll(List.of("--target-power", targetPower.toString()));
        }
        if (assurance != null) {
            args.addAll(List.of("--assurance", assurance));
        }
        if (precision != null) {
            args.addAll(List.of("--precision", precision.toString()));
        }
        if (sweep != null) {
            args.addAll(List.of("--sweep", sweep));
        }
        if (replicateTable) {
            args.add("--replicate-table");
        }
        List<String> header = new java.util.ArrayList<>();
        header.add(Long.toString(started.toEpochMilli()));
        header.add(Integer.toString(args.size()));
        header.addAll(args);
        header.addAll(spec.commandLine().getParseResult().originalArgs());
        return header;
    }

    /** Continues the run whose checkpoint is in {@link #resume}. */
    private Integer resumeRun() {
        if (file != null || replicates != null || sizes != null || targetPower != null || assurance != null || precision != null
                || sweep != null || common.seed != null || common.out != null) {
            throw new InvalidInputException("reconsim: --resume continues a run with the options it started with; only --threads, "
                    + "--engine, --partitions, --quiet and --progress may be given with it");
        }
        Path checkpoint = resume.resolve(CHECKPOINT);
        if (!Files.isRegularFile(checkpoint)) {
            if (Files.exists(resume.resolve("manifest.json"))) {
                throw new InvalidInputException("reconsim: --resume " + resume + ": that run has finished (its manifest.json is "
                        + "there); nothing to resume");
            }
            throw new InvalidInputException("reconsim: --resume " + resume + ": no " + CHECKPOINT + " there (a power run writes "
                    + "one into its output folder every few seconds and removes it when done)");
        }
        List<String> header;
        PowerCommand again = new PowerCommand();
        try {
            header = PowerSweep.readHeader(checkpoint);
            int k = Integer.parseInt(header.get(1));
            CommandLine cl = new CommandLine(again);
            cl.setOut(spec.commandLine().getOut());
            cl.setErr(spec.commandLine().getErr());
            cl.parseArgs(header.subList(2, 2 + k).toArray(String[]::new));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("reconsim: --resume " + resume + ": " + checkpoint + " cannot be used: " + e.getMessage());
        }
        again.common.threads = common.threads;
        again.common.quiet = common.quiet;
        again.common.progress = common.progress;
        again.engine = engine;
        again.partitions = partitions;
        again.checkpointSeconds = checkpointSeconds;
        again.resumed = new Resumed(resume, Instant.ofEpochMilli(Long.parseLong(header.get(0))), header);
        return again.call();
    }

    /** The executor {@link #engine} names: local threads, or one a {@link ReplicateExecutorProvider} on the class path offers. */
    private ReplicateExecutor openExecutor(int threads) {
        if (partitions != null && (partitions < 1 || partitions > 1_000_000)) {
            throw new InvalidInputException("reconsim: --partitions must be within 1..1000000, got " + partitions);
        }
        if (engine.equals("local")) {
            if (partitions != null) {
                throw new InvalidInputException("reconsim: --partitions applies to --engine spark only");
            }
            return new LocalReplicateExecutor(threads);
        }
        for (ReplicateExecutorProvider p : java.util.ServiceLoader.load(ReplicateExecutorProvider.class)) {
            if (p.name().equals(engine)) {
                return p.open(threads, partitions == null ? 0 : partitions);
            }
        }
        if (engine.equals("spark")) {
            throw new InvalidInputException("reconsim: --engine spark: the Spark runner is not on the class path; run ./reconsim "
                    + "(it builds spark/ on first use) or spark-submit with spark/target/reconsim-spark.jar (see README)");
        }
        throw new InvalidInputException("reconsim: --engine: expected local or spark, got '" + engine + "'");
    }

    /** Parses FIELD=uniform(lo,hi) or FIELD=normal(mean,sd,lo,hi). */
    static AssurancePrior parsePrior(String spec) {
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
                    return new AssurancePrior(field, dist, false, lo, hi, lo, hi);
                }
            } else if (dist.startsWith("normal(") && dist.endsWith(")")) {
                String[] p = dist.substring(7, dist.length() - 1).split(",");
                double lo = Double.parseDouble(p[2]);
                double hi = Double.parseDouble(p[3]);
                double sd = Double.parseDouble(p[1]);
                if (p.length == 4 && lo < hi && sd > 0) {
                    return new AssurancePrior(field, dist, true, Double.parseDouble(p[0]), sd, lo, hi);
                }
            }
        } catch (RuntimeException e) {
            throw new InvalidInputException(bad);
        }
        throw new InvalidInputException(bad);
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
        if (resume != null && resumed == null) {
            return resumeRun();
        }
        if (file == null) {
            throw new InvalidInputException("reconsim: power: a SCENARIO file is required (or --resume DIR)");
        }
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
        long seed = common.seed(loaded);
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
        AssurancePrior prior = null;
        if (assurance != null) {
            if (sweep != null) {
                throw new InvalidInputException("reconsim: --assurance and --sweep cannot be combined");
            }
            prior = parsePrior(assurance);
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
        final AssurancePrior assurancePrior = prior;
        Instant started = resumed == null ? Instant.now() : resumed.started();
        Path out;
        if (resumed != null) {
            out = resumed.dir();
        } else {
            if (common.out != null && Files.exists(common.out.resolve(CHECKPOINT))) {
                throw new InvalidInputException("reconsim: --out " + common.out + " holds an unfinished power run; continue it with "
                        + "--resume " + common.out + " or choose another folder");
            }
            out = OutputFolder.create(common.out, loaded.scenario().name(), "power");
        }
        List<PowerJob> jobs = new java.util.ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            jobs.add(new PowerJob(points.get(k), seed, ns, assurancePrior, k == points.size() - 1));
        }
        PowerSweep run = new PowerSweep(jobs, reps, precision);
        try (OutputFolder.Lock lock = OutputFolder.lock(out, "power")) {
            Path checkpoint = out.resolve(CHECKPOINT);
            List<String> header = resumed == null ? checkpointHeader(started, loaded, ns, reps, seed, out) : resumed.header();
            if (resumed != null) {
                try {
                    run.restore(checkpoint);
                } catch (IOException e) {
                    throw new InvalidInputException("reconsim: --resume " + out + ": " + e.getMessage());
                }
            }
            ReplicateTable table = !replicateTable ? null : new ReplicateTable(out.resolve("replicates.csv"),
                    resumed == null ? -1 : run.restoredLogPosition(), sweepField, sweepValues, ns,
                    jobs.get(0).methods().stream().map(Scenario.Method::label).toList());
            run.log(table);
            String engineUsed;
            try (ReplicateExecutor executor = openExecutor(threads);
                 Progress progress = common.progress("virtual trials", run.trialsPlanned())) {
                engineUsed = executor.describe();
                long[] last = {System.nanoTime()};
                run.run(executor, progress::at, (sweep, pointFinished) -> {
                    long now = System.nanoTime();
                    if (pointFinished || now - last[0] >= (long) (checkpointSeconds * 1e9)) {
                        try {
                            sweep.writeCheckpoint(checkpoint, header);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException("cannot write " + checkpoint, e);
                        }
                        last[0] = System.nanoTime();
                    }
                });
            }
            List<PowerTable.SweepPoint> results = new java.util.ArrayList<>();
            for (int k = 0; k < points.size(); k++) {
                results.add(new PowerTable.SweepPoint(sweepField, sweepValues.get(k), run.accumulators().get(k).rows()));
            }
            PowerAccumulator details = run.accumulators().get(points.size() - 1);
            List<PowerRow> rows = results.get(results.size() - 1).rows();
            PowerTable.writeSweep(out.resolve("power.csv"), results);
            Scenario.Analysis plan0 = loaded.scenario().analysis();
            SampleSizeSearch search = targetPower == null || sweep != null ? null : SampleSizeSearch.of(rows,
                    plan0.primaryEndpoint().label(), plan0.primaryVisit().label(), plan0.methods().get(0).label(), targetPower);
            TrialPlan reportPlan = jobs.get(jobs.size() - 1).plan();
            PowerReport.write(out.resolve("report.html"), loaded, rows, seed, details.replicates(), search, details,
                    org.reconsim.engine.sim.PkSummary.simulate(reportPlan, new RandomStreams(seed), 500, 24, 10), reportPlan.timeline());
            List<String> files = new java.util.ArrayList<>(List.of("power.csv", "report.html"));
            if (table != null) {
                table.commit();
                files.add("replicates.csv");
            }
            new RunManifest("power", header.subList(2 + Integer.parseInt(header.get(1)), header.size()), loaded, seed,
                    threads, started, Instant.now(), files, engineUsed).write(out);
            try {
                Files.deleteIfExists(checkpoint);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot remove " + checkpoint, e);
            }
            PrintWriter o = spec.commandLine().getOut();
            TrialPlan plan = jobs.get(0).plan();
            if (!common.quiet) {
                int fewest = run.accumulators().stream().mapToInt(PowerAccumulator::replicates).min().orElseThrow();
                int most = run.accumulators().stream().mapToInt(PowerAccumulator::replicates).max().orElseThrow();
                o.println("Power of " + plan.treatmentArm().name() + " vs " + plan.controlArm().name() + " ("
                        + loaded.scenario().name() + ", " + (fewest == most ? "" + most : fewest + "-" + most)
                        + " virtual trials per sample size, alpha "
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
                o.println("Wrote " + out.resolve("power.csv") + ", report.html" + (table != null ? ", replicates.csv" : "")
                        + " and manifest.json");
            }
            o.flush();
            return ReconsimCommand.OK;
        }
    }
}
