package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;
import org.reconsim.results.dataset.StagesTable;

/** {@code power} with {@code design.interims}: the stage files, the refusals, and a kill and resume. */
class SequentialPowerCommandTest {

    /** The bundled scenario with a one-sided O'Brien-Fleming design with beta-spending futility, three looks. */
    private static Path scenario(Path dir) throws Exception {
        Path file = dir.resolve("gs.yaml");
        String text = Files.readString(Path.of(DUEK)).replace("  sites: 1\n", "  sites: 1\n  interims:\n"
                + "    information_fractions: [0.4, 0.7]\n    sides: one-sided\n    futility: beta-spending\n");
        assertThat(text).contains("interims:");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aRunWritesItsLooksBesideThePowerTable(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Result r = run("power", scenario(tmp).toString(), "--n-per-arm", "10,20", "--replicates", "40", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> stages = Files.readAllLines(out.resolve("stages.csv"));
        assertThat(stages.get(0)).isEqualTo(String.join(",", StagesTable.STAGE_COLUMNS));
        // 2 sizes x 1 contrast x 2 hypotheses x 3 looks
        assertThat(stages).hasSize(1 + 12);
        assertThat(stages.get(1)).startsWith("10,ketamine-vs-midazolam,1,0.4,4,");
        assertThat(stages.get(3)).startsWith("10,ketamine-vs-midazolam,3,1,10,");
        assertThat(stages.get(4)).contains(",null,40,0,");
        List<String> summary = Files.readAllLines(out.resolve("sequential.csv"));
        assertThat(summary.get(0)).isEqualTo(String.join(",", StagesTable.SUMMARY_COLUMNS));
        assertThat(summary).hasSize(1 + 4);
        for (String line : summary.subList(1, 5)) {
            assertThat(line.split(",", -1)).hasSize(StagesTable.SUMMARY_COLUMNS.size());
        }
        assertThat(stages.get(1).split(",", -1)).hasSize(StagesTable.STAGE_COLUMNS.size());
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"stages.csv\"", "\"sequential.csv\"");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Group-sequential design (ancova, amygdala at post, "
                + "interim looks at 0.4, 0.7; one-sided obrien-fleming spending; beta-spending futility (beta 0.2, obrien-fleming))</h2>");
        assertThat(r.out()).contains("P(stop efficacy) [design]").contains("expected n per arm [design]")
                .contains("stages.csv, sequential.csv and manifest.json");
    }

    /**
     * One and two threads give the same bytes: replicates are added in replicate order whatever
     * thread simulated them. Interim looks given as sizes, with conditional-power futility under
     * the current trend and an mmrm primary analysis.
     */
    @Test
    void oneAndTwoThreadsWriteTheSameStages(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("gs-sizes.yaml");
        Files.writeString(file, Files.readString(Path.of(DUEK)).replace("  sites: 1\n", "  sites: 1\n  interims:\n"
                + "    n_per_arm_at_looks: [5]\n    sides: one-sided\n    efficacy_spending: pocock\n"
                + "    futility: conditional-power\n").replace("  alpha: 0.05\n", "  alpha: 0.05\n  methods: [mmrm, ancova]\n"));
        List<String> files = List.of("power.csv", "stages.csv", "sequential.csv", "report.html");
        byte[][] first = null;
        for (String threads : List.of("1", "2")) {
            Path out = tmp.resolve("t" + threads);
            Result r = run("power", file.toString(), "--n-per-arm", "10", "--replicates", "60", "--seed", "11", "--threads",
                    threads, "--quiet", "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            byte[][] bytes = new byte[files.size()][];
            for (int i = 0; i < files.size(); i++) {
                bytes[i] = Files.readAllBytes(out.resolve(files.get(i)));
                if (first != null) {
                    assertThat(bytes[i]).as(files.get(i)).isEqualTo(first[i]);
                }
            }
            first = bytes;
            List<String> stages = Files.readAllLines(out.resolve("stages.csv"));
            assertThat(stages).hasSize(1 + 4);
            assertThat(stages.get(1)).startsWith("10,ketamine-vs-midazolam,1,0.5,5,");
            assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Group-sequential design (mmrm, amygdala at post, "
                    + "interim looks at 5 per arm; one-sided pocock spending; futility when conditional power &lt; 0.1 (current trend))</h2>");
        }
    }

    @Test
    void aSizeWhoseLooksWouldAnalyseTheSamePatientsIsRefused(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Result r = run("power", scenario(tmp).toString(), "--n-per-arm", "12,3", "--replicates", "5", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("reconsim: design.interims: at 3 per arm the last interim look (fraction 0.7) would "
                + "analyse 3 patients per arm, not fewer than the final analysis: use fewer looks or more patients\n");
        assertThat(out).doesNotExist();
    }

    /** Killed twice (SIGKILL) and resumed: the stage files, like the power table, are those of an uninterrupted run. */
    @Test
    void aKilledSequentialSweepResumedEndsByteIdentical(@TempDir Path tmp) throws Exception {
        String[] args = {"power", scenario(tmp).toString(), "--n-per-arm", "10,20", "--replicates", "1500", "--sweep",
            "design.interims.futility_beta=0.1,0.2", "--seed", "3", "--quiet"};
        Path whole = tmp.resolve("whole");
        Result straight = run(with(args, "--out", whole.toString()));
        assertThat(straight.code()).as(straight.err()).isZero();
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        ResumeTest.startAndKill(cut, with(args, "--out", cut.toString(), "--threads", "2", "--checkpoint-seconds", "0.05"));
        ResumeTest.startAndKill(cut, "power", "--resume", cut.toString(), "--threads", "1", "--checkpoint-seconds", "0.05",
                "--quiet");
        Result resumed = run("power", "--resume", cut.toString(), "--threads", "2", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        for (String file : List.of("power.csv", "report.html", "stages.csv", "sequential.csv")) {
            assertThat(Files.readAllBytes(cut.resolve(file))).as(file).isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }
        assertThat(resumed.out()).isEqualTo(straight.out()).contains("design.interims.futility_beta = 0.1");
        assertThat(Files.readAllLines(whole.resolve("stages.csv"))).hasSize(1 + 2 * 12)
                .anyMatch(l -> l.endsWith(",design.interims.futility_beta,0.1"));
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
