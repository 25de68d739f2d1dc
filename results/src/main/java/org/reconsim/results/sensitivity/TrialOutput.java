package org.reconsim.results.sensitivity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.reconsim.results.power.PowerRow;

/**
 * Which number of the power table a sensitivity analysis explains, and for which result: the
 * power (share of trials with p &lt; alpha), the mean z (mean over trials of estimate / standard
 * error) or the true standardized effect d, of one contrast, endpoint, visit and analysis.
 */
public record TrialOutput(Quantity quantity, String contrast, String endpoint, String visit, String analysis)
        implements java.io.Serializable {

    /** The column of {@link PowerRow} the output reads. */
    public enum Quantity {
        POWER("power"), MEAN_Z("mean_z"), EFFECT_D("effect_d");

        private final String label;

        Quantity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The quantity written {@code label}, if any. */
        public static Optional<Quantity> named(String label) {
            return Arrays.stream(values()).filter(q -> q.label.equals(label)).findFirst();
        }

        double of(PowerRow row) {
            return switch (this) {
                case POWER -> row.power();
                case MEAN_Z -> row.meanZ();
                case EFFECT_D -> row.effectD();
            };
        }
    }

    /** The output's value in a power table; IllegalStateException if the table has no such result. */
    public double of(List<PowerRow> rows) {
        return quantity.of(rows.stream().filter(this::matches).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result " + describe() + " in the power table")));
    }

    /** Whether the table has this result (the check before any simulation). */
    public boolean in(List<PowerRow> rows) {
        return rows.stream().anyMatch(this::matches);
    }

    private boolean matches(PowerRow r) {
        return r.contrast().equals(contrast) && r.endpoint().equals(endpoint) && r.visit().equals(visit) && r.analysis().equals(analysis);
    }

    /** e.g. {@code mean_z of amygdala at post (ketamine-vs-midazolam, ancova)}. */
    public String describe() {
        return quantity.label() + " of " + endpoint + " at " + visit + " (" + contrast + ", " + analysis + ")";
    }
}
