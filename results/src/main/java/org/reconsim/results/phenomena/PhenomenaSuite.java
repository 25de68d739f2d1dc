package org.reconsim.results.phenomena;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Experiment;
import org.reconsim.engine.scenario.Memory;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.sim.LabExperiment;
import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.memory.MemoryModel;
import org.reconsim.models.memory.TraumaMemory;
import org.reconsim.models.population.StandardNormal;

/**
 * Runs experiments of the phenomena suite and measures each expected finding as a contrast
 * with a 95% interval: a Welch interval between groups, a paired interval within a group
 * (the same subjects tested twice).
 */
public final class PhenomenaSuite {

    private PhenomenaSuite() {
    }

    /** A naive memory of the given model, with the experiment's parameters. */
    public static Supplier<TraumaMemory> memory(Experiment e, MemoryModel<?> model) {
        Memory m = e.memory().withModel(model);
        return m::naive;
    }

    /** Whether the experiment gives an NMDA antagonist in any group. */
    public static boolean usesNmdaAntagonist(Experiment e) {
        return e.groups().stream().flatMap(g -> g.steps().stream())
                .anyMatch(s -> s.action() == Experiment.Action.AGENT && s.agent() == Experiment.AgentName.NMDA_ANTAGONIST);
    }

    /** A measured group mean, for the report's bar charts. */
    public record GroupMean(String measure, double mean, double standardError) {
    }

    /** One experiment run: its group means and its contrasts (copied: read-only lists). */
    public record Result(Experiment experiment, String model, String mechanism, List<GroupMean> means, List<ContrastRow> contrasts) {

        public Result {
            means = List.copyOf(means);
            contrasts = List.copyOf(contrasts);
        }
    }

    /** Runs one experiment with one memory model under one mechanism hypothesis (null: the file's own mechanisms). */
    public static Result run(Experiment e, MemoryModel<?> model, MechanismHypothesis hypothesis) {
        MechanismSet mechanisms = hypothesis == null ? e.mechanisms().toModel() : hypothesis.modules(e.mechanisms());
        List<LabExperiment.GroupOutcome> groups = LabExperiment.run(e, memory(e, model), mechanisms, new RandomStreams(e.seed()));
        Map<String, double[]> measures = new HashMap<>();
        for (LabExperiment.GroupOutcome g : groups) {
            g.tests().forEach((label, values) -> measures.put(g.group() + "/" + label, values));
        }
        List<GroupMean> means = new ArrayList<>();
        for (LabExperiment.GroupOutcome g : groups) {
            g.tests().forEach((label, values) -> means.add(new GroupMean(g.group() + "/" + label, mean(values),
                    Math.sqrt(variance(values) / values.length))));
        }
        List<ContrastRow> rows = new ArrayList<>();
        for (Experiment.Expectation x : e.expect()) {
            double[] hi = measures.get(x.higher());
            double[] lo = measures.get(x.lower());
            boolean paired = x.higher().substring(0, x.higher().indexOf('/')).equals(x.lower().substring(0, x.lower().indexOf('/')));
            double mh = mean(hi);
            double ml = mean(lo);
            double diff = mh - ml;
            double se;
            if (paired) {
                double[] d = new double[hi.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = hi[i] - lo[i];
                }
                se = Math.sqrt(variance(d) / d.length);
            } else {
                se = Math.sqrt(variance(hi) / hi.length + variance(lo) / lo.length);
            }
            double pooled = Math.sqrt((variance(hi) + variance(lo)) / 2);
            int n = hi.length + lo.length;
            double g = pooled > 0 ? diff / pooled * (1 - 3.0 / (4 * n - 9)) : Double.NaN;
            double ciLow = diff - StandardNormal.Z_975 * se;
            double ciHigh = diff + StandardNormal.Z_975 * se;
            boolean ok;
            String expected;
            if (x.equivalenceMargin() > 0) {
                ok = ciLow > -x.equivalenceMargin() && ciHigh < x.equivalenceMargin();
                expected = x.higher() + " ~ " + x.lower() + " within +-" + x.equivalenceMargin();
            } else {
                ok = ciLow > 0 && diff >= x.minDifference()
                        && (x.effectSize().isEmpty() || (g >= x.effectSize().get(0) && g <= x.effectSize().get(1)));
                expected = x.higher() + " > " + x.lower() + (x.minDifference() > 0 ? " by >= " + x.minDifference() : "")
                        + (x.effectSize().isEmpty() ? "" : ", g in [" + x.effectSize().get(0) + ", " + x.effectSize().get(1) + "]");
            }
            if (!x.responderShare().isEmpty() && paired) {
                int responders = 0;
                for (int i = 0; i < hi.length; i++) {
                    if (lo[i] <= (1 - x.responderDrop()) * hi[i]) {
                        responders++;
                    }
                }
                double share = (double) responders / hi.length;
                ok = ok && share >= x.responderShare().get(0) && share <= x.responderShare().get(1);
                expected += String.format(java.util.Locale.ROOT, ", responders (drop >= %.0f%%) %.2f in [%s, %s]",
                        100 * x.responderDrop(), share, x.responderShare().get(0), x.responderShare().get(1));
            }
            String verdict = e.mechanismMatrix() ? (ok ? "consistent" : "inconsistent") : (ok ? "reproduced" : "not reproduced");
            rows.add(new ContrastRow(e.phenomenon(), e.name(), model.label(), hypothesis == null ? "-" : hypothesis.label(),
                    x.higher(), x.lower(), mh, ml, diff, ciLow, ciHigh, g, expected, verdict));
        }
        return new Result(e, model.label(), hypothesis == null ? "-" : hypothesis.label(), means, rows);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
