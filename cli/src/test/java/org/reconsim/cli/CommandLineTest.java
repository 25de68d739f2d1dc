package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands end to end, as a user runs them. */
class CommandLineTest {

    static final String DUEK = Path.of("..", "scenarios", "duek-2021.yaml").toString();

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReconsimCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void validateAcceptsTheBundledScenario() {
        Result r = run("validate", DUEK);
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith(DUEK + ": valid scenario 'duek-2021' (sha256 ").matches("(?s).*[0-9a-f]{64}\\)\\n");
    }

    @Test
    void powerIsByteIdenticalOnOneTwoAndEightThreads(@TempDir Path dir) throws Exception {
        Result one = run("power", DUEK, "--replicates", "60", "--n-per-arm", "8,12", "--threads", "1", "--out",
                dir.resolve("t1").toString());
        Result two = run("power", DUEK, "--replicates", "60", "--n-per-arm", "8,12", "--threads", "2", "--out",
                dir.resolve("t2").toString());
        Result eight = run("power", DUEK, "--replicates", "60", "--n-per-arm", "8,12", "--threads", "8", "--out",
                dir.resolve("t8").toString());
        assertThat(one.code()).isZero();
        assertThat(two.code()).isZero();
        assertThat(eight.code()).isZero();
        byte[] a = Files.readAllBytes(dir.resolve("t1/power.csv"));
        assertThat(Files.readAllBytes(dir.resolve("t2/power.csv"))).isEqualTo(a);
        assertThat(Files.readAllBytes(dir.resolve("t8/power.csv"))).isEqualTo(a);
        byte[] report = Files.readAllBytes(dir.resolve("t1/report.html"));
        assertThat(Files.readAllBytes(dir.resolve("t2/report.html"))).isEqualTo(report);
        assertThat(Files.readAllBytes(dir.resolve("t8/report.html"))).isEqualTo(report);
        assertThat(two.out()).isEqualTo(one.out().replace(dir.resolve("t1").toString(), dir.resolve("t2").toString()));
        List<String> lines = Files.readAllLines(dir.resolve("t1/power.csv"));
        assertThat(lines.get(0)).isEqualTo("n_per_arm,contrast,endpoint,visit,analysis,replicates,rejections,failed,failure_rate,failure_reasons,power,ci_low,ci_high,"
                + "mean_estimate,sd_estimate,cp_low,cp_high,type_s,exaggeration_ratio,power_directional,mean_z,effect_d,"
                + "sweep_parameter,sweep_value");
        assertThat(lines).hasSize(1 + 2 * 9 * 3);
        assertThat(lines.get(1)).startsWith("8,ketamine-vs-midazolam,amygdala,post,ancova,60,");
        // the connectivity endpoints have their rows, after the scan instrument's SCR
        assertThat(lines).anyMatch(l -> l.startsWith("8,ketamine-vs-midazolam,amygdala_hippocampus,post,ancova,60,"))
                .anyMatch(l -> l.startsWith("12,ketamine-vs-midazolam,hippocampus_vmpfc,fu30,ancova,60,"))
                .anyMatch(l -> l.startsWith("12,ketamine-vs-midazolam,amygdala_vmpfc,fu90,ancova,60,"));
        // the printed table carries the same rows
        assertThat(one.out()).contains("amygdala              post   ancova").contains("amygdala_hippocampus  post   ancova")
                .contains("Wilson");
        // a different seed gives a different table
        run("power", DUEK, "--replicates", "60", "--n-per-arm", "8,12", "--seed", "7", "--out", dir.resolve("t3").toString());
        assertThat(Files.readAllBytes(dir.resolve("t3/power.csv"))).isNotEqualTo(a);
    }

    @Test
    void powerWritesAManifestThatReproducesTheRun(@TempDir Path dir) throws Exception {
        Result r = run("power", DUEK, "--replicates", "20", "--seed", "99", "--threads", "1", "--out", dir.toString(),
                "--target-power", "0.8", "--n-per-arm", "2,16");
        assertThat(r.out()).contains("Target power >= 0.80 for amygdala at post (ancova, ketamine-vs-midazolam): not reached up to 16");
        assertThat(r.code()).isZero();
        JsonNode m = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("manifest.json")));
        assertThat(m.get("command").asString()).isEqualTo("power");
        assertThat(m.get("seed").asLong()).isEqualTo(99);
        assertThat(m.get("mason_version").asString()).isEqualTo(org.reconsim.engine.EngineVersion.MASON);
        assertThat(m.get("reconsim_version").asString()).isEqualTo("0.1.0");
        assertThat(m.get("scenario").get("sha256").asString()).hasSize(64);
        assertThat(m.get("scenario").get("content").get("design").get("n_per_arm").asInt()).isEqualTo(12);
        assertThat(m.get("command_line").toString()).contains("--seed", "99");
        assertThat(m.get("started").asString()).isNotEmpty();
        assertThat(m.get("finished").asString()).isNotEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("power.csv", "report.html",
                    "sample-size.csv", "manifest.json");
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("duek-2021").endsWith("</html>\n");
    }

    @Test
    void runWritesObservationsSubjectsAndEstimates(@TempDir Path dir) throws Exception {
        Result r = run("run", DUEK, "--replicates", "2", "--out", dir.toString(), "--quiet");
        assertThat(r.code()).isZero();
        List<String> obs = Files.readAllLines(dir.resolve("observations.csv"));
        assertThat(obs.get(0)).isEqualTo("replicate,subject_id,arm,site,visit,day,measure,value");
        assertThat(obs.get(1)).matches("0,1,ketamine,site1,pre,0,amygdala,-?[0-9.]+");
        List<String> subjects = Files.readAllLines(dir.resolve("subjects.csv"));
        assertThat(subjects).hasSize(1 + 2 * 24);
        assertThat(subjects.get(0)).startsWith("replicate,subject_id,arm,site,sex,age_years,weight_kg");
        List<String> est = Files.readAllLines(dir.resolve("estimates.csv"));
        assertThat(est.get(0)).isEqualTo("replicate,n_per_arm,contrast,endpoint,visit,analysis,estimate,std_error,df,statistic,p_value");
        assertThat(est).hasSize(1 + 2 * 9 * 3);
        // every pre-visit observation exists: 2 replicates x 24 patients x 9 measures (3 of them connectivity edges)
        assertThat(obs.stream().filter(l -> l.contains(",pre,")).count()).isEqualTo(2 * 24 * 9);
        for (String edge : List.of("amygdala_hippocampus", "hippocampus_vmpfc", "amygdala_vmpfc")) {
            assertThat(obs.stream().filter(l -> l.contains(",pre,0," + edge + ",")).count()).as(edge).isEqualTo(2 * 24);
            assertThat(est).anyMatch(l -> l.startsWith("0,12,ketamine-vs-midazolam," + edge + ",post,ancova,"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial"))).isEmpty();
        }
    }

    @Test
    void generateWritesADatasetWithItsGroundTruth(@TempDir Path dir) throws Exception {
        Result r = run("generate", DUEK, "--n-per-arm", "20", "--out", dir.toString(), "--quiet");
        assertThat(r.code()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("observations.csv", "subjects.csv",
                    "ground_truth.csv", "sessions.csv", "manifest.json");
        }
        List<String> truth = Files.readAllLines(dir.resolve("ground_truth.csv"));
        assertThat(truth.get(0)).isEqualTo("replicate,subject_id,arm,visit,day,in_study,trace_strength,fear_expression_scanner,"
                + "fear_expression_home,extinction_recall_scanner");
        assertThat(truth).hasSize(1 + 40 * 4);
        assertThat(Files.readAllLines(dir.resolve("sessions.csv")).get(0)).isEqualTo("replicate,subject_id,arm,session,trial,hours,suds");
        List<String> obs = Files.readAllLines(dir.resolve("observations.csv"));
        assertThat(obs.stream().filter(l -> l.contains(",wk01,"))).isNotEmpty().allMatch(l -> l.contains(",pcl5,"));
        assertThat(obs.stream().filter(l -> l.contains(",pre,") && l.contains(",caps5,"))).hasSize(40);
        for (String edge : List.of("amygdala_hippocampus", "hippocampus_vmpfc", "amygdala_vmpfc")) {
            assertThat(obs.stream().filter(l -> l.contains(",pre,") && l.contains("," + edge + ","))).as(edge).hasSize(40);
        }
        // the same seed gives the same dataset, byte for byte
        Result again = run("generate", DUEK, "--n-per-arm", "20", "--out", dir.resolve("again").toString(), "--quiet");
        assertThat(again.code()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("again/observations.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("observations.csv")));
    }

    @Test
    void generateWritesABidsDatasetWithImagesEventsAndPhysiology(@TempDir Path dir) throws Exception {
        Result r = run("generate", DUEK, "--format", "bids", "--physio", "--n-per-arm", "3", "--out", dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("dataset_description.json")).exists();
        assertThat(Files.readString(dir.resolve(".bidsignore"))).isEqualTo("manifest.json\n");
        assertThat(Files.readAllLines(dir.resolve("participants.tsv")).get(0)).startsWith("participant_id");
        Path func = dir.resolve("sub-001/ses-pre/func");
        Path bold = func.resolve("sub-001_ses-pre_task-memory_bold.nii.gz");
        assertThat(bold).exists();
        assertThat(func.resolve("sub-001_ses-pre_task-memory_events.tsv")).exists();
        assertThat(func.resolve("sub-001_ses-pre_task-memory_physio.tsv.gz")).exists();
        // the NIfTI header: 4-D, 3 ROI voxels x 550 volumes, TR 1 s
        byte[] header = new java.util.zip.GZIPInputStream(Files.newInputStream(bold)).readNBytes(352);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(348);
        assertThat(b.getShort(40)).isEqualTo((short) 4);
        assertThat(b.getShort(42)).isEqualTo((short) 3);
        assertThat(b.getShort(48)).isEqualTo((short) 550);
        assertThat(b.getFloat(76 + 16)).isEqualTo(1.0f);
        assertThat(dir.resolve("derivatives/reconsim/roi_betas.tsv")).exists();
        List<String> connectivity = Files.readAllLines(dir.resolve("derivatives/reconsim/connectivity.tsv"));
        assertThat(connectivity.get(0)).isEqualTo("participant_id\tsession\troi_a\troi_b\tcontrast\tfisher_z\tendpoint\tendpoint_value");
        for (String edge : List.of("amygdala_hippocampus", "hippocampus_vmpfc", "amygdala_vmpfc")) {
            assertThat(connectivity).as(edge).anyMatch(l -> l.startsWith("sub-001\tpre\t") && l.contains("\t" + edge + "\t"));
        }
        assertThat(dir.resolve("derivatives/reconsim/ground_truth.tsv")).exists();
        Result bad = run("generate", DUEK, "--physio", "--out", dir.resolve("x").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("reconsim: --physio needs --format bids (EDA traces are written as BIDS physio files)\n");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void sweepRepeatsThePowerAnalysisOverAMechanismStrength(@TempDir Path dir) throws Exception {
        Result r = run("power", DUEK, "--n-per-arm", "48", "--replicates", "300", "--sweep",
                "mechanisms.restabilization_blockade.k_block=0,1", "--out", dir.resolve("s").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> amygdala = Files.readAllLines(dir.resolve("s/power.csv")).stream()
                .filter(l -> l.startsWith("48,ketamine-vs-midazolam,amygdala,post,ancova,")).toList();
        assertThat(amygdala).hasSize(2);
        double none = Double.parseDouble(amygdala.get(0).split(",")[13]);
        double full = Double.parseDouble(amygdala.get(1).split(",")[13]);
        assertThat(amygdala.get(0)).endsWith(",mechanisms.restabilization_blockade.k_block,0");
        // no blockade is the null hypothesis (same virtual patients): no effect; full blockade lowers the amygdala response
        assertThat(Math.abs(none)).isLessThan(0.02);
        assertThat(full).isLessThan(none - 0.04);
        Result bad = run("power", DUEK, "--sweep", "mechanisms.restabilization_blockade.k_block=0,2", "--out", dir.resolve("b").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("reconsim: --sweep mechanisms.restabilization_blockade.k_block=2: out of range: "
                + "allowed 0 <= x <= 1, got 2\n");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void wholeNumberFieldsCanBeSweptAndRejectFractions(@TempDir Path dir) throws Exception {
        Result r = run("power", DUEK, "--n-per-arm", "6", "--replicates", "20", "--sweep", "design.sites=1,3",
                "--out", dir.resolve("w").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("w/power.csv")).stream().filter(l -> l.startsWith("6,ketamine-vs-midazolam,amygdala,post,ancova,")))
                .hasSize(2).last().asString().endsWith(",design.sites,3");
        Result bad = run("power", DUEK, "--sweep", "design.sites=2.5", "--out", dir.resolve("f").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("reconsim: --sweep design.sites=2.5: expected a whole number, got 2.5\n");
        assertThat(dir.resolve("f")).doesNotExist();
    }

    @Test
    void theReplicateTableHoldsTheValuesPowerIsComputedFrom(@TempDir Path dir) throws Exception {
        Result r = run("power", DUEK, "--n-per-arm", "8,16", "--replicates", "50", "--replicate-table", "--out",
                dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("replicates.csv"));
        assertThat(rows.get(0)).isEqualTo("replicate,sweep_parameter,sweep_value,n_per_arm,contrast,endpoint,visit,analysis,estimate,p_value,"
                + "std_error,true_effect,true_d,failure");
        assertThat(rows).hasSize(1 + 50 * 2 * 9 * 3);
        assertThat(rows.get(1)).startsWith("0,NA,NA,8,ketamine-vs-midazolam,amygdala,post,ancova,");
        // power at n = 16 for amygdala at post is the share of those 50 p-values below alpha
        List<String[]> cells = rows.stream().skip(1).map(l -> l.split(","))
                .filter(c -> c[3].equals("16") && c[5].equals("amygdala") && c[6].equals("post")).toList();
        assertThat(cells).hasSize(50);
        long rejected = cells.stream().filter(c -> Double.parseDouble(c[9]) < 0.05).count();
        String powerRow = Files.readAllLines(dir.resolve("power.csv")).stream().filter(l -> l.startsWith("16,ketamine-vs-midazolam,amygdala,post,ancova,"))
                .findFirst().orElseThrow();
        assertThat(powerRow.split(",")[6]).isEqualTo(Long.toString(rejected));
        double mean = cells.stream().mapToDouble(c -> Double.parseDouble(c[8])).average().orElseThrow();
        assertThat(Double.parseDouble(powerRow.split(",")[13])).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-8));
    }

    @Test
    void assuranceDrawsTheStrengthOfEachTrialFromAPrior(@TempDir Path dir) throws Exception {
        Result r = run("power", DUEK, "--n-per-arm", "48", "--replicates", "300", "--assurance",
                "mechanisms.restabilization_blockade.k_block=uniform(0,1)", "--out", dir.resolve("a").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        String row = Files.readAllLines(dir.resolve("a/power.csv")).stream().filter(l -> l.startsWith("48,ketamine-vs-midazolam,amygdala,post,ancova,"))
                .findFirst().orElseThrow();
        double mean = Double.parseDouble(row.split(",")[13]);
        // the blockade's effect is about linear in k_block: averaged over U(0, 1) it is about half the full effect (-0.07)
        assertThat(mean).isBetween(-0.055, -0.015);
        assertThat(row).contains("assurance:mechanisms.restabilization_blockade.k_block~uniform(0,1)");
        Result bad = run("power", DUEK, "--assurance", "mechanisms.restabilization_blockade.k_block=uniform(0,3)", "--out",
                dir.resolve("b").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("reconsim: --assurance mechanisms.restabilization_blockade.k_block=3.0: out of range: "
                + "allowed 0 <= x <= 1, got 3\n");
        Result syntax = run("power", DUEK, "--assurance", "k=gamma(1,2)", "--out", dir.resolve("c").toString());
        assertThat(syntax.code()).isEqualTo(2);
        assertThat(dir.resolve("b")).doesNotExist();
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void precisionAddsReplicatesUntilEveryIntervalIsNarrow(@TempDir Path dir) throws Exception {
        Result r = run("power", DUEK, "--replicates", "100", "--precision", "0.03", "--out", dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("power.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            assertThat(Integer.parseInt(c[5])).isGreaterThan(100);
            assertThat((Double.parseDouble(c[12]) - Double.parseDouble(c[11])) / 2).isLessThanOrEqualTo(0.03);
        }
    }

    @Test
    void badOptionsAreInvalidInput(@TempDir Path dir) {
        Result threads = run("power", DUEK, "--threads", "0", "--out", dir.resolve("a").toString());
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err()).isEqualTo("reconsim: --threads must be within 1..4096, got 0\n");
        Result sizes = run("power", DUEK, "--n-per-arm", "10:5:1", "--out", dir.resolve("b").toString());
        assertThat(sizes.code()).isEqualTo(2);
        assertThat(sizes.err()).isEqualTo("reconsim: --n-per-arm: expected from <= to and step >= 1 in '10:5:1'\n");
        Result unknown = run("power", DUEK, "--frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("reconsim: Unknown option: '--frobnicate'");
        Result noCommand = run();
        assertThat(noCommand.code()).isEqualTo(2);
        Result missing = run("power", "no-such.yaml", "--out", dir.resolve("c").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("no-such.yaml: file not found\n");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void versionNamesReconsimAndMason() {
        Result r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("reconsim 0.1.0 (MASON " + org.reconsim.engine.EngineVersion.MASON + ",");
    }
}
