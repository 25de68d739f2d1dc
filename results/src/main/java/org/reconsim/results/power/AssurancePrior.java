package org.reconsim.results.power;

import java.io.Serializable;

import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.models.population.PatientGenerator;
import org.reconsim.models.population.TruncatedNormal;

/**
 * A prior for assurance: one numeric scenario field drawn per virtual trial from
 * uniform(a, b) ({@code normal} false; lo = a, hi = b) or normal(a, b) truncated to [lo, hi],
 * by inversion of a uniform from the replicate's own {@link Purpose#ASSURANCE} stream.
 *
 * @param field  dotted path of the field, as for {@code --sweep}
 * @param text   the distribution as the user wrote it (for tables and manifests)
 */
public record AssurancePrior(String field, String text, boolean normal, double a, double b, double lo, double hi)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The value at cumulative probability {@code u}. */
    public double value(double u) {
        if (!normal) {
            return a + u * (b - a);
        }
        return new TruncatedNormal(a, b, lo, hi).quantile(u);
    }

    /** The plan of one replicate: the field set to that replicate's draw. */
    public TrialPlan plan(LoadedScenario loaded, TrialPlan base, RandomStreams streams, int replicate) {
        double u = PatientGenerator.open(streams.stream(Purpose.ASSURANCE, -2, replicate));
        try {
            return TrialPlan.compile(ScenarioEdit.set(loaded, field, value(u)).scenario(), base);
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("a value inside the prior's checked bounds was refused: " + e.getMessage(), e);
        }
    }
}
