package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.results.power.AssurancePrior;

/**
 * The quantities beside power (docs/POWER.md): directional power, mean z, the true d, type S
 * and exaggeration against the true effect, and assurance draws in replicates.csv.
 */
class PowerQuantitiesTest {

    private static final String K_BLOCK = "mechanisms.restabilization_blockade.k_block";
    private static final String MECHANISMS = "mechanisms.active=discrete(restabilization-blockade:0.6,null:0.4)";

    /** power.csv as maps from column name to cell, one per row. */
    private static List<Map<String, String>> table(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = parse(lines.get(0));
        return lines.stream().skip(1).map(PowerQuantitiesTest::parse).map(cells -> {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            return row;
        }).toList();
    }

    /** CSV cells, with quoted cells (which hold commas) unquoted. */
    private static List<String> parse(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String n, String endpoint, String visit) {
        return rows.stream().filter(r -> r.get("n_per_arm").equals(n) && r.get("endpoint").equals(endpoint)
                && r.get("visit").equals(visit) && r.get("analysis").equals("ancova")).findFirst().orElseThrow();
    }

    @Test
    void aNullRunPrintsNaForTypeSAndExaggerationBecauseTheTrueEffectIsExactlyZero(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("null.yaml");
        Files.writeString(scenario, Files.readString(Path.of(DUEK)).replace("active: [restabilization-blockade]", "active: []"));
        Result r = run("power", scenario.toString(), "--replicates", "200", "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, String>> rows = table(dir.resolve("out/power.csv"));
        for (String endpoint : List.of("amygdala", "hippocampus", "vmpfc", "scr", "amygdala_hippocampus", "hippocampus_vmpfc",
                "amygdala_vmpfc", "caps5")) {
            for (String visit : List.of("post", "fu30", "fu90")) {
                Map<String, String> row = row(rows, "12", endpoint, visit);
                assertThat(row.get("effect_d")).as("%s %s", endpoint, visit).isEqualTo("0");
                assertThat(row.get("type_s")).isEqualTo("NA");
                assertThat(row.get("exaggeration_ratio")).isEqualTo("NA");
                assertThat(Integer.parseInt(row.get("rejections"))).isLessThan(30); // type I errors only: about 10 of 200
            }
        }
        // expectancy after functional unblinding is a true nonspecific effect on the self-report, judged as one
        assertThat(row(rows, "12", "pcl5", "post").get("effect_d")).isNotEqualTo("0");
        String amygdala = Arrays.stream(r.out().split("\n")).filter(l -> l.matches("\\s*12\\s+amygdala\\s+post\\s.*")).findFirst().orElseThrow();
        assertThat(amygdala).endsWith("0.000      NA            NA");
    }

    /**
     * power.csv's new columns are what replicates.csv's per-trial values give when recomputed
     * here: directional power, mean z, and type S and exaggeration against the true_effect column.
     */
    @Test
    void theNewColumnsAreRecomputedFromTheReplicateTable(@TempDir Path dir) throws Exception {
        Result r = run("power", DUEK, "--replicates", "150", "--n-per-arm", "40", "--replicate-table", "--out", dir.toString(),
                "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, String>> replicates = table(dir.resolve("replicates.csv"));
        List<Map<String, String>> power = table(dir.resolve("power.csv"));
        for (String endpoint : List.of("amygdala", "pcl5")) {
            List<Map<String, String>> trials = replicates.stream().filter(t -> t.get("endpoint").equals(endpoint)
                    && t.get("visit").equals("post")).toList();
            assertThat(trials).hasSize(150);
            double truth = Double.parseDouble(trials.get(0).get("true_effect"));
            assertThat(truth).isNegative();
            assertThat(trials).allMatch(t -> Double.parseDouble(t.get("true_effect")) == truth);
            long directional = 0;
            long judged = 0;
            long wrong = 0;
            double absSum = 0;
            double zSum = 0;
            for (Map<String, String> t : trials) {
                double est = Double.parseDouble(t.get("estimate"));
                zSum += est / Double.parseDouble(t.get("std_error"));
                if (Double.parseDouble(t.get("p_value")) < 0.05) {
                    directional += est < 0 ? 1 : 0; // the trial's hypothesis: lower (analysis.hypothesized_direction)
                    judged++;
                    wrong += Math.signum(est) != Math.signum(truth) ? 1 : 0;
                    absSum += Math.abs(est);
                }
            }
            Map<String, String> row = row(power, "40", endpoint, "post");
            assertThat(Double.parseDouble(row.get("power_directional"))).isCloseTo((double) directional / 150, within(1e-9));
            assertThat(Double.parseDouble(row.get("mean_z"))).isCloseTo(zSum / 150, within(1e-6));
            assertThat(Double.parseDouble(row.get("type_s"))).isCloseTo((double) wrong / judged, within(1e-9));
            assertThat(Double.parseDouble(row.get("exaggeration_ratio"))).isCloseTo(absSum / judged / Math.abs(truth), within(1e-6));
            assertThat(Double.parseDouble(row.get("effect_d"))).isCloseTo(Double.parseDouble(trials.get(0).get("true_d")),
                    within(1e-9));
        }
    }

    private static String[] assurance(Path out, String threads) {
        return new String[] {"power", DUEK, "--n-per-arm", "8", "--replicates", "40", "--assurance", K_BLOCK + "=beta(2,2)",
            "--assurance", MECHANISMS, "--assurance-correlation", K_BLOCK + ",mechanisms.active=0.5", "--replicate-table",
            "--threads", threads, "--out", out.toString(), "--quiet"};
    }

    @Test
    void anAssuranceRunsReplicateTableHoldsEachTrialsDrawsAndItsOwnTruth(@TempDir Path dir) throws Exception {
        Result one = run(assurance(dir.resolve("one"), "1"));
        assertThat(one.code()).as(one.err()).isZero();
        Result two = run(assurance(dir.resolve("two"), "2"));
        assertThat(two.code()).as(two.err()).isZero();
        for (String file : List.of("power.csv", "replicates.csv", "report.html")) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(file)));
        }
        List<String> header = parse(Files.readAllLines(dir.resolve("one/replicates.csv")).get(0));
        assertThat(header.subList(header.size() - 2, header.size())).containsExactly(K_BLOCK, "mechanisms.active");
        // the draws, independently: the prior drawn from the run's seed, trial by trial
        AssurancePrior prior = AssuranceSpec.of(List.of(K_BLOCK + "=beta(2,2)", MECHANISMS),
                List.of(K_BLOCK + ",mechanisms.active=0.5")).prior();
        RandomStreams streams = new RandomStreams(20210601);
        Map<String, List<Map<String, String>>> byTrial = table(dir.resolve("one/replicates.csv")).stream()
                .collect(Collectors.groupingBy(t -> t.get("replicate")));
        assertThat(byTrial).hasSize(40);
        int nulls = 0;
        for (int r = 0; r < 40; r++) {
            double[] drawn = prior.draw(streams, r);
            List<Map<String, String>> rows = byTrial.get(Integer.toString(r));
            Function<Map<String, String>, Double> kBlock = t -> Double.parseDouble(t.get(K_BLOCK));
            assertThat(kBlock.apply(rows.get(0))).isCloseTo(drawn[0], within(1e-9 * Math.max(1, drawn[0])));
            String mechanism = drawn[1] == 0 ? "restabilization-blockade" : "null";
            assertThat(rows).allMatch(t -> t.get("mechanisms.active").equals(mechanism));
            double amygdala = rows.stream().filter(t -> t.get("endpoint").equals("amygdala") && t.get("visit").equals("post"))
                    .mapToDouble(t -> Double.parseDouble(t.get("true_effect"))).findFirst().orElseThrow();
            if (mechanism.equals("null")) {
                nulls++;
                assertThat(amygdala).as("trial %s: no mechanism, no brain effect", r).isEqualTo(0.0);
            } else {
                assertThat(amygdala).as("trial %s: blockade with k_block %s", r, drawn[0]).isNegative();
            }
        }
        assertThat(nulls).isBetween(4, 30);
    }

    @Test
    void badPriorsGetOneLinePerProblemAndExitTwo(@TempDir Path dir) {
        Result r = run("power", DUEK, "--assurance", "k=uniform(1,0)", "--assurance", "mechanisms.active=uniform(0,1)",
                "--assurance", "x=discrete(a:0.5,b:0.5)", "--assurance", "y=discrete(1:0.5,2:0.4)", "--assurance",
                K_BLOCK + "=lognormal(0,0)", "--assurance", "z=gamma(1)", "--assurance", "y=discrete(1:0.5,2:0.4)",
                "--assurance-correlation", "a.b,y=0.5", "--assurance-correlation", "y=0.5", "--out", dir.resolve("a").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(String.join("\n",
                "reconsim: --assurance k=uniform(1,0): uniform needs lo < hi",
                "reconsim: --assurance mechanisms.active=uniform(0,1): mechanisms.active takes a discrete prior over mechanism "
                        + "hypotheses, e.g. discrete(restabilization-blockade:0.5,null:0.5)",
                "reconsim: --assurance x=discrete(a:0.5,b:0.5): 'a' is not a number (only mechanisms.active takes labels)",
                "reconsim: --assurance x=discrete(a:0.5,b:0.5): 'b' is not a number (only mechanisms.active takes labels)",
                "reconsim: --assurance y=discrete(1:0.5,2:0.4): the probabilities sum to 0.9, not 1",
                "reconsim: --assurance " + K_BLOCK + "=lognormal(0,0): lognormal needs sdlog > 0",
                "reconsim: --assurance: expected FIELD=PRIOR with PRIOR " + AssuranceSpec.PRIORS + ", got 'z=gamma(1)'",
                "reconsim: --assurance y=discrete(1:0.5,2:0.4): the probabilities sum to 0.9, not 1",
                "reconsim: --assurance-correlation a.b,y=0.5: a.b is not a field drawn by --assurance",
                "reconsim: --assurance-correlation: expected FIELD,FIELD=r with -1 < r < 1, got 'y=0.5'") + "\n");

        Result scenario = run("power", DUEK, "--assurance", "mechanisms.active=discrete(foo:0.5,null:0.5)", "--assurance",
                K_BLOCK + "=lognormal(0,1)", "--assurance", "design.sites=loguniform(1,3)", "--out", dir.resolve("b").toString());
        assertThat(scenario.code()).isEqualTo(2);
        assertThat(scenario.err()).isEqualTo(String.join("\n",
                "reconsim: --assurance mechanisms.active=foo: expected one of restabilization-blockade, plasticity-window, "
                        + "destabilization-interference, learning-blockade, structure-learning, got 'foo'",
                "reconsim: --assurance " + K_BLOCK + "=3675.83701593391: out of range: allowed 0 <= x <= 1, got 3675.83701593391",
                "reconsim: --assurance design.sites=1.4186406899755546: expected a whole number, got 1.4186406899755546") + "\n");

        Result twice = run("power", DUEK, "--assurance", K_BLOCK + "=uniform(0,1)", "--assurance", K_BLOCK + "=beta(2,2)",
                "--out", dir.resolve("c").toString());
        assertThat(twice.err()).isEqualTo("reconsim: --assurance " + K_BLOCK + ": drawn twice\n");
        Result alone = run("power", DUEK, "--assurance-correlation", "a,b=0.2", "--out", dir.resolve("d").toString());
        assertThat(alone.err()).isEqualTo("reconsim: --assurance-correlation needs --assurance\n");
        Result singular = run("power", DUEK, "--assurance", "a=uniform(0,1)", "--assurance", "b=uniform(0,1)", "--assurance",
                "c=uniform(0,1)", "--assurance-correlation", "a,b=0.9", "--assurance-correlation", "a,c=0.9",
                "--assurance-correlation", "b,c=-0.9", "--out", dir.resolve("e").toString());
        assertThat(singular.err()).isEqualTo("reconsim: --assurance-correlation: the correlations are not a valid correlation matrix "
                + "(not positive definite)\n");
        for (String d : List.of("a", "b", "c", "d", "e")) {
            assertThat(dir.resolve(d)).doesNotExist();
        }
    }
}
