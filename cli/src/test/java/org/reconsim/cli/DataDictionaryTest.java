package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.results.dataset.DataDictionary;
import org.reconsim.results.dataset.DataTable;
import org.reconsim.results.dataset.PowerTable;
import org.reconsim.results.dataset.ReplicateTable;
import org.reconsim.results.dataset.ResultDictionary;
import org.reconsim.results.dataset.bids.BidsDerivative;
import org.reconsim.results.inference.CalibrationRecovery;
import org.reconsim.results.phenomena.PhenomenaReport;
import org.reconsim.results.report.CheckReport;
import org.reconsim.results.report.DiscriminationReport;
import org.reconsim.results.report.PkReport;
import org.reconsim.results.sensitivity.SensitivityTable;

/**
 * docs/DATA.md, the registry it is generated from (DataDictionary, ResultDictionary) and the
 * headers the writers write, kept in step as ScenarioDocsTest keeps scenarios/README.md: every
 * column a writer writes is documented and every documented column is written.
 */
class DataDictionaryTest {

    @Test
    void dataMdIsTheRegistry() throws Exception {
        String text = Files.readString(Path.of("..", "docs", "DATA.md"));
        String begin = "<!-- tables:begin -->\n";
        assertThat(text.substring(text.indexOf(begin) + begin.length(), text.indexOf("<!-- tables:end -->")))
                .isEqualTo(DataDictionary.markdown());
    }

    @Test
    void theWritersHeadersAreTheDocumentedColumns() {
        assertThat(PowerTable.COLUMNS).isEqualTo(ResultDictionary.POWER.names());
        assertThat(ReplicateTable.COLUMNS).isEqualTo(ResultDictionary.REPLICATES.names());
        assertThat(org.reconsim.results.dataset.StagesTable.STAGE_COLUMNS).containsExactly("n_per_arm", "contrast", "look",
                "information_fraction", "n_per_arm_at_look", "efficacy_z", "futility_z", "alpha_spent", "hypothesis", "replicates",
                "drift", "stop_efficacy", "p_stop_efficacy", "p_stop_efficacy_low", "p_stop_efficacy_high",
                "analytic_p_stop_efficacy", "stop_futility", "p_stop_futility", "p_stop_futility_low", "p_stop_futility_high",
                "analytic_p_stop_futility", "rejected_by_look", "p_rejected_by_look", "p_rejected_by_look_low",
                "p_rejected_by_look_high", "analytic_p_rejected_by_look", "undefined", "sweep_parameter", "sweep_value");
        assertThat(org.reconsim.results.dataset.StagesTable.SUMMARY_COLUMNS).hasSize(36).startsWith("n_per_arm", "contrast",
                "hypothesis", "replicates", "drift", "rejections", "power").endsWith("expected_n_per_arm",
                "expected_n_per_arm_low", "expected_n_per_arm_high", "analytic_expected_n_per_arm", "sweep_parameter", "sweep_value");
        assertThat(PkReport.COLUMNS).isEqualTo(ResultDictionary.PK.names());
        assertThat(PhenomenaReport.COLUMNS).isEqualTo(ResultDictionary.PHENOMENA.names());
        assertThat(CheckReport.COLUMNS).isEqualTo(ResultDictionary.CHECK.names());
        assertThat(CalibrationRecovery.COLUMNS).isEqualTo(ResultDictionary.RECOVERY.names());
        assertThat(DiscriminationReport.CONFUSION_COLUMNS).isEqualTo(ResultDictionary.CONFUSION.names());
        assertThat(DiscriminationReport.ACCURACY_COLUMNS).isEqualTo(ResultDictionary.ACCURACY.names());
        assertThat(SensitivityTable.COLUMNS).isEqualTo(ResultDictionary.SENSITIVITY.names());
        assertThat(BidsDerivative.ROI_BETA_COLUMNS.stream().map(BidsDerivative.Column::name).toList())
                .isEqualTo(DataDictionary.ROI_BETAS.names());
        assertThat(BidsDerivative.GROUND_TRUTH_COLUMNS.stream().map(BidsDerivative.Column::name).toList())
                .isEqualTo(DataDictionary.BIDS_GROUND_TRUTH.names());
    }

    @Test
    void runAndGenerateWriteTheDocumentedHeaders(@TempDir Path dir) throws Exception {
        CommandLineTest.Result csv = CommandLineTest.run("generate", CommandLineTest.DUEK, "--timeseries", "--n-per-arm", "2", "--out",
                dir.resolve("csv").toString(), "--quiet");
        assertThat(csv.code()).as(csv.err()).isZero();
        for (DataTable t : List.of(DataDictionary.OBSERVATIONS, DataDictionary.SUBJECTS, DataDictionary.GROUND_TRUTH,
                DataDictionary.SESSIONS, DataDictionary.TIMESERIES, DataDictionary.CONNECTIVITY)) {
            assertThat(header(dir.resolve("csv").resolve(t.file()), ",")).as(t.file()).isEqualTo(t.names());
        }
        CommandLineTest.Result run = CommandLineTest.run("run", CommandLineTest.DUEK, "--n-per-arm", "4", "--out",
                dir.resolve("run").toString(), "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(header(dir.resolve("run").resolve("estimates.csv"), ",")).isEqualTo(DataDictionary.ESTIMATES.names());
        assertThat(header(dir.resolve("run").resolve("subjects.csv"), ",")).isEqualTo(DataDictionary.SUBJECTS.names());

        Path bids = dir.resolve("bids");
        CommandLineTest.Result b = CommandLineTest.run("generate", CommandLineTest.DUEK, "--format", "bids", "--n-per-arm", "2", "--out",
                bids.toString(), "--quiet");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(header(bids.resolve("participants.tsv"), "\t")).isEqualTo(DataDictionary.PARTICIPANTS.names());
        assertThat(header(bids.resolve("sub-001/ses-pre/func/sub-001_ses-pre_task-memory_events.tsv"), "\t"))
                .isEqualTo(DataDictionary.EVENTS.names());
        assertThat(header(bids.resolve("sub-001/sub-001_sessions.tsv"), "\t")).isEqualTo(DataDictionary.SESSIONS_TSV.names());
        for (DataTable t : List.of(DataDictionary.ROI_BETAS, DataDictionary.BIDS_CONNECTIVITY, DataDictionary.BIDS_GROUND_TRUTH)) {
            assertThat(header(bids.resolve(t.file()), "\t")).as(t.file()).isEqualTo(t.names());
        }
    }

    @Test
    void completersHaveNoDropoutSessionAndUndestabilizedPatientsNoWindowOccupancy(@TempDir Path dir) throws Exception {
        CommandLineTest.Result r = CommandLineTest.run("generate", CommandLineTest.DUEK, "--n-per-arm", "40", "--out", dir.toString(),
                "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("subjects.csv"));
        List<String> h = Arrays.asList(lines.get(0).split(","));
        int completers = 0;
        int notDestabilized = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            boolean completed = c[h.indexOf("completed")].equals("TRUE");
            completers += completed ? 1 : 0;
            assertThat(c[h.indexOf("dropout_before_session")].equals("NA")).as(line).isEqualTo(completed);
            boolean destabilized = c[h.indexOf("destabilized")].equals("TRUE");
            notDestabilized += destabilized ? 0 : 1;
            assertThat(c[h.indexOf("labile_window_occupancy")].equals("NA")).as(line).isEqualTo(!destabilized);
        }
        // both kinds occur in 80 patients, so the checks above saw both branches
        assertThat(completers).isBetween(1, 79);
        assertThat(notDestabilized).isBetween(1, 79);
    }

    private static List<String> header(Path file, String separator) throws Exception {
        return Arrays.asList(Files.readAllLines(file).get(0).split(separator));
    }
}
