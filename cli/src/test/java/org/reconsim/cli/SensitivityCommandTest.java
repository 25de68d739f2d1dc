package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code reconsim sensitivity} end to end: outputs, determinism across threads, and bad input. */
class SensitivityCommandTest {

    private static final String K_BLOCK = "mechanisms.restabilization_blockade.k_block";
    private static final String PCL5_ICC = "measurement.pcl5.icc";

    private static String[] small(Path out, String threads) {
        return new String[] {"sensitivity", DUEK, "--vary", K_BLOCK + "=uniform(0,1)", "--vary", PCL5_ICC + "=uniform(0.5,0.9)",
            "--samples", "8", "--replicates", "10", "--bootstrap", "50", "--threads", threads, "--out", out.toString()};
    }

    /**
     * The same run on 1 and 2 threads writes the same bytes. And the trials are common to every
     * point: the PCL-5's reliability does not enter the amygdala reading, so swapping it between
     * rows changes no output, and both its indices are exactly 0 (with independent trials at each
     * point they would be the noise's share, about 1/R of the variance).
     */
    @Test
    void sameOutputsOnOneAndTwoThreadsAndAFieldThatDoesNotEnterHasIndicesZero(@TempDir Path dir) throws Exception {
        CommandLineTest.Result one = run(small(dir.resolve("one"), "1"));
        CommandLineTest.Result two = run(small(dir.resolve("two"), "2"));
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.code()).as(two.err()).isZero();
        for (String file : List.of("sensitivity.csv", "evaluations.csv", "report.html")) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(file)));
        }
        assertThat(two.out()).isEqualTo(one.out().replace(dir.resolve("one").toString(), dir.resolve("two").toString()));
        List<String> csv = Files.readAllLines(dir.resolve("one/sensitivity.csv"));
        assertThat(csv.get(0)).isEqualTo("field,prior,first_order,first_low,first_high,total,total_low,total_high,samples,replicates,"
                + "output,variance");
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith(K_BLOCK + ",\"uniform(0,1)\",");
        assertThat(csv.get(2)).startsWith(PCL5_ICC + ",\"uniform(0.5,0.9)\",0,0,0,0,0,0,8,10,"
                + "\"mean_z of amygdala at post (ketamine-vs-midazolam, ancova)\",");
        // N (k + 2) = 32 points, each with its field values
        List<String> points = Files.readAllLines(dir.resolve("one/evaluations.csv"));
        assertThat(points).hasSize(33);
        assertThat(points.get(0)).isEqualTo("row,matrix," + K_BLOCK + "," + PCL5_ICC + ",output");
        assertThat(points.get(1)).startsWith("0,A,0.5,0.7,");
        assertThat(points.get(3)).startsWith("0,AB:" + K_BLOCK + ",");
        assertThat(Files.readString(dir.resolve("one/report.html"))).contains("<svg", "total index", K_BLOCK);
        JsonNode manifest = JsonMapper.builder().build().readTree(dir.resolve("one/manifest.json").toFile());
        assertThat(manifest.get("command").asString()).isEqualTo("sensitivity");
        assertThat(manifest.get("outputs").toString()).isEqualTo("[\"sensitivity.csv\",\"evaluations.csv\",\"report.html\"]");
        assertThat(one.out()).startsWith("Sobol indices of mean_z of amygdala at post (ketamine-vs-midazolam, ancova) (duek-2021, "
                + "N = 8, 32 points of 10 virtual trials each, seed 20210601)\n");
    }

    @Test
    void everyBadOptionIsOneLineBeforeAnySimulationAndNoFolderIsMade(@TempDir Path dir) {
        Path out = dir.resolve("never");
        CommandLineTest.Result r = run("sensitivity", DUEK, "--vary", "design.n_per_arm=uniform(10,20)", "--vary",
                "simulation.seed=uniform(1,2)", "--vary", "simulation.replicates=uniform(1,2)", "--vary",
                "mechanisms.active=discrete(null:0.5,restabilization-blockade:0.5)", "--vary", "design.arms[1].allocation=uniform(1,2)",
                "--vary", "foo.bar=uniform(0,1)", "--vary", "design.arms[0].drug=uniform(0,1)", "--vary", K_BLOCK + "=uniform(0,2)",
                "--vary", "design.sites=uniform(1,3)", "--vary", "measurement.amygdala.icc=discrete(0.2:0.5,0.4:0.5)", "--vary",
                "measurement.hippocampus.icc=gamma(1,2)", "--vary", "pharmacology.occupancy.ki_micromolar=loguniform(0,5)", "--vary",
                PCL5_ICC + "=uniform(0.5,0.9)", "--vary", PCL5_ICC + "=uniform(0.6,0.9)", "--output", "z", "--endpoint", "nope",
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                "reconsim: --vary design.n_per_arm: cannot vary: the arm sizes are the published trial's; they are not parameters",
                "reconsim: --vary simulation.seed: cannot vary: the seed and the replicate count address the simulated trials; "
                        + "they are not parameters",
                "reconsim: --vary simulation.replicates: cannot vary: the seed and the replicate count address the simulated "
                        + "trials; they are not parameters",
                "reconsim: --vary mechanisms.active: cannot vary: a set of mechanism hypotheses, not a number (compare hypotheses "
                        + "with power --assurance or one analysis per hypothesis)",
                "reconsim: --vary design.arms[1].allocation: cannot vary: the arm sizes are the published trial's; they are not "
                        + "parameters",
                "reconsim: --vary: expected FIELD=PRIOR with PRIOR uniform(lo,hi), normal(mean,sd,lo,hi), "
                        + "lognormal(meanlog,sdlog[,lo,hi]), loguniform(lo,hi), beta(a,b[,lo,hi]) or discrete(value:p,...), "
                        + "got 'measurement.hippocampus.icc=gamma(1,2)'",
                "reconsim: --vary pharmacology.occupancy.ki_micromolar=loguniform(0,5): loguniform needs 0 < lo < hi",
                "reconsim: --vary " + PCL5_ICC + ": given twice",
                "reconsim: --vary measurement.amygdala.icc=discrete(0.2:0.5,0.4:0.5): Sobol indices need a continuous prior: "
                        + "uniform(lo,hi), normal(mean,sd,lo,hi), lognormal(meanlog,sdlog[,lo,hi]), loguniform(lo,hi) or beta(a,b[,lo,hi])",
                "reconsim: --vary foo.bar=0.0: cannot set: no field 'foo' here",
                "reconsim: --vary design.arms[0].drug=0.0: cannot set: only numeric fields can vary",
                "reconsim: --vary " + K_BLOCK + "=2.0: out of range: allowed 0 <= x <= 1, got 2",
                "reconsim: --vary design.sites=1.6366197723675815: expected a whole number, got 1.6366197723675815",
                "reconsim: --output: expected power, mean_z or effect_d, got 'z'",
                "reconsim: --endpoint: expected one of amygdala, hippocampus, vmpfc, scr, amygdala_hippocampus, hippocampus_vmpfc, "
                        + "amygdala_vmpfc, pcl5, caps5, got 'nope'");
        assertThat(out).doesNotExist();
    }

    @Test
    void visitMustBeOneTheEndpointIsAnalysedAtAndOptionsHaveRanges(@TempDir Path dir) {
        Path out = dir.resolve("never");
        CommandLineTest.Result visit = run("sensitivity", DUEK, "--vary", K_BLOCK + "=uniform(0,1)", "--visit", "pre", "--out",
                out.toString());
        assertThat(visit.code()).isEqualTo(2);
        assertThat(visit.err()).isEqualTo("reconsim: --visit: amygdala is analysed at post, fu30, fu90, got 'pre'\n");
        CommandLineTest.Result samples = run("sensitivity", DUEK, "--vary", K_BLOCK + "=uniform(0,1)", "--samples", "1", "--out",
                out.toString());
        assertThat(samples.code()).isEqualTo(2);
        assertThat(samples.err()).isEqualTo("reconsim: --samples must be within 2..1048576, got 1\n");
        CommandLineTest.Result none = run("sensitivity", DUEK, "--out", out.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).startsWith("reconsim: Missing required option: '--vary=FIELD=PRIOR'\n");
        assertThat(out).doesNotExist();
    }
}
