package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;

/**
 * Where a replicate's numbers sit in its flat arrays (which {@link ReplicateResult} encodes
 * as they are, and {@link PowerAccumulator} mirrors and checkpoints), so that no one else
 * computes an index.
 *
 * <p>Results: sample sizes x the {@link AnalysisLayout} of one trial,
 * <pre>
 *   offset(n, analysis) = size * A + analyses.offset(analysis)
 * </pre>
 * with {@code size} the position of n in {@link #sizes()} and A = {@code analyses.size()};
 * that is sizes x contrasts x endpoints x visits x methods, the order of power.csv and
 * replicates.csv.
 *
 * <p>Arm means (of the largest trial, for the report; absent when {@link #arms()} is empty):
 * arms x all visits x all endpoints,
 * <pre>
 *   armMeanOffset(arm, visit, endpoint) = (arm * V + visit) * E + endpoint
 * </pre>
 * over {@link #arms()} and every {@link Visit} and {@link Endpoint} in
 * declaration order.
 */
public final class ResultLayout {

    private static final List<Visit> ALL_VISITS = List.of(Visit.values());
    private static final List<Endpoint> ALL_ENDPOINTS = List.of(Endpoint.values());

    private final int[] sizes;
    private final AnalysisLayout analyses;
    private final List<String> arms;
    private final List<ResultKey> keys;
    private final List<ArmMeanKey> armMeanKeys;

    /**
     * @param sizes     patients per arm, distinct, in output order
     * @param analyses  the analyses of each trial
     * @param arms      arm names in arm-index order whose means are kept, or empty
     */
    public ResultLayout(List<Integer> sizes, AnalysisLayout analyses, List<String> arms) {
        if (sizes.isEmpty() || sizes.stream().distinct().count() != sizes.size()) {
            throw new IllegalArgumentException("sample sizes must be given and distinct: " + sizes);
        }
        if (arms.stream().distinct().count() != arms.size()) {
            throw new IllegalArgumentException("arm names must be distinct: " + arms);
        }
        this.sizes = sizes.stream().mapToInt(Integer::intValue).toArray();
        this.analyses = analyses;
        this.arms = List.copyOf(arms);
        List<ResultKey> all = new ArrayList<>(size());
        for (int n : this.sizes) {
            for (AnalysisKey a : analyses.keys()) {
                all.add(new ResultKey(n, a));
            }
        }
        this.keys = List.copyOf(all);
        List<ArmMeanKey> means = new ArrayList<>(armMeanSize());
        for (String arm : this.arms) {
            for (Visit v : ALL_VISITS) {
                for (Endpoint e : ALL_ENDPOINTS) {
                    means.add(new ArmMeanKey(arm, v, e));
                }
            }
        }
        this.armMeanKeys = List.copyOf(means);
    }

    /** Patients per arm, in output order. */
    public List<Integer> sizes() {
        return Arrays.stream(sizes).boxed().toList();
    }

    public AnalysisLayout analyses() {
        return analyses;
    }

    /** Arms whose means are kept, in arm-index order; empty when they are not kept. */
    public List<String> arms() {
        return arms;
    }

    /** Number of results (estimates, and p-values) of a replicate. */
    public int size() {
        return sizes.length * analyses.size();
    }

    /** Every result key, in offset order (the output order). */
    public List<ResultKey> keys() {
        return keys;
    }

    /** The keys of the trial with {@code nPerArm} patients per arm, in offset order. */
    public List<ResultKey> keys(int nPerArm) {
        int start = sizeBlock(nPerArm);
        return keys.subList(start, start + analyses.size());
    }

    /** The key's offset, 0 .. {@link #size()} - 1; IllegalArgumentException for a key outside this layout. */
    public int offset(ResultKey key) {
        return sizeBlock(key.nPerArm()) + analyses.offset(key.analysis());
    }

    /** The effect ({@link AnalysisLayout#effectOf}) the result at {@code offset} estimates, whatever its sample size. */
    public int effectOf(int offset) {
        return analyses.effectOf(offset % analyses.size());
    }

    /** The first offset of the trial with {@code nPerArm} per arm; its analyses follow in {@link AnalysisLayout} order. */
    int sizeBlock(int nPerArm) {
        for (int s = 0; s < sizes.length; s++) { // a few dozen sizes at most
            if (sizes[s] == nPerArm) {
                return s * analyses.size();
            }
        }
        throw new IllegalArgumentException(nPerArm + " per arm is not one of the sizes " + sizes());
    }

    /** Number of arm means of a replicate (0 when they are not kept). */
    public int armMeanSize() {
        return arms.size() * ALL_VISITS.size() * ALL_ENDPOINTS.size();
    }

    /** Every arm-mean key, in offset order. */
    public List<ArmMeanKey> armMeanKeys() {
        return armMeanKeys;
    }

    /** The arm mean's offset; IllegalArgumentException for an arm whose means are not kept. */
    public int armMeanOffset(ArmMeanKey key) {
        int arm = arms.indexOf(key.arm());
        if (arm < 0) {
            throw new IllegalArgumentException("no means are kept for arm " + key.arm() + " (kept: " + arms + ")");
        }
        return armMeanOffset(arm, key.visit(), key.endpoint());
    }

    /** The offset of arm {@code arm} (its index in {@link #arms()}, as patients carry it), visit and endpoint. */
    int armMeanOffset(int arm, Visit visit, Endpoint endpoint) {
        return (arm * ALL_VISITS.size() + visit.ordinal()) * ALL_ENDPOINTS.size() + endpoint.ordinal();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ResultLayout other && Arrays.equals(sizes, other.sizes)
                && analyses.equals(other.analyses) && arms.equals(other.arms);
    }

    @Override
    public int hashCode() {
        return (31 * Arrays.hashCode(sizes) + analyses.hashCode()) * 31 + arms.hashCode();
    }

    @Override
    public String toString() {
        return "ResultLayout" + sizes() + " x " + analyses + (arms.isEmpty() ? "" : ", arm means of " + arms);
    }
}
