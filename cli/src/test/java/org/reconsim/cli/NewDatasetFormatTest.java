package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.results.dataset.DatasetFormat;
import org.reconsim.results.dataset.DatasetFormatProvider;
import org.reconsim.results.dataset.DatasetFormatType;

/**
 * A dataset format added from outside the results module, as a user would: one class and one
 * registration (the provider below, listed in META-INF/services). GenerateCommand is not
 * touched, yet {@code --format} accepts it and its error message lists it.
 */
class NewDatasetFormatTest {

    /** A made-up format: the randomization list, one line per patient. */
    public static final class RandomizationList implements DatasetFormat {
        @Override
        public List<String> write(TrialPlan plan, TrialOutcome trial, Path folder) {
            List<String> lines = new ArrayList<>(List.of("subject_id\tarm"));
            for (PatientOutcome p : trial.patients()) {
                lines.add(p.subjectId() + "\t" + plan.arms().get(p.arm()).name());
            }
            try {
                Files.write(folder.resolve("randomization.tsv"), lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.of("randomization.tsv");
        }
    }

    /** The one registration. */
    public static final class Registration implements DatasetFormatProvider {
        @Override
        public List<DatasetFormatType> formats() {
            return List.of(new DatasetFormatType("randomization", "Test: the randomization list", new RandomizationList()));
        }
    }

    @Test
    void generateWritesItByName(@TempDir Path dir) throws Exception {
        CommandLineTest.Result r = CommandLineTest.run("generate", CommandLineTest.DUEK, "--format", "randomization", "--n-per-arm", "4",
                "--out", dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("randomization.tsv"));
        assertThat(lines).hasSize(1 + 8);
        assertThat(lines.stream().skip(1).filter(l -> l.endsWith("\tketamine"))).hasSize(4);
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("randomization.tsv");
        assertThat(dir.resolve("observations.csv")).doesNotExist();
    }

    @Test
    void anUnknownNameIsAnsweredWithTheRegisteredOnes(@TempDir Path dir) {
        CommandLineTest.Result r = CommandLineTest.run("generate", CommandLineTest.DUEK, "--format", "nifti", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format").contains("expected one of csv, bids, randomization but was 'nifti'");
    }

    @Test
    void physioStillNeedsAFormatThatWritesEda(@TempDir Path dir) {
        CommandLineTest.Result r = CommandLineTest.run("generate", CommandLineTest.DUEK, "--format", "randomization", "--physio",
                "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("reconsim: --physio needs --format bids (EDA traces are written as BIDS physio files)\n");
    }
}
