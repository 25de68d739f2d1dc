package org.reconsim.results.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.PriorDistribution;

/** A sensitivity model serialized (as a distributed engine ships it) evaluates bit for bit as the original. */
class TrialModelSerializationTest {

    @Test
    void theTrialModelTravelsAsItsScenarioAndSettings() throws Exception {
        AssurancePrior prior = new AssurancePrior(List.of(new AssurancePrior.Field("pharmacology.occupancy.ki_micromolar",
                "loguniform(0.3,5)", new PriorDistribution.LogUniform(0.3, 5))), new double[][] {{1}});
        TrialModel model = new TrialModel(ScenarioLoader.load(Path.of("..", "scenarios", "duek-2021.yaml")), prior, 5, 4, 12,
                new TrialOutput(TrialOutput.Quantity.MEAN_Z, "ketamine-vs-midazolam", "amygdala", "post", "ancova"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        Model back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Model) in.readObject();
        }
        double[] u = {0.37};
        assertThat(back.evaluate(u)).isEqualTo(model.evaluate(u)).isFinite();
    }
}
