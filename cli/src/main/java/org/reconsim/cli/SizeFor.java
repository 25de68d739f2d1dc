package org.reconsim.cli;

/**
 * Which power row {@code --target-power} sizes for, as given on the command line: each of
 * contrast, endpoint, visit and analysis, or null for the scenario's default (first contrast,
 * analysis.primary_endpoint, analysis.primary_visit, first of analysis.methods). Resolved against
 * the scenario by {@link org.reconsim.results.power.SizeTarget#of}.
 */
record SizeFor(String contrast, String endpoint, String visit, String analysis) {

    static final SizeFor DEFAULTS = new SizeFor(null, null, null, null);

    boolean isDefault() {
        return contrast == null && endpoint == null && visit == null && analysis == null;
    }
}
