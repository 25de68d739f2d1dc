package org.reconsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.results.inference.FreeField;
import org.reconsim.results.inference.ScenarioSummarySimulator;
import org.reconsim.results.power.PosteriorParticles;

/**
 * power's {@code --posterior FILE}: the posterior.csv of {@code reconsim calibrate}
 * (CalibrationFiles.posterior: {@code generation,particle,hypothesis,weight,distance}, then one
 * column per free field) read into the particles of its last generation, which each virtual trial
 * draws from ({@link PosteriorParticles}). Every row must be well formed; only the last
 * generation's are used, and only those are checked against the scenario: each column must be a
 * numeric field of the scenario that an inference can vary ({@link FreeField#cannotVary}), each hypothesis one the scenario can
 * run ({@link ScenarioSummarySimulator#hypothesisProblems}), and each particle's values, set
 * together under its hypothesis, a scenario the scenario's checks accept. Every problem is one line,
 * {@code reconsim: --posterior FILE[:LINE]: [column: ]problem}, before anything is simulated.
 */
final class PosteriorInput {

    /** The columns calibrate writes before the free fields. */
    static final List<String> LEADING = List.of("generation", "particle", "hypothesis", "weight", "distance");

    /** Problem lines shown at most; the rest are counted (a file of a thousand bad rows would bury the first). */
    static final int SHOWN = 20;

    /**
     * The file a run draws from.
     *
     * @param file    the posterior.csv
     * @param sha256  the SHA-256 its bytes must have (a resumed run's, from its checkpoint), or null for a new run
     */
    record Source(Path file, String sha256) {
    }

    private PosteriorInput() {
    }

    /** The particles of {@code source}'s last generation, checked against {@code loaded}; every problem at once. */
    static PosteriorParticles load(Source source, LoadedScenario loaded) {
        Path file = source.file();
        String at = "reconsim: --posterior " + file;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(at + ": cannot read: " + org.reconsim.engine.scenario.ScenarioLoader.reason(e));
        }
        String sha256 = sha256(bytes);
        if (source.sha256() != null && !source.sha256().equals(sha256)) {
            throw new InvalidInputException(at + ": the file has changed since the run's checkpoint was written (sha256 "
                    + source.sha256() + " then, " + sha256 + " now)");
        }
        Problems problems = new Problems(at);
        Table table = parse(new String(bytes, StandardCharsets.UTF_8), problems);
        problems.throwIfAny();
        List<Row> last = table.rows().stream().filter(r -> r.generation() == table.lastGeneration()).toList();
        if (last.stream().allMatch(r -> r.particle().weight() == 0)) {
            problems.add("", "the weights of generation " + table.lastGeneration() + " (the last) are all 0: there is nothing to draw");
        }
        check(loaded, table.fields(), last, problems);
        problems.throwIfAny();
        return new PosteriorParticles(file.getFileName().toString(), sha256, table.lastGeneration(), table.fields(),
                last.stream().map(Row::particle).toList());
    }

    /** A parsed row: its line, its generation and its particle. */
    private record Row(int line, int generation, PosteriorParticles.Particle particle) {
    }

    private record Table(List<String> fields, List<Row> rows, int lastGeneration) {
    }

    /** The header and every row, each malformed cell a problem. */
    private static Table parse(String text, Problems problems) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            problems.add("", "empty; expected the posterior.csv of reconsim calibrate");
            return null;
        }
        List<String> header = List.of(lines[0].split(",", -1));
        boolean leading = header.size() >= LEADING.size() && header.subList(0, LEADING.size()).equals(LEADING);
        List<String> fields = leading ? header.subList(LEADING.size(), header.size()) : List.of();
        if (!leading || fields.stream().anyMatch(String::isBlank)) {
            problems.add(":1", "expected the header " + String.join(",", LEADING) + " then one column per free field (the "
                    + "posterior.csv of reconsim calibrate), got '" + lines[0] + "'");
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (String f : fields) {
            if (!seen.add(f)) {
                problems.add(":1", "column " + f + " is given twice");
            }
        }
        List<Row> rows = new ArrayList<>();
        int last = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue; // the final newline, or a blank line: no particle
            }
            Row row = row(i + 1, lines[i], header, problems);
            if (row != null) {
                rows.add(row);
                last = Math.max(last, row.generation());
            }
        }
        if (problems.any()) {
            return null;
        }
        if (rows.isEmpty()) {
            problems.add("", "no particles (only a header)");
            return null;
        }
        return new Table(List.copyOf(fields), rows, last);
    }

    /** One row, or null after adding its problems. */
    private static Row row(int line, String text, List<String> header, Problems problems) {
        String[] c = text.split(",", -1);
        String where = ":" + line;
        if (c.length != header.size()) {
            problems.add(where, "expected " + header.size() + " cells as in the header, got " + c.length);
            return null;
        }
        int before = problems.count();
        int generation = whole(c[0], where, "generation", problems);
        int particle = whole(c[1], where, "particle", problems);
        if (c[2].isEmpty()) {
            problems.add(where, "hypothesis: expected null or mechanism labels joined by '+', got ''");
        }
        double weight = number(c[3]);
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            problems.add(where, "weight: expected a finite number >= 0, got '" + c[3] + "'");
        }
        if (Double.isNaN(number(c[4])) && !c[4].equals("NaN")) {
            problems.add(where, "distance: expected a number, got '" + c[4] + "'");
        }
        double[] values = new double[header.size() - LEADING.size()];
        for (int j = 0; j < values.length; j++) {
            String cell = c[LEADING.size() + j];
            values[j] = number(cell);
            if (!Double.isFinite(values[j])) {
                problems.add(where, header.get(LEADING.size() + j) + ": expected a finite number, got '" + cell + "'");
            }
        }
        if (problems.count() > before) {
            return null;
        }
        // whether the hypothesis's labels exist is the scenario's to say (check)
        return new Row(line, generation, new PosteriorParticles.Particle(particle, c[2], weight, values));
    }

    /** The scenario checks, on the particles that will be drawn from: columns, then hypotheses, then each particle whole. */
    private static void check(LoadedScenario loaded, List<String> fields, List<Row> rows, Problems problems) {
        for (int j = 0; j < fields.size(); j++) {
            String f = fields.get(j);
            String why = FreeField.cannotVary(f);
            if (why != null) {
                problems.add(":1", "column " + f + ": cannot vary: " + why);
                continue;
            }
            // a column that names no numeric field fails whatever its value (ScenarioEdit says "cannot set")
            try {
                ScenarioEdit.set(loaded, Map.of(f, rows.get(0).particle().values()[j]));
            } catch (InvalidScenarioException e) {
                e.problems().stream().map(Problem::message).filter(m -> m.startsWith("cannot set: "))
                        .forEach(m -> problems.add(":1", "column " + f + ": " + m));
            }
        }
        if (problems.any()) {
            return; // every particle would be refused for the same reason
        }
        Map<String, Boolean> runnable = new LinkedHashMap<>();
        for (Row r : rows) {
            String h = r.particle().hypothesis();
            if (!runnable.containsKey(h)) {
                List<String> why = ScenarioSummarySimulator.hypothesisProblems(loaded, h);
                why.forEach(w -> problems.add(":" + r.line(), w));
                runnable.put(h, why.isEmpty());
            }
        }
        Set<String> said = new HashSet<>();
        for (Row r : rows) {
            if (!runnable.get(r.particle().hypothesis())) {
                continue;
            }
            try {
                ScenarioEdit.set(loaded, PosteriorParticles.edits(fields, r.particle()));
            } catch (InvalidScenarioException e) {
                for (Problem p : e.problems()) {
                    String what = (p.path().isEmpty() ? "" : p.path() + ": ") + p.message();
                    if (said.add(what)) { // a problem every particle has (no such field) is said once, at its first line
                        problems.add(":" + r.line(), what);
                    }
                }
            }
        }
    }

    private static int whole(String cell, String where, String column, Problems problems) {
        try {
            int v = Integer.parseInt(cell);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(where, column + ": expected a whole number >= 0, got '" + cell + "'");
        return -1;
    }

    /** The cell as a number, NaN when it is not one. */
    private static double number(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** SHA-256 of {@code bytes}, hexadecimal. */
    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The problem lines, each {@code reconsim: --posterior FILE<where>: problem}, at most {@link #SHOWN} shown. */
    private static final class Problems {
        private final String at;
        private final List<String> lines = new ArrayList<>();
        private int count;

        Problems(String at) {
            this.at = at;
        }

        void add(String where, String problem) {
            count++;
            if (lines.size() < SHOWN) {
                lines.add(at + where + ": " + problem);
            }
        }

        int count() {
            return count;
        }

        boolean any() {
            return count > 0;
        }

        void throwIfAny() {
            if (count == 0) {
                return;
            }
            List<String> all = new ArrayList<>(lines);
            if (count > lines.size()) {
                all.add(at + ": " + (count - lines.size()) + " more problems not shown");
            }
            throw new InvalidInputException(all);
        }
    }
}
