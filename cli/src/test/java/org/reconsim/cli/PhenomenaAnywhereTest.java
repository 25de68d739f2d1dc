package org.reconsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconsim.engine.scenario.ScenarioLoader;

/**
 * {@code phenomena} without --dir reads the bundled experiments, whatever the working folder:
 * from the jar (java -jar), from the class folder (here), or, under the launcher, from the
 * repository it names.
 */
class PhenomenaAnywhereTest {

    private static final Path REPOSITORY_EXPERIMENTS = Path.of("..", "scenarios", "phenomena").toAbsolutePath().normalize();

    @Test
    void phenomenaRunsFromAnotherWorkingFolderWithTheBundledExperiments(@TempDir Path tmp) throws Exception {
        String[] models = {"--model", "two-trace", "--mechanisms", "null", "--threads", "2", "--quiet"};
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        ChildRun child = ChildRun.start(elsewhere, tmp.resolve("child"), List.of(), with(models, "phenomena", "--out", "out"));
        assertThat(child.waitFor(600)).as(child.err()).isZero();
        assertThat(child.err()).isEmpty();

        Path viaDir = tmp.resolve("via-dir");
        CommandLineTest.Result r = CommandLineTest.run(with(models, "phenomena", "--dir", REPOSITORY_EXPERIMENTS.toString(), "--out",
                viaDir.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(elsewhere.resolve("out/phenomena.csv"))).isEqualTo(Files.readAllBytes(viaDir.resolve("phenomena.csv")));
        assertThat(child.out()).isEqualTo(r.out());
    }

    @Test
    void theLauncherNamesTheRepositorysExperiments(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("scenarios/phenomena"));
        String first = "01-spontaneous-recovery.yaml";
        Files.copy(REPOSITORY_EXPERIMENTS.resolve(first), home.resolve("scenarios/phenomena").resolve(first));
        String before = System.getProperty(BundledExperiments.HOME);
        System.setProperty(BundledExperiments.HOME, home.toString());
        try {
            assertThat(BundledExperiments.read(PhenomenaAnywhereTest::names)).containsExactly(first);
        } finally {
            if (before == null) {
                System.clearProperty(BundledExperiments.HOME);
            } else {
                System.setProperty(BundledExperiments.HOME, before);
            }
        }
    }

    @Test
    void experimentsAreReadFromInsideAJar(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("bundle.jar");
        List<String> names = List.of("01-spontaneous-recovery.yaml", "03-nader-2000.yaml");
        try (OutputStream raw = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(raw)) {
            for (String name : names) {
                out.putNextEntry(new JarEntry("scenarios/phenomena/" + name));
                out.write(Files.readAllBytes(REPOSITORY_EXPERIMENTS.resolve(name)));
                out.closeEntry();
            }
        }
        URL inside = new URL("jar:" + jar.toUri() + "!" + BundledExperiments.RESOURCE);
        assertThat(BundledExperiments.readResource(inside, PhenomenaAnywhereTest::names)).isEqualTo(names);
        // the same experiment, read inside the jar or from its file
        String fromJar = BundledExperiments.readResource(inside,
                dir -> load(dir.resolve(names.get(1))));
        assertThat(fromJar).isEqualTo(load(REPOSITORY_EXPERIMENTS.resolve(names.get(1))));
    }

    private static String load(Path file) {
        try {
            return ScenarioLoader.loadExperiment(file).canonical().sha256();
        } catch (org.reconsim.engine.scenario.InvalidScenarioException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] with(String[] options, String... first) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }
}
