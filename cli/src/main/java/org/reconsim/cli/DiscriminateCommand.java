package org.reconsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reconsim discriminate SCENARIO --hypotheses ...}: which trial design tells the mechanism
 * hypotheses apart at which size. The command only reads options into a
 * {@link DiscriminateRequest} and hands it to {@link DiscriminateService}.
 */
@Command(name = "discriminate", mixinStandardHelpOptions = true,
        description = "Model recovery per design and size: trials simulated under each mechanism hypothesis, each classified by "
                + "the hypothesis its z values point to; writes confusion.csv, accuracy.csv and report.html (see docs/INFERENCE.md).")
final class DiscriminateCommand implements Callable<Integer> {

    // optional so that --resume DIR alone parses; a new run requires it (InferenceOptions.require)
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = ScenarioInput.DESCRIPTION)
    Path scenarioFile;

    @Option(names = "--hypotheses", paramLabel = "LIST",
            description = "Mechanism hypotheses to tell apart, comma-separated: null (no mechanism) or mechanism labels joined by '+', "
                    + "e.g. null,restabilization-blockade,plasticity-window.")
    String hypotheses;

    @Option(names = "--design", paramLabel = "FILE", description = "A further design (scenario file) to compare; repeatable.")
    List<Path> designs = new ArrayList<>();

    @Option(names = "--n-per-arm", paramLabel = "SIZES", converter = SampleSizeList.Converter.class,
            description = "Patients per arm for every design, e.g. 12,50,100 or 10:100:10 (default: each design's design.n_per_arm).")
    SampleSizeList sizes;

    @Option(names = "--replicates", converter = Bounds.DiscriminationReplicates.class,
            description = "Trials classified per hypothesis, design and size (default: " + DiscriminateService.DEFAULT_REPLICATES + ").")
    Integer replicates;

    @Option(names = "--training", converter = Bounds.DiscriminationTraining.class,
            description = "Training trials per hypothesis, design and size for the classifier (default: "
                    + DiscriminateService.DEFAULT_TRAINING + " or --replicates, whichever is more).")
    Integer training;

    @Mixin
    CommonOptions common;

    @Mixin
    InferenceOptions inference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (inference.resume != null) {
            return inference.resume(spec);
        }
        inference.require(spec, scenarioFile, "SCENARIO");
        inference.require(spec, hypotheses, "--hypotheses");
        new DiscriminateService(spec.commandLine().getOut()).run(new DiscriminateRequest(scenarioFile, designs,
                Arrays.asList(hypotheses.split(",", -1)), sizes == null ? null : sizes.sizes(), replicates, training, common.threads,
                common.seed, common.out, common.quiet, common.progress, spec.commandLine().getParseResult().originalArgs(),
                inference.execution(spec)));
        return ReconsimCommand.OK;
    }
}
