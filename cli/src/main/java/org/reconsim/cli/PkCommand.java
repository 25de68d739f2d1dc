package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.PkSummary;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.report.PkReport;
import org.reconsim.results.report.RunManifest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim pk SCENARIO}: drug exposure of the virtual population, per arm. */
@Command(name = "pk", mixinStandardHelpOptions = true,
        description = "Concentration and NMDA occupancy over time per arm (median, 5-95%), peak, time of peak, terminal half-life "
                + "and mean occupancy during the labile window; writes pk.csv and pk.svg.")
final class PkCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--subjects", description = "Virtual patients per arm (default: 1000).")
    int subjects = 1000;

    @Option(names = "--hours", description = "Time span after the infusion start (default: 48).")
    double hours = 48;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedScenario loaded = ScenarioInput.load(file);
        if (subjects < 2 || subjects > 1_000_000) {
            throw new InvalidInputException("reconsim: --subjects must be within 2..1000000, got " + subjects);
        }
        if (!(hours > 0 && hours <= 24 * 30)) {
            throw new InvalidInputException("reconsim: --hours must be within 0..720, got " + hours);
        }
        long seed = common.seed(loaded);
        Instant started = Instant.now();
        Path out = OutputFolder.create(common.out, loaded.scenario().name(), "pk");
        TrialPlan plan = TrialPlan.compile(loaded.scenario());
        double step = hours <= 48 ? 5 : 30;
        List<PkSummary.ArmExposure> arms = PkSummary.simulate(plan, new RandomStreams(seed), subjects, hours, step);
        PkReport.writeCsv(out.resolve("pk.csv"), arms);
        PkReport.writeSvg(out.resolve("pk.svg"), arms, Math.min(hours, 24));
        new RunManifest("pk", List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)), loaded, seed, 1,
                started, Instant.now(), List.of("pk.csv", "pk.svg")).write(out);
        PrintWriter o = spec.commandLine().getOut();
        o.print(PkReport.format(arms, plan.memory().labileWindowHours()));
        if (!common.quiet) {
            o.println("Wrote " + out.resolve("pk.csv") + " and pk.svg");
        }
        o.flush();
        return ReconsimCommand.OK;
    }
}
