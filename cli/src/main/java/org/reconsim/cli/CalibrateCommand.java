package org.reconsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reconsim calibrate SCENARIO --targets FILE --free FIELD=PRIOR ...}: ABC-SMC over the free
 * fields and hypotheses against a target file's published z values (docs/INFERENCE.md). The
 * command only reads options into a {@link CalibrateRequest} and hands it to {@link CalibrateService}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Calibrate free fields and compare hypotheses against published results by ABC-SMC; write posterior.csv, "
                + "summary.csv, report.html, calibrated.yaml, assurance.txt and manifest.json.")
final class CalibrateCommand implements Callable<Integer> {

    // optional so that --resume DIR alone parses; a new run requires it (InferenceOptions.require)
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = ScenarioInput.DESCRIPTION)
    Path scenarioFile;

    @Option(names = "--targets", paramLabel = "FILE", description = "Target file of published findings (docs/TARGETS.md).")
    Path targets;

    @Option(names = "--free", paramLabel = "FIELD=PRIOR", description = "A free field and its prior: " + AssuranceSpec.PRIORS
            + " (not discrete). Repeatable.")
    List<String> free = new ArrayList<>();

    @Option(names = "--hypotheses", paramLabel = "H,H,...", split = ",",
            description = "Hypotheses to compare: null or mechanism labels joined by '+' (default: the scenario's mechanisms).")
    List<String> hypotheses = new ArrayList<>();

    @Option(names = "--particles", paramLabel = "N", description = "Particles per generation (default: "
            + CalibrateRequest.PARTICLES + ").")
    int particles = CalibrateRequest.PARTICLES;

    @Option(names = "--generations", paramLabel = "G", description = "Generations at most, the prior sample included (default: "
            + CalibrateRequest.GENERATIONS + ").")
    int generations = CalibrateRequest.GENERATIONS;

    @Option(names = "--min-tolerance", paramLabel = "E", description = "Stop at this tolerance on the z scale (default: "
            + CalibrateRequest.MIN_TOLERANCE + ").")
    double minTolerance = CalibrateRequest.MIN_TOLERANCE;

    @Option(names = "--budget", paramLabel = "SIMS", description = "Simulated trials at most (default: " + CalibrateRequest.BUDGET + ").")
    long budget = CalibrateRequest.BUDGET;

    @Option(names = "--predictive-draws", paramLabel = "N", hidden = true,
            description = "Posterior predictive trials per hypothesis in the report (default: " + CalibrateRequest.PREDICTIVE + ").")
    int predictive = CalibrateRequest.PREDICTIVE;

    @Option(names = "--recovery", paramLabel = "R", description = "Model recovery on the same statistics: R simulated pilots per "
            + "hypothesis at the posterior medians, each classified by the hypothesis its z values point to, trained on 5R "
            + "others (50..1000) (0: skip; default: " + CalibrateRequest.RECOVERY + "; needs two or more hypotheses).")
    int recovery = CalibrateRequest.RECOVERY;

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
        inference.require(spec, targets, "--targets");
        new CalibrateService(spec.commandLine().getOut()).run(new CalibrateRequest(scenarioFile, targets, free, hypotheses, particles,
                generations, minTolerance, budget, predictive, recovery, common.threads, common.seed, common.out, common.quiet, common.progress,
                spec.commandLine().getParseResult().originalArgs(), inference.execution(spec)));
        return ReconsimCommand.OK;
    }
}
