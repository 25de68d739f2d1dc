package org.reconsim.results.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.PowerAccumulator;
import org.reconsim.results.power.PowerJob;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.PriorDistribution;

/** The trial as a sensitivity model: what it reads, and that every point runs the same trials. */
class TrialModelTest {

    private static final long SEED = 7;
    private static final int R = 20;

    private static LoadedScenario duek() throws Exception {
        return ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml"));
    }

    private static AssurancePrior prior(String... fieldAndRange) {
        List<AssurancePrior.Field> fields = new java.util.ArrayList<>();
        for (int i = 0; i < fieldAndRange.length; i += 3) {
            double lo = Double.parseDouble(fieldAndRange[i + 1]);
            double hi = Double.parseDouble(fieldAndRange[i + 2]);
            fields.add(new AssurancePrior.Field(fieldAndRange[i], "uniform(" + lo + "," + hi + ")", new PriorDistribution.Uniform(lo, hi)));
        }
        double[][] identity = new double[fields.size()][fields.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i][i] = 1;
        }
        return new AssurancePrior(fields, identity);
    }

    private static TrialOutput output(TrialOutput.Quantity q) {
        return new TrialOutput(q, "ketamine-vs-midazolam", "amygdala", "post", "ancova");
    }

    /** The primary row of a full power job (with its true effects) on the scenario with k_block = 0.25. */
    private static PowerRow powerRow(LoadedScenario loaded) throws Exception {
        PowerJob job = new PowerJob(ScenarioEdit.set(loaded, "mechanisms.restabilization_blockade.k_block", 0.25), SEED, List.of(12), null,
                false);
        PowerAccumulator acc = job.accumulator();
        for (int r = 0; r < R; r++) {
            acc.add(job.simulate(r));
        }
        return acc.rows().stream().filter(row -> row.endpoint().equals("amygdala") && row.visit().equals("post")).findFirst().orElseThrow();
    }

    @Test
    void readsThePrimaryRowOfTheSamePowerRunAsPowerDoes() throws Exception {
        LoadedScenario loaded = duek();
        AssurancePrior p = prior("mechanisms.restabilization_blockade.k_block", "0", "1");
        PowerRow expected = powerRow(loaded);
        double[] u = {0.25};
        // without the true effects (mean_z, power) the trials are the same: the truth is simulated at replicate -1
        assertThat(new TrialModel(loaded, p, SEED, R, 12, output(TrialOutput.Quantity.MEAN_Z)).evaluate(u)).isEqualTo(expected.meanZ());
        assertThat(new TrialModel(loaded, p, SEED, R, 12, output(TrialOutput.Quantity.POWER)).evaluate(u)).isEqualTo(expected.power());
        assertThat(new TrialModel(loaded, p, SEED, R, 12, output(TrialOutput.Quantity.EFFECT_D)).evaluate(u)).isEqualTo(expected.effectD());
    }

    /**
     * Common random numbers: the PCL-5's reliability does not enter the amygdala reading, and
     * every point simulates the same patients and noise, so the amygdala's mean z is the same
     * number at both ends of the PCL-5 prior (independent trials at each point would differ by
     * about 1/sqrt(R) = 0.2).
     */
    @Test
    void everyPointRunsTheSameTrials() throws Exception {
        TrialModel model = new TrialModel(duek(), prior("measurement.pcl5.icc", "0.5", "0.9"), SEED, R, 12,
                output(TrialOutput.Quantity.MEAN_Z));
        assertThat(model.evaluate(new double[] {0.0})).isEqualTo(model.evaluate(new double[] {0.99}));
        assertThat(model.values(new double[] {0.5})).containsExactly(0.7);
    }
}
