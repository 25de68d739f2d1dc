package org.reconsim.results.phenomena;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reconsim.engine.scenario.Experiment;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.models.memory.MemoryModel;
import org.reconsim.models.memory.MemoryModelRegistry;

/**
 * The memory models reproduce the canonical phenomena (docs/PHENOMENA.md): every expected finding
 * of the row comes out with its 95% interval on the right side of 0 (and the size the file
 * asks for). Each row runs a few hundred virtual subjects per group in well under a second.
 */
class PhenomenaSuiteTest {

    private static final Path DIR = Path.of("..", "scenarios", "phenomena");

    static Experiment load(String file) throws Exception {
        return ScenarioLoader.loadExperiment(DIR.resolve(file)).experiment();
    }

    @ParameterizedTest(name = "{1} reproduces {0}")
    @CsvSource({
        "01-spontaneous-recovery.yaml, two-trace",
        "02-renewal-aba.yaml, two-trace",
        "03-nader-2000.yaml, two-trace",
        "04-monfils-schiller.yaml, two-trace",
        "05-sevenster-2013.yaml, two-trace",
        "06-suzuki-2004.yaml, two-trace",
        "08-ben-mamou-2006.yaml, two-trace",
        "12-kredlow-2016.yaml, two-trace",
        "13-prolonged-exposure.yaml, two-trace",
        "01-spontaneous-recovery.yaml, latent-cause",
        "02-renewal-aba.yaml, latent-cause",
        "03-nader-2000.yaml, latent-cause",
        "05-sevenster-2013.yaml, latent-cause",
        "11-gershman-2013.yaml, latent-cause"})
    void reproduces(String file, String model) throws Exception {
        Experiment e = load(file);
        MemoryModel<?> m = MemoryModelRegistry.byLabel(model).orElseThrow();
        PhenomenaSuite.Result r = PhenomenaSuite.run(e, m, null);
        assertThat(r.contrasts()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.verdict()).as(c.expected() + ": contrast " + c.contrast() + " [" + c.ciLow() + ", " + c.ciHigh() + "]")
                    .isEqualTo("reproduced");
        });
    }

    @Test
    void naderOrderingWithTheRetrievalInhibitorGroupClearlyLowest() throws Exception {
        PhenomenaSuite.Result r = PhenomenaSuite.run(load("03-nader-2000.yaml"), MemoryModelRegistry.standard(), null);
        double noRetrieval = mean(r, "no-retrieval-inhibitor/test");
        double delayed = mean(r, "retrieval-delayed-inhibitor/test");
        double amnesia = mean(r, "retrieval-inhibitor/test");
        // Nader 2000: about 0.70 > 0.60 > 0.30
        assertThat(noRetrieval).isGreaterThan(delayed);
        assertThat(delayed).isGreaterThan(amnesia + 0.2);
        assertThat(amnesia / noRetrieval).isBetween(0.3, 0.6);
    }

    @Test
    void kredlowEffectSizeNearFourTenths() throws Exception {
        PhenomenaSuite.Result r = PhenomenaSuite.run(load("12-kredlow-2016.yaml"), MemoryModelRegistry.standard(), null);
        assertThat(r.contrasts().get(0).hedgesG()).isBetween(0.2, 0.8);
    }

    @Test
    void mechanismMatrixSaysWhichHypothesisFitsWhichNmdaFinding() throws Exception {
        Experiment lee = load("07-lee-2006.yaml");
        Experiment honsberger = load("09-honsberger-2015.yaml");
        Experiment das = load("10-das-2019.yaml");
        // the null hypothesis reproduces none of the drug effects
        assertThat(verdicts(lee, MechanismHypothesis.NULL)).containsExactly("inconsistent", "inconsistent");
        assertThat(verdicts(das, MechanismHypothesis.NULL)).containsExactly("inconsistent");
        // Lee 2006 needs both restabilization blockade (brief) and blocked new learning (long)
        assertThat(verdicts(lee, MechanismHypothesis.M1)).containsExactly("consistent", "inconsistent");
        assertThat(verdicts(lee, MechanismHypothesis.M1_LEARNING)).containsExactly("consistent", "consistent");
        // Honsberger 2015: strengthening at retrieval, no effect after it
        assertThat(verdicts(honsberger, MechanismHypothesis.M3_STRENGTHENING)).containsExactly("consistent", "consistent");
        assertThat(verdicts(honsberger, MechanismHypothesis.M1)).containsExactly("inconsistent", "inconsistent");
        // Das 2019: lasting reduction after ketamine right after retrieval needs M1
        assertThat(verdicts(das, MechanismHypothesis.M1)).containsExactly("consistent");
        assertThat(verdicts(das, MechanismHypothesis.M3)).containsExactly("inconsistent");
    }

    private static List<String> verdicts(Experiment e, MechanismHypothesis h) {
        return PhenomenaSuite.run(e, MemoryModelRegistry.standard(), h).contrasts().stream().map(ContrastRow::verdict).toList();
    }

    private static double mean(PhenomenaSuite.Result r, String measure) {
        return r.means().stream().filter(m -> m.measure().equals(measure)).findFirst().orElseThrow().mean();
    }
}
