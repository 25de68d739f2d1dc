package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhenomenaCommandTest {

    static final String DIR = Path.of("..", "scenarios", "phenomena").toString();

    static int run(StringWriter out, StringWriter err, String... args) {
        return ReconsimCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void writesTheTableTheCsvAndTheReport(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "phenomena", "--dir", DIR, "--model", "two-trace", "--mechanisms", "null,M1", "--out",
                dir.toString(), "--threads", "2");
        assertThat(code).as(err.toString()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("phenomena.csv"));
        assertThat(csv.get(0)).isEqualTo("phenomenon,experiment,memory_model,mechanism,higher,lower,mean_higher,mean_lower,"
                + "contrast,ci_low,ci_high,hedges_g,expected,verdict");
        // rows 7, 9 and 10 once per requested mechanism, the others once
        assertThat(csv.stream().filter(l -> l.startsWith("7,lee-2006,two-trace,M1,"))).hasSize(2);
        assertThat(csv.stream().filter(l -> l.startsWith("7,lee-2006,two-trace,M3,"))).isEmpty();
        assertThat(csv.stream().filter(l -> l.startsWith("3,nader-2000,two-trace,-,"))).allMatch(l -> l.endsWith(",reproduced"));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Nader").endsWith("</html>\n");
        assertThat(dir.resolve("manifest.json")).exists();
        assertThat(out.toString()).contains("nader-2000").contains("reproduced");
    }

    @Test
    void isByteIdenticalOnOneAndTwoThreads(@TempDir Path dir) throws Exception {
        run(new StringWriter(), new StringWriter(), "phenomena", "--dir", DIR, "--mechanisms", "M1", "--threads", "1", "--out",
                dir.resolve("a").toString());
        run(new StringWriter(), new StringWriter(), "phenomena", "--dir", DIR, "--mechanisms", "M1", "--threads", "2", "--out",
                dir.resolve("b").toString());
        assertThat(Files.readAllBytes(dir.resolve("a/phenomena.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b/phenomena.csv")));
    }

    @Test
    void badOptionsAreInvalidInput(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "phenomena", "--model", "three-trace", "--out", dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("reconsim: --model must be one of two-trace, latent-cause, all, got 'three-trace'\n");
        StringWriter err2 = new StringWriter();
        assertThat(run(new StringWriter(), err2, "phenomena", "--mechanisms", "M9", "--out", dir.resolve("y").toString())).isEqualTo(2);
        assertThat(err2.toString()).startsWith("reconsim: --mechanisms: unknown mechanism 'M9'; allowed: null, M1, M2, M3");
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(dir.resolve("y")).doesNotExist();
    }

    @Test
    void aLatentCauseTrialScenarioRunsEndToEnd(@TempDir Path dir) throws Exception {
        String scenario = Files.readString(Path.of("..", "scenarios", "duek-2021.yaml")) + "memory:\n  model: latent-cause\n";
        Path file = dir.resolve("lc.yaml");
        Files.writeString(file, scenario);
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "run", file.toString(), "--replicates", "2", "--out", dir.resolve("out").toString());
        assertThat(code).as(err.toString()).isZero();
        List<String> obs = Files.readAllLines(dir.resolve("out/observations.csv"));
        assertThat(obs).hasSizeGreaterThan(100);
        assertThat(obs.subList(1, obs.size())).allSatisfy(l -> assertThat(l).doesNotEndWith(",NA").doesNotContain("Inf"));
    }
}
