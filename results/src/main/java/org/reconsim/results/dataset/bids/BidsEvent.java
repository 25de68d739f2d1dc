package org.reconsim.results.dataset.bids;

/**
 * One row of a run's {@code events.tsv}: a script window of the memory task.
 *
 * @param onset     seconds from the first volume of the run
 * @param duration  seconds (the task's script windows last 30 s, docs/TRIALS.md B)
 * @param trialType {@code trauma}, {@code sad} or {@code relax} in the reconsim task
 */
public record BidsEvent(double onset, double duration, String trialType) {

    public BidsEvent {
        if (!(onset >= 0) || !(duration >= 0)) {
            throw new IllegalArgumentException("event onset and duration must be >= 0, got " + onset + ", " + duration);
        }
        if (trialType == null || trialType.isEmpty()) {
            throw new IllegalArgumentException("event trial_type is required");
        }
        BidsLabels.cell("trial_type", trialType);
    }
}
