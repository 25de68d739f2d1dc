package org.reconsim.results.sequential;

import java.util.List;

/**
 * The stopping probabilities of a group-sequential design at every look under one drift
 * {@code theta}, the mean of the final z statistic ({@code Z_k ~ N(theta sqrt(t_k), 1)}).
 * Futility bounds count as obeyed here (they are non-binding only for the type I error).
 *
 * @param drift  the drift {@code theta}
 * @param stages one row per look, in order
 */
public record OperatingCharacteristics(double drift, List<Stage> stages) {

    public OperatingCharacteristics {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a design has at least one look");
        }
    }

    /** Probability of rejecting at some look, either side. */
    public double rejectionProbability() {
        return stages.stream().mapToDouble(Stage::pStopEfficacy).sum();
    }

    /**
     * Probability of rejecting at some look with {@code Z_k >= b_k}: the power against a
     * positive drift (the opposite side's rejections are not successes), as rpact's
     * design characteristics count it.
     */
    public double upperRejectionProbability() {
        return stages.stream().mapToDouble(Stage::pRejectUpper).sum();
    }

    /** Probability of stopping for futility at an interim look. */
    public double futilityProbability() {
        return stages.stream().mapToDouble(Stage::pStopFutility).sum();
    }

    /** Probability of stopping before the last look. */
    public double earlyStopProbability() {
        return 1 - stages.get(stages.size() - 1).pReach();
    }

    /**
     * Expected information at stopping as a share of the maximum,
     * {@code sum_{k<K} t_k P(stop at k) + P(reach K)}: times the maximum sample size, the
     * average sample number.
     */
    public double expectedInformationFraction() {
        Stage last = stages.get(stages.size() - 1);
        double expected = last.informationFraction() * last.pReach();
        for (int k = 0; k < stages.size() - 1; k++) {
            expected += stages.get(k).informationFraction() * stages.get(k).pStop();
        }
        return expected;
    }
}
