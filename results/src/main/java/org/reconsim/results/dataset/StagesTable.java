package org.reconsim.results.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reconsim.results.power.PowerAccumulator;
import org.reconsim.results.power.SequentialMonitor;
import org.reconsim.results.power.SequentialSummary;
import org.reconsim.results.power.StageRow;
import org.reconsim.results.power.StageShare;
import org.reconsim.results.power.SweepValues;

/**
 * {@code stages.csv} (one row per sample size, contrast, hypothesis and look of a
 * group-sequential design) and {@code sequential.csv} (one row per sample size, contrast and
 * hypothesis: power, type I error, futility and the expected sample size), with their printed
 * form. Every simulated share comes with its Wilson 95% interval and the design's analytic
 * probability beside it (docs/SEQUENTIAL.md, "In reconsim power").
 */
public final class StagesTable {

    /** The header of stages.csv, as documented ({@link ResultDictionary#STAGES}). */
    public static final List<String> STAGE_COLUMNS = ResultDictionary.STAGES.names();

    /** The header of sequential.csv ({@link ResultDictionary#SEQUENTIAL}). */
    public static final List<String> SUMMARY_COLUMNS = ResultDictionary.SEQUENTIAL.names();

    /** The looks and summaries of one sweep point (parameter "NA" and value NaN without a sweep). */
    public record Point(String parameter, double value, List<StageRow> stages, List<SequentialSummary> summaries) {

        public Point {
            stages = List.copyOf(stages);
            summaries = List.copyOf(summaries);
        }
    }

    /** The files {@link #write} writes into an output folder. */
    public static final List<String> FILES = List.of("stages.csv", "sequential.csv");

    private StagesTable() {
    }

    /**
     * The looks of every sweep point, in order; empty for a fixed design.
     *
     * @param parameter swept field, or NA
     * @param values    value per point (NaN without a sweep)
     */
    public static List<Point> points(String parameter, List<Double> values, List<PowerAccumulator> accumulators) {
        List<Point> out = new ArrayList<>();
        for (int k = 0; k < accumulators.size(); k++) {
            SequentialMonitor m = accumulators.get(k).sequential();
            if (m != null) {
                out.add(new Point(parameter, values.get(k), m.stages(), m.summaries()));
            }
        }
        return out;
    }

    /** Writes stages.csv and sequential.csv into {@code folder}. */
    public static void write(Path folder, List<Point> points) {
        writeStages(folder.resolve(FILES.get(0)), points);
        writeSummaries(folder.resolve(FILES.get(1)), points);
    }

    /** {@link #format(List, List)} of one point. */
    public static String format(Point point) {
        return format(point.stages(), point.summaries());
    }

    /** Writes stages.csv. */
    public static void writeStages(Path file, List<Point> points) {
        try (CsvTable t = new CsvTable(file, STAGE_COLUMNS)) {
            for (Point p : points) {
                for (StageRow r : p.stages()) {
                    List<Object> cells = new ArrayList<>(List.of(r.nPerArm(), r.contrast(), r.look(), r.informationFraction(),
                            r.nPerArmAtLook(), r.efficacyZ(), r.futilityZ(), r.alphaSpent(), r.hypothesis(), r.replicates(),
                            r.drift()));
                    share(cells, r.stopEfficacy());
                    share(cells, r.stopFutility());
                    share(cells, r.rejectedByLook());
                    cells.addAll(List.of(r.undefined(), p.parameter(), SweepValues.label(p.value())));
                    t.row(cells.toArray());
                }
            }
            t.commit();
        }
    }

    /** Writes sequential.csv. */
    public static void writeSummaries(Path file, List<Point> points) {
        try (CsvTable t = new CsvTable(file, SUMMARY_COLUMNS)) {
            for (Point p : points) {
                for (SequentialSummary r : p.summaries()) {
                    List<Object> cells = new ArrayList<>(List.of(r.nPerArm(), r.contrast(), r.hypothesis(), r.replicates(),
                            r.drift()));
                    for (StageShare s : List.of(r.power(), r.powerDirectional(), r.rejectionIgnoringFutility(), r.futility(),
                            r.earlyStop())) {
                        share(cells, s);
                    }
                    cells.addAll(List.of(r.expectedNPerArm(), r.expectedLow(), r.expectedHigh(), r.analyticExpectedNPerArm(),
                            p.parameter(), SweepValues.label(p.value())));
                    t.row(cells.toArray());
                }
            }
            t.commit();
        }
    }

    private static void share(List<Object> cells, StageShare s) {
        cells.addAll(List.of(s.count(), s.share(), s.low(), s.high(), s.analytic()));
    }

    /**
     * The looks and the summaries as aligned text: per look the bounds, the stopping shares with
     * their Wilson intervals and the design's values in brackets; per size the power, the type I
     * error and the expected patients per arm under the scenario and the null.
     */
    public static String format(List<StageRow> stages, List<SequentialSummary> summaries) {
        boolean contrasts = stages.stream().map(StageRow::contrast).distinct().count() > 1;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s%9s  %-10s  %4s  %8s  %7s  %10s  %10s  %8s  %-27s  %-27s%n",
                contrasts ? String.format(Locale.ROOT, "%-20s  ", "contrast") : "", "n_per_arm", "hypothesis", "look", "fraction",
                "n_look", "efficacy_z", "futility_z", "alpha", "P(stop efficacy) [design]", "P(stop futility) [design]"));
        for (StageRow r : stages) {
            s.append(String.format(Locale.ROOT, "%s%9d  %-10s  %4d  %8.3f  %7d  %10s  %10s  %8s  %-27s  %-27s%n",
                    contrasts ? String.format(Locale.ROOT, "%-20s  ", r.contrast()) : "", r.nPerArm(), r.hypothesis(), r.look(),
                    r.informationFraction(), r.nPerArmAtLook(), cell(r.efficacyZ(), "%.3f"), cell(r.futilityZ(), "%.3f"),
                    cell(r.alphaSpent(), "%.4f"), shareText(r.stopEfficacy()), shareText(r.stopFutility())));
        }
        s.append(String.format(Locale.ROOT, "%s%9s  %-10s  %-27s  %-27s  %-27s  %-30s%n",
                contrasts ? String.format(Locale.ROOT, "%-20s  ", "contrast") : "", "n_per_arm", "hypothesis",
                "power (any look) [design]", "rejection, futility ignored", "P(futility) [design]",
                "expected n per arm [design]"));
        for (SequentialSummary r : summaries) {
            s.append(String.format(Locale.ROOT, "%s%9d  %-10s  %-27s  %-27s  %-27s  %-30s%n",
                    contrasts ? String.format(Locale.ROOT, "%-20s  ", r.contrast()) : "", r.nPerArm(), r.hypothesis(),
                    shareText(r.power()), shareText(r.rejectionIgnoringFutility()), shareText(r.futility()),
                    String.format(Locale.ROOT, "%.1f [%.1f, %.1f] [%s]", r.expectedNPerArm(), r.expectedLow(), r.expectedHigh(),
                            cell(r.analyticExpectedNPerArm(), "%.1f"))));
        }
        return s.toString();
    }

    /** {@code 0.123 [0.110, 0.137] [0.120]}: the share, its Wilson interval and the design's probability. */
    static String shareText(StageShare s) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] [%s]", s.share(), s.low(), s.high(), cell(s.analytic(), "%.3f"));
    }

    private static String cell(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : CsvTable.number(v);
    }
}
