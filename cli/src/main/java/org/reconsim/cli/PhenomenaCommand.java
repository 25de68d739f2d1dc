package org.reconsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.reconsim.models.memory.MemoryModel;
import org.reconsim.models.memory.MemoryModelRegistry;
import org.reconsim.results.phenomena.MechanismHypothesis;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reconsim phenomena}: runs the canonical experiments and says which the memory models
 * reproduce. The command only reads options into a {@link PhenomenaRequest} and hands it to
 * {@link PhenomenaService}.
 */
@Command(name = "phenomena", mixinStandardHelpOptions = true,
        description = "Run the canonical reconsolidation and extinction experiments (scenarios/phenomena) and report, for each "
                + "memory model and NMDA-antagonist mechanism, which findings it reproduces; writes phenomena.csv and report.html.")
final class PhenomenaCommand implements Callable<Integer> {

    @Option(names = "--model", completionCandidates = ModelLabels.class,
            description = "${COMPLETION-CANDIDATES} or all (default: all).")
    String model = "all";

    @Option(names = "--mechanisms", paramLabel = "LIST",
            description = "Mechanism hypotheses for the NMDA-antagonist rows, e.g. null,M1,M3 (default: all).")
    String mechanisms;

    @Option(names = "--dir", description = "Folder of experiment files (default: the repository's scenarios/phenomena when run "
            + "by ./reconsim, else the copy inside the jar; from any working folder).")
    Path dir;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", description = "Output folder (default: runs/phenomena-run-<time>/); must be empty or new.")
    Path out;

    @Option(names = "--force", description = CommonOptions.FORCE)
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but results and errors.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // converted here rather than by picocli converters, so that these errors keep their words and their order
        List<MemoryModel<?>> models = models();
        List<MechanismHypothesis> hypotheses = hypotheses();
        new PhenomenaService(spec.commandLine().getOut()).run(new PhenomenaRequest(models, hypotheses, dir, threads, out, force, quiet,
                spec.commandLine().getParseResult().originalArgs()));
        return ReconsimCommand.OK;
    }

    private List<MemoryModel<?>> models() {
        if (model.equals("all")) {
            return MemoryModel.values();
        }
        return MemoryModelRegistry.byLabel(model).map(m -> List.<MemoryModel<?>>of(m)).orElseThrow(() -> {
            List<String> allowed = new ArrayList<>(new ModelLabels());
            allowed.add("all");
            return new InvalidInputException("reconsim: --model must be one of " + String.join(", ", allowed) + ", got '" + model + "'");
        });
    }

    private List<MechanismHypothesis> hypotheses() {
        try {
            return mechanisms == null ? List.of(MechanismHypothesis.values()) : MechanismHypothesis.parse(mechanisms);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reconsim: --mechanisms: " + e.getMessage());
        }
    }

    /** The registered memory models' labels, for the option's description (a registered model is choosable at once). */
    static final class ModelLabels extends java.util.AbstractList<String> {
        @Override
        public String get(int i) {
            return MemoryModel.values().get(i).label();
        }

        @Override
        public int size() {
            return MemoryModel.values().size();
        }
    }
}
