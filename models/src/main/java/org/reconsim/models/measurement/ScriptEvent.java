package org.reconsim.models.measurement;

/**
 * One script presentation, as a row of a BIDS {@code events.tsv}.
 *
 * @param onset    seconds from the first volume
 * @param duration seconds
 * @param script   script type ({@code trial_type} = {@link Script#label()})
 */
public record ScriptEvent(double onset, double duration, Script script) {
}
