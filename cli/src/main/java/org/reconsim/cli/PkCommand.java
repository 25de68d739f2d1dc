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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reconsim pk SCENARIO}: drug exposure of the virtual population, per arm. */
@Command(name = "pk", mixinStandardHelpOptions = true,
        description = "Concentration and NMDA occupancy over time per arm (median, 5-95%), peak, time of peak, terminal half-life "
                + "and mean occupancy during the labile window; writes pk.csv and pk.svg.")
final class PkCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput scenario;

    @Option(names = "--subjects", converter = Bounds.Subjects.class, description = "Virtual patients per arm (default: 1000).")
    int subjects = 1000;

    @Option(names = "--hours", converter = Bounds.Hours.class, description = "Time span after the infusion start (default: 48).")
    double hours = 48;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedScenario loaded = scenario.load();
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
