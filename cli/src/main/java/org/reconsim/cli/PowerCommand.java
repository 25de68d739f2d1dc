package org.reconsim.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reconsim power SCENARIO}: power by simulation over one or more sample sizes. The command
 * only reads options into a {@link PowerRequest} (or a resume) and hands it to {@link PowerService}.
 */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Estimate power: simulate and analyse (ANCOVA) many virtual trials per sample size; write power.csv.")
final class PowerCommand implements Callable<Integer>, OptionConflicts {

    static final String RESUME_ALONE = "reconsim: --resume continues a run with the options it started with; only --threads, "
            + "--engine, --partitions, --quiet and --progress may be given with it";

    /** A new run, or the continuation of one: --resume takes every result-defining option from the checkpoint. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    NewOrResumed run;

    static final class NewOrResumed {
        @Option(names = "--resume", paramLabel = "DIR",
                description = "Continue the interrupted power run in DIR from its checkpoint, with the options it started with; "
                        + "the outputs are byte-identical to an uninterrupted run. Only --threads, --engine, --partitions, "
                        + "--quiet and --progress may be given with it.")
        Path resume;

        @ArgGroup(exclusive = false)
        RunOptions options;
    }

    /**
     * The options that define a run's results. --seed and --out are declared here rather than by
     * the CommonOptions mixin because picocli allows no mixin inside an argument group.
     */
    static final class RunOptions {
        // optional so that a missing scenario gets the message that also mentions --resume
        @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = ScenarioInput.DESCRIPTION)
        Path file;

        @Option(names = "--seed", description = CommonOptions.SEED)
        Long seed;

        @Option(names = "--out", description = CommonOptions.OUT)
        Path out;

        @Option(names = "--force", description = CommonOptions.FORCE)
        boolean force;

        @Option(names = "--replicates", converter = Bounds.Replicates.class,
                description = "Virtual trials per sample size (default: the scenario's simulation.replicates).")
        Integer replicates;

        @Option(names = "--n-per-arm", paramLabel = "SIZES", converter = SampleSizeList.Converter.class,
                description = "Patients per arm: from:to:step (10:60:10) or a list (12,24,48). Default: the scenario's design.n_per_arm.")
        SampleSizeList sizes;

        @Option(names = "--target-power", paramLabel = "P", converter = Bounds.TargetPower.class,
                description = "Search the smallest size per arm reaching power P (stochastic root finding on the same virtual "
                        + "trials at every size) and report it with its 95% interval, per sweep point; --n-per-arm then bounds "
                        + "the search (its smallest and largest size; default 2 to 1000).")
        Double targetPower;

        @Option(names = "--endpoint", paramLabel = "ENDPOINT",
                description = "The endpoint --target-power sizes for (default: the scenario's analysis.primary_endpoint).")
        String endpoint;

        @Option(names = "--visit", paramLabel = "VISIT",
                description = "The visit --target-power sizes for (default: the scenario's analysis.primary_visit).")
        String visit;

        @Option(names = "--analysis", paramLabel = "METHOD",
                description = "The analysis --target-power sizes for (default: the first of the scenario's analysis.methods).")
        String analysis;

        @Option(names = "--contrast", paramLabel = "CONTRAST",
                description = "The contrast --target-power sizes for, e.g. ketamine-vs-midazolam (default: the first).")
        String contrast;

        @Option(names = "--precision", paramLabel = "H", converter = Bounds.Precision.class,
                description = "Add replicates until every power estimate's Wilson 95%% half-width is at most H (e.g. 0.01).")
        Double precision;

        @ArgGroup(exclusive = true)
        Variation variation;

        @Option(names = "--assurance-correlation", paramLabel = "FIELD,FIELD=R",
                description = "Correlate two fields drawn by --assurance (Gaussian copula: R is the correlation of their normal "
                        + "scores, -1 < R < 1), e.g. mechanisms.restabilization_blockade.k_block,pharmacology.nmda_ki_um=-0.5. "
                        + "Repeatable.")
        List<String> correlations;
    }

    /**
     * What varies between virtual trials besides the patients: a swept field, fields drawn from
     * priors, or whole particles drawn from a posterior; one of them.
     */
    static final class Variation {
        @Option(names = "--sweep", paramLabel = "FIELD=VALUES", converter = SweepSpec.Converter.class,
                description = "Repeat the analysis over values of one numeric scenario field, e.g. "
                        + "mechanisms.restabilization_blockade.k_block=0,0.5,1 or direct_effects[0].effect=-0.3:0:0.1.")
        SweepSpec sweep;

        @Option(names = "--assurance", paramLabel = "FIELD=PRIOR",
                description = "Assurance: each virtual trial draws FIELD from a prior: uniform(lo,hi), normal(mean,sd,lo,hi) "
                        + "(truncated), lognormal(meanlog,sdlog[,lo,hi]), loguniform(lo,hi), beta(a,b[,lo,hi]) or "
                        + "discrete(value:p,...), e.g. mechanisms.restabilization_blockade.k_block=beta(2,2) or "
                        + "mechanisms.active=discrete(restabilization-blockade:0.4,plasticity-window:0.3,null:0.3). "
                        + "Repeat to draw several fields jointly; each trial's draws go into replicates.csv.")
        List<String> assurance;

        @Option(names = "--posterior", paramLabel = "FILE",
                description = "Assurance under a calibration's posterior: FILE is the posterior.csv of reconsim calibrate; each "
                        + "virtual trial draws one particle of its last generation (earlier generations are not used) with "
                        + "probability proportional to its weight, and takes the particle whole: its hypothesis as "
                        + "mechanisms.active and its value of every free field, keeping the posterior's correlations (which "
                        + "assurance.txt's fitted marginals lose). Not with --assurance or --sweep.")
        Path posterior;
    }

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Where replicates run: local (threads; the default) or spark (the spark module: local[threads] "
                    + "or the cluster of spark-submit; see README). Results are identical.")
    String engine = "local";

    @Option(names = "--partitions", paramLabel = "N", converter = Bounds.Partitions.class,
            description = "Spark partitions per sweep point (default: Spark's default parallelism).")
    Integer partitions;

    // outside the run options: a resumed run has always accepted it (and taken the table choice from the checkpoint)
    @Option(names = "--replicate-table",
            description = "Also write replicates.csv: every virtual trial's estimate and p-value (one row per replicate, "
                    + "sample size, endpoint, visit and analysis), streamed as the run goes.")
    boolean replicateTable;

    @Option(names = "--checkpoint-seconds", hidden = true, description = "Seconds between checkpoints (default 5).")
    double checkpointSeconds = 5;

    @Mixin
    ExecutionOptions execution;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerService service = new PowerService(spec.commandLine().getOut());
        PowerExecution how = new PowerExecution(engine, partitions, execution.threads, checkpointSeconds, execution.quiet,
                execution.progress, run != null && run.options != null && run.options.force);
        if (run != null && run.resume != null) {
            service.resume(run.resume, how);
            return ReconsimCommand.OK;
        }
        // picocli leaves a group's field null when none of its options is given
        RunOptions o = run == null || run.options == null ? new RunOptions() : run.options;
        Variation v = o.variation == null ? new Variation() : o.variation;
        if (o.file == null) {
            throw new InvalidInputException("reconsim: power: a SCENARIO file is required (or --resume DIR)");
        }
        AssuranceSpec assurance = v.assurance == null && o.correlations == null ? null
                : AssuranceSpec.of(v.assurance == null ? List.of() : v.assurance, o.correlations == null ? List.of() : o.correlations);
        service.run(new PowerRequest(o.file, o.seed, o.sizes == null ? null : o.sizes.sizes(), o.replicates, v.sweep, assurance,
                o.precision, o.targetPower, o.out, replicateTable, how,
                spec.commandLine().getParseResult().originalArgs(),
                v.posterior == null ? null : new PosteriorInput.Source(v.posterior, null),
                new SizeFor(o.contrast, o.endpoint, o.visit, o.analysis)));
        return ReconsimCommand.OK;
    }

    /**
     * The groups' violations in the words the user has always been given. picocli also counts a
     * repeated option or a second SCENARIO as a second match of the group; those get picocli's
     * messages from outside groups.
     */
    @Override
    public RuntimeException conflict(CommandLine.ParseResult matched, String[] args) {
        List<OptionSpec> options = matched.matchedOptions();
        boolean resume = options.stream().anyMatch(o -> o.longestName().equals("--resume"));
        boolean defining = !matched.matchedPositionals().isEmpty()
                || options.stream().anyMatch(o -> o.group() != null && !o.longestName().equals("--resume"));
        if (resume && defining) {
            return new InvalidInputException(RESUME_ALONE);
        }
        if (matched.hasMatchedOption("--posterior") && matched.hasMatchedOption("--assurance")) {
            return new InvalidInputException(PowerRequest.POSTERIOR_OR_ASSURANCE);
        }
        if (matched.hasMatchedOption("--posterior") && matched.hasMatchedOption("--sweep")) {
            return new InvalidInputException(PowerRequest.POSTERIOR_OR_SWEEP);
        }
        if (matched.hasMatchedOption("--sweep") && matched.hasMatchedOption("--assurance")) {
            return new InvalidInputException(PowerRequest.SWEEP_OR_ASSURANCE);
        }
        Set<OptionSpec> seen = new HashSet<>();
        for (OptionSpec o : options) {
            if (!seen.add(o) && !o.isMultiValue()) { // --assurance and --assurance-correlation repeat
                return new CommandLine.ParameterException(spec.commandLine(),
                        "option '" + o.longestName() + "' (" + o.paramLabel() + ") should be specified only once");
            }
        }
        List<String> files = matched.matchedPositionals().isEmpty() ? List.of()
                : matched.matchedPositionals().get(0).originalStringValues();
        if (files.size() > 1) {
            String extra = files.get(1);
            return new CommandLine.ParameterException(spec.commandLine(),
                    "Unmatched argument at index " + List.of(args).lastIndexOf(extra) + ": '" + extra + "'");
        }
        return null;
    }
}
