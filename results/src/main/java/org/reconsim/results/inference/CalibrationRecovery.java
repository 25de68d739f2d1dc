package org.reconsim.results.inference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reconsim.results.dataset.CsvTable;
import org.reconsim.results.stats.ProportionInterval;

/**
 * How well the statistics a calibration used recover the hypothesis that generated them
 * ({@code recovery.csv} of {@code reconsim calibrate}; docs/INFERENCE.md, Calibration). ABC model
 * choice can be wrong when its statistics are not sufficient across models (Robert et al. 2011),
 * so the calibration reports, beside the posterior probabilities, the confusion matrix of
 * pilots simulated under each hypothesis and classified from the same statistics: a
 * probability of correct identification near chance says the posterior probabilities mostly
 * restate the prior, whatever they are.
 */
public final class CalibrationRecovery {

    /** The file in the run folder. */
    public static final String FILE = "recovery.csv";
    public static final List<String> COLUMNS = List.of("true_hypothesis", "inferred_hypothesis", "proportion", "ci_low", "ci_high");

    private CalibrationRecovery() {
    }

    /** {@code simulator} restricted to the statistics with an observed value (the ones the distance uses). */
    public static SummarySimulator observedOnly(SummarySimulator simulator, double[] observed) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < observed.length; i++) {
            if (!Double.isNaN(observed[i])) {
                keep.add(i);
            }
        }
        List<String> names = keep.stream().map(simulator.statistics()::get).toList();
        return new ObservedOnly(simulator, names, keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A simulator's statistics at the indices {@code keep}. */
    private record ObservedOnly(SummarySimulator simulator, List<String> statistics, int[] keep) implements SummarySimulator {
        @Override
        public List<String> hypotheses() {
            return simulator.hypotheses();
        }

        @Override
        public List<String> parameters() {
            return simulator.parameters();
        }

        @Override
        public double[] simulate(int hypothesis, double[] theta, long draw) {
            double[] all = simulator.simulate(hypothesis, theta, draw);
            double[] out = new double[keep.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = all[keep[i]];
            }
            return out;
        }
    }

    public static void write(Path file, Confusion c) {
        try (CsvTable t = new CsvTable(file, COLUMNS)) {
            for (int i = 0; i < c.hypotheses().size(); i++) {
                for (int j = 0; j < c.hypotheses().size(); j++) {
                    ProportionInterval ci = c.interval(i, j);
                    t.row(c.hypotheses().get(i), c.hypotheses().get(j), c.proportion(i, j), ci.low(), ci.high());
                }
            }
            t.commit();
        }
    }

    /** The console lines: overall probability of correct identification and each hypothesis's share recovered. */
    public static String format(Confusion c) {
        ProportionInterval ci = c.accuracyInterval();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Model recovery on these statistics (%d pilots per hypothesis at the posterior medians): P(correct) %.3f [%.3f, %.3f], "
                        + "chance %.3f%n", c.trialsPerHypothesis(), c.accuracy(), ci.low(), ci.high(), 1.0 / c.hypotheses().size()));
        for (int i = 0; i < c.hypotheses().size(); i++) {
            s.append(String.format(Locale.ROOT, "    %-36s recovered in %.3f%n", c.hypotheses().get(i), c.proportion(i, i)));
        }
        return s.toString();
    }
}
