package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconsim.cli.CommandLineTest.DUEK;
import static org.reconsim.cli.CommandLineTest.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.cli.CommandLineTest.Result;

/** The power service and its parts without picocli: what the command line does, called as code. */
class PowerServiceTest {

    private static final PowerExecution ONE_THREAD = new PowerExecution("local", null, 1, 5, true, false);

    @Test
    void aRequestGivesTheBytesOfTheSameCommandLine(@TempDir Path dir) throws Exception {
        Path viaCli = dir.resolve("cli");
        Result cli = run("power", DUEK, "--n-per-arm", "8,12", "--replicates", "30", "--seed", "5", "--threads", "1",
                "--sweep", "mechanisms.restabilization_blockade.k_block=0,1", "--replicate-table", "--out", viaCli.toString(),
                "--quiet");
        assertThat(cli.code()).as(cli.err()).isZero();

        Path viaService = dir.resolve("service");
        StringWriter console = new StringWriter();
        PowerRequest request = new PowerRequest(Path.of(DUEK), 5L, List.of(8, 12), 30,
                SweepSpec.parse("mechanisms.restabilization_blockade.k_block=0,1"), null, null, null, viaService, true, ONE_THREAD,
                List.of("power", "(from a test)"));
        Path out = new PowerService(new PrintWriter(console)).run(request);

        assertThat(out).isEqualTo(viaService);
        for (String file : List.of("power.csv", "report.html", "replicates.csv")) {
            assertThat(Files.readAllBytes(viaService.resolve(file))).as(file).isEqualTo(Files.readAllBytes(viaCli.resolve(file)));
        }
        assertThat(console.toString()).isEqualTo(cli.out());
        assertThat(viaService.resolve(Checkpoint.FILE)).doesNotExist();
        assertThat(Files.readString(viaService.resolve("manifest.json"))).contains("(from a test)");
    }

    @Test
    void aCheckpointReadsBackTheRunItWasWrittenFor(@TempDir Path dir) {
        PowerRequest run = new PowerRequest(Path.of(DUEK).toAbsolutePath(), 11L, List.of(10, 30), 2500, null,
                AssuranceSpec.parse("mechanisms.restabilization_blockade.k_block=normal(0.5, 0.2, 0, 1)"), 0.02, null,
                dir.toAbsolutePath(), true, ONE_THREAD, List.of("power", "as", "typed"));
        Checkpoint checkpoint = Checkpoint.start(dir, Instant.ofEpochMilli(1234), run);
        assertThat(checkpoint.request(ONE_THREAD)).isEqualTo(run);
        // a size search with the row it sizes for
        PowerRequest search = new PowerRequest(Path.of(DUEK).toAbsolutePath(), 11L, List.of(2, 300), 400, null, null, null, 0.9,
                dir.toAbsolutePath(), false, ONE_THREAD, List.of("power"), null, new SizeFor(null, "caps5", "fu30", null));
        assertThat(Checkpoint.start(dir, Instant.ofEpochMilli(1234), search).request(ONE_THREAD)).isEqualTo(search);
        assertThat(checkpoint.commandLine()).containsExactly("power", "as", "typed");
        // a resumed run takes how it executes from its own command line
        PowerExecution other = new PowerExecution("local", null, 2, 0.5, false, true);
        assertThat(checkpoint.request(other).execution()).isEqualTo(other);
    }

    @Test
    void optionValuesParseAndRefuseWithTheirOneLineMessages() {
        assertThat(SampleSizeList.parse("96,12,12").sizes()).containsExactly(12, 96);
        assertThat(SampleSizeList.parse("10:20:5").toString()).isEqualTo("10,15,20");
        assertThat(SweepSpec.parse("design.sites=1:3:1").values()).containsExactly(1.0, 2.0, 3.0);
        // a decimal grid: each value the double nearest from + i step, the end reached exactly
        assertThat(SweepSpec.parse("direct_effects[0].effect=-0.3:0:0.1").values()).containsExactly(-0.3, -0.2, -0.1, 0.0);
        assertThat(SweepSpec.parse("direct_effects[0].effect=-0.3:0:0.1").valueLabels()).isEqualTo("-0.3, -0.2, -0.1, 0");
        assertThat(SweepSpec.parse("k=0.1:0.3:0.1").values()).containsExactly(0.1, 0.2, 0.3);
        assertThat(SweepSpec.parse("k=0:1:0.1").values()).hasSize(11).contains(0.3, 0.7).endsWith(1.0);
        assertThat(SweepSpec.parse("k=-0,1e-3").values()).containsExactly(0.0, 0.001);
        assertThatThrownBy(() -> SweepSpec.parse("k=0:1000:1")).hasMessage("reconsim: --sweep: expected from <= to, step > 0 and at "
                + "most 1000 values in '0:1000:1'");
        assertThat(SweepSpec.parse("k=0:999:1").values()).hasSize(1000);
        assertThatThrownBy(() -> SweepSpec.parse("k=0,NaN")).hasMessageStartingWith("reconsim: --sweep: expected numbers");
        assertThatThrownBy(() -> SweepSpec.parse("simulation.seed=1:3:1")).isInstanceOf(InvalidInputException.class)
                .hasMessage("reconsim: --sweep simulation.seed: cannot vary: the seed addresses the virtual trials, it is not a "
                        + "parameter; give it with --seed");
        assertThat(AssuranceSpec.parse("k=uniform(0, 1)").prior().fields().get(0).text()).isEqualTo("uniform(0,1)");
        assertThat(AssuranceSpec.parse("k=uniform(0, 1)").prior().text()).isEqualTo("k~uniform(0,1)");
        assertThatThrownBy(() -> SampleSizeList.parse("0")).isInstanceOf(InvalidInputException.class)
                .hasMessage("reconsim: --n-per-arm: patients per arm must be within 1..100000, got 0 in '0'");
        assertThatThrownBy(() -> SweepSpec.parse("k")).hasMessageStartingWith("reconsim: --sweep: expected FIELD=VALUES");
        assertThatThrownBy(() -> AssuranceSpec.parse("k=normal(0,0,0,1)")).hasMessage("reconsim: --assurance k=normal(0,0,0,1): "
                + "normal needs sd > 0");
        assertThatThrownBy(() -> AssuranceSpec.parse("k=normal(0,1)")).hasMessageStartingWith("reconsim: --assurance: expected");
        assertThatThrownBy(() -> new Bounds.Replicates().convert("0")).hasMessage("reconsim: --replicates must be at least 1, got 0");
        assertThatThrownBy(() -> new Bounds.Partitions().convert("0"))
                .hasMessage("reconsim: --partitions must be within 1..1000000, got 0");
        assertThatThrownBy(() -> new Bounds.TargetPower().convert("1")).hasMessage("reconsim: --target-power must be between 0 and 1, got 1.0");
        assertThatThrownBy(() -> new Bounds.Precision().convert("NaN")).hasMessage("reconsim: --precision must be within 0.001..0.5, got NaN");
        assertThatThrownBy(() -> new Bounds.Hours().convert("x")).hasMessage("'x' is not a double");
        assertThatThrownBy(() -> new PowerRequest(Path.of(DUEK), null, null, null, SweepSpec.parse("k=1"),
                AssuranceSpec.parse("k=uniform(0,1)"), null, null, null, false, ONE_THREAD, List.of()))
                .hasMessage("reconsim: --assurance and --sweep cannot be combined");
    }

    @Test
    void resumeWithoutACheckpointSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> new PowerService(new PrintWriter(new StringWriter())).resume(dir, ONE_THREAD))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("reconsim: --resume " + dir + ": no checkpoint.bin");
    }
}
