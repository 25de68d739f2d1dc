package org.reconsim.models.measurement;

/** The three script types of the scanner task (Duek 2023, docs/TRIALS.md B). */
public enum Script {
    TRAUMA("trauma"), SAD("sad"), RELAX("relax");

    private final String label;

    Script(String label) {
        this.label = label;
    }

    /** The BIDS {@code trial_type} value. */
    public String label() {
        return label;
    }
}
