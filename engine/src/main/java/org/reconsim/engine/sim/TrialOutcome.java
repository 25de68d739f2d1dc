package org.reconsim.engine.sim;

import java.util.List;

/**
 * One virtual trial.
 *
 * @param replicate  replicate index
 * @param nPerArm    patients per arm (before allocation ratios)
 * @param patients   patients in subject order (copied: a read-only list)
 */
public record TrialOutcome(int replicate, int nPerArm, List<PatientOutcome> patients) {

    public TrialOutcome {
        patients = List.copyOf(patients);
    }

    /** Protocol events the schedule ran for these patients. */
    public long events() {
        long sum = 0;
        for (PatientOutcome p : patients) {
            sum += p.events();
        }
        return sum;
    }

    /**
     * The trial with {@code n} patients per arm that this larger trial contains: its first
     * {@code n} allocation blocks. Because every patient draws only from streams addressed by
     * (seed, purpose, patient, replicate) and patients do not interact, this is exactly the
     * trial {@link VirtualTrial#run} would simulate at that size (a test asserts it), so a sweep
     * over sample sizes simulates each replicate once, at its largest size.
     *
     * @param n                patients per arm, at most {@link #nPerArm()}
     * @param allocationBlock  patients per allocation block ({@link TrialPlan#allocationBlock()})
     */
    public TrialOutcome firstPerArm(int n, int allocationBlock) {
        if (n > nPerArm) {
            throw new IllegalArgumentException("a trial with " + nPerArm + " per arm does not contain one with " + n);
        }
        if (n == nPerArm) {
            return this;
        }
        long lastSubject = (long) n * allocationBlock; // subject ids are patient index + 1
        int end = 0;
        while (end < patients.size() && patients.get(end).subjectId() <= lastSubject) {
            end++;
        }
        return new TrialOutcome(replicate, n, patients.subList(0, end));
    }
}
