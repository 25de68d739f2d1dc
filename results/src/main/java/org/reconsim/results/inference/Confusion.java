package org.reconsim.results.inference;

import java.util.Arrays;
import java.util.List;

import org.reconsim.results.stats.BinomialInterval;
import org.reconsim.results.stats.ProportionInterval;

/**
 * A confusion matrix of model recovery: {@code counts[t][i]} of the trials simulated under
 * hypothesis t were classified as hypothesis i; every true hypothesis has the same number of
 * trials. Proportions come with Wilson 95% intervals (the trials of a row are independent).
 *
 * @param hypotheses labels, in row and column order
 * @param counts     square, rows of equal sums
 */
public record Confusion(List<String> hypotheses, long[][] counts) {

    public Confusion {
        hypotheses = List.copyOf(hypotheses);
        counts = Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
        int h = hypotheses.size();
        if (counts.length != h || Arrays.stream(counts).anyMatch(r -> r.length != h)) {
            throw new IllegalArgumentException("a confusion matrix over " + h + " hypotheses must be " + h + " x " + h);
        }
        long n = Arrays.stream(counts[0]).sum();
        if (n <= 0 || Arrays.stream(counts).anyMatch(r -> Arrays.stream(r).sum() != n)) {
            throw new IllegalArgumentException("every true hypothesis needs the same positive number of trials");
        }
    }

    @Override
    public long[][] counts() {
        return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    /** Trials simulated under each true hypothesis. */
    public long trialsPerHypothesis() {
        return Arrays.stream(counts[0]).sum();
    }

    /** Share of the trials under {@code truth} classified as {@code inferred}. */
    public double proportion(int truth, int inferred) {
        return (double) counts[truth][inferred] / trialsPerHypothesis();
    }

    /** Wilson 95% interval of {@link #proportion}. */
    public ProportionInterval interval(int truth, int inferred) {
        return BinomialInterval.wilson(counts[truth][inferred], trialsPerHypothesis(), 0.95);
    }

    /**
     * The probability of correct identification with equal prior probabilities: the mean of the
     * diagonal, which is also the share of all trials classified correctly (rows are equal in size).
     */
    public double accuracy() {
        return (double) correct() / (trialsPerHypothesis() * hypotheses.size());
    }

    /** Wilson 95% interval of {@link #accuracy}: every trial is an independent simulation (its own draw). */
    public ProportionInterval accuracyInterval() {
        return BinomialInterval.wilson(correct(), trialsPerHypothesis() * hypotheses.size(), 0.95);
    }

    private long correct() {
        long sum = 0;
        for (int t = 0; t < counts.length; t++) {
            sum += counts[t][t];
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Confusion other && hypotheses.equals(other.hypotheses) && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * hypotheses.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "Confusion" + hypotheses + Arrays.deepToString(counts);
    }
}
