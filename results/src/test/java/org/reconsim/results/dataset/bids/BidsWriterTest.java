package org.reconsim.results.dataset.bids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BidsWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path root;

    private static String firstLine(Path file) throws IOException {
        return Files.readAllLines(file).get(0);
    }

    @Test
    void writesTheExpectedFilesWithTheRightHeaders() throws IOException {
        List<String> written = new BidsWriter("test").write(ExampleDataset.build(), root);

        List<String> expected = new ArrayList<>(List.of("dataset_description.json", "README", "participants.tsv",
                "participants.json", "task-memory_events.json", "derivatives/reconsim/dataset_description.json",
                "derivatives/reconsim/README"));
        for (String sub : List.of("sub-001", "sub-002", "sub-003")) {
            expected.add(sub + "/" + sub + "_sessions.tsv");
            for (String ses : ExampleDataset.SESSIONS) {
                String stem = sub + "/ses-" + ses + "/func/" + sub + "_ses-" + ses + "_task-memory_";
                for (String suffix : List.of("bold.nii.gz", "bold.json", "events.tsv", "physio.tsv.gz", "physio.json")) {
                    expected.add(stem + suffix);
                }
            }
        }
        for (String table : List.of("roi_betas", "connectivity", "ground_truth")) {
            expected.add("derivatives/reconsim/" + table + ".tsv");
            expected.add("derivatives/reconsim/" + table + ".json");
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<String> onDisk = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
            assertThat(onDisk).containsExactlyInAnyOrderElementsOf(expected); // and so no *.partial left
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(expected);

        assertThat(Files.readAllLines(root.resolve("participants.tsv"))).containsExactly("participant_id\tage\tsex\tarm\tsite",
                "sub-001\t34.5\tF\tketamine\tsite1", "sub-002\t41\tM\tmidazolam\tsite1", "sub-003\tn/a\tF\tketamine\tsite2");
        assertThat(JSON.readTree(root.resolve("participants.json").toFile()).propertyNames())
                .contains("participant_id", "age", "sex", "arm", "site");
        assertThat(Files.readAllLines(root.resolve("sub-002/sub-002_sessions.tsv"))).containsExactly("session_id", "ses-pre", "ses-post");

        Path func = root.resolve("sub-001/ses-post/func");
        assertThat(Files.readAllLines(func.resolve("sub-001_ses-post_task-memory_events.tsv"))).containsExactly(
                "onset\tduration\ttrial_type", "10\t30\ttrauma", "50\t30\tsad", "90\t30\trelax");
        JsonNode bold = JSON.readTree(func.resolve("sub-001_ses-post_task-memory_bold.json").toFile());
        assertThat(bold.get("RepetitionTime").asDouble()).isEqualTo(1.0);
        assertThat(bold.get("TaskName").asString()).isEqualTo("memory");
        assertThat(bold.get("ReconsimROIs").toString()).isEqualTo("[\"amygdala\",\"hippocampus\",\"vmPFC\"]");

        JsonNode physio = JSON.readTree(func.resolve("sub-001_ses-post_task-memory_physio.json").toFile());
        assertThat(physio.get("SamplingFrequency").asDouble()).isEqualTo(100.0);
        assertThat(physio.get("StartTime").asDouble()).isEqualTo(0.0);
        assertThat(physio.get("Columns").toString()).isEqualTo("[\"eda\"]");
        List<String> eda;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(func.resolve("sub-001_ses-post_task-memory_physio.tsv.gz")))) {
            eda = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(eda).hasSize(13000); // no header: 130 s at 100 Hz
        assertThat(Double.parseDouble(eda.get(0))).isEqualTo(ExampleDataset.eda(0, 1)[0]);

        JsonNode description = JSON.readTree(root.resolve("dataset_description.json").toFile());
        assertThat(description.get("DatasetType").asString()).isEqualTo("raw");
        assertThat(description.get("BIDSVersion").asString()).isEqualTo("1.9.0");
        assertThat(description.get("GeneratedBy").get(0).get("Name").asString()).isEqualTo("reconsim");
        Path deriv = root.resolve("derivatives/reconsim");
        assertThat(JSON.readTree(deriv.resolve("dataset_description.json").toFile()).get("DatasetType").asString())
                .isEqualTo("derivative");
        assertThat(firstLine(deriv.resolve("roi_betas.tsv"))).isEqualTo("participant_id\tsession\troi\tcontrast\tbeta");
        assertThat(firstLine(deriv.resolve("connectivity.tsv"))).isEqualTo("participant_id\tsession\troi_a\troi_b\twindow\tr");
        assertThat(firstLine(deriv.resolve("ground_truth.tsv"))).isEqualTo("participant_id\tsession\tquantity\tvalue");
        assertThat(Files.readAllLines(deriv.resolve("roi_betas.tsv"))).hasSize(1 + 3 * 2 * 3);

        assertThat(Nifti1WriterTest.readGz(func.resolve("sub-001_ses-post_task-memory_bold.nii.gz")).getShort(40 + 2))
                .isEqualTo((short) 3);
    }

    /** -Dreconsim.bids.example=DIR keeps a copy for tools/validate-bids.sh. */
    @Test
    void keepsACopyWhenAsked() {
        String keep = System.getProperty("reconsim.bids.example");
        if (keep != null && !keep.isBlank()) {
            new BidsWriter().write(ExampleDataset.build(), Path.of(keep));
        }
    }

    @Test
    void rejectsInconsistentInput() {
        BidsDataset ok = ExampleDataset.build();
        assertThatThrownBy(() -> new BidsDataset("x", ok.participants().subList(0, 2), ok.runs(), List.of()))
                .hasMessageContaining("sub-003 who is not in participants");
        assertThatThrownBy(() -> new BidsParticipant("0_1", "a", "s", 30, "F")).hasMessageContaining("alphanumeric");
        assertThatThrownBy(() -> new BidsRun("001", "pre", 1, List.of("a", "b"), new double[][] {{1, 2}, {3}},
                List.of(), null, 0)).hasMessageContaining("same");
    }

    @Test
    void aStreamedDatasetIsTheWrittenOneAndChecksWhatArrives() throws IOException {
        BidsDataset d = ExampleDataset.build();
        Path whole = root.resolve("whole");
        List<String> expected = new BidsWriter("test").write(d, whole);
        // the same content handed over subject by subject, derivative rows appended one at a time
        Path streamed = root.resolve("streamed");
        List<BidsDerivative> empty = d.derivatives().stream().map(BidsDerivative::withoutRows).toList();
        try (BidsStream s = new BidsWriter("test").open(streamed, d.name(), empty)) {
            for (BidsParticipant p : d.participants()) {
                s.participant(p);
                d.runs().stream().filter(r -> r.participant().equals(p.label())).forEach(s::run);
            }
            d.derivatives().forEach(t -> t.rows().forEach(row -> s.row(t.name(), row)));
            assertThat(s.finish()).isEqualTo(expected);
        }
        for (String f : expected) {
            assertThat(Files.readAllBytes(streamed.resolve(f))).as(f).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }

        Path bad = root.resolve("bad");
        try (BidsStream s = new BidsWriter("test").open(bad, d.name(), empty)) {
            s.participant(d.participants().get(0));
            assertThatThrownBy(() -> s.participant(d.participants().get(0))).hasMessage("participant sub-001 listed twice");
            assertThatThrownBy(() -> s.run(d.runs().stream().filter(r -> r.participant().equals("002")).findFirst().orElseThrow()))
                    .hasMessage("run for sub-002 who is not in participants");
            s.run(d.runs().get(0));
            assertThatThrownBy(() -> s.run(d.runs().get(0))).hasMessage("two runs for sub-001 ses-pre");
            assertThatThrownBy(() -> s.row("betas", List.of())).hasMessageStartingWith("no derivative table named betas");
            assertThatThrownBy(() -> s.row("roi_betas", List.of("sub-001"))).hasMessage("roi_betas: row has 1 values, table has 5 columns");
        }
        // closed without a finish: no table is left under a final or a partial name
        try (Stream<Path> files = Files.walk(bad)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tsv") && !n.contains("_events"))
                    .noneMatch(n -> n.endsWith(".partial"));
        }
    }
}
