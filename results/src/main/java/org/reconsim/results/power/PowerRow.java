package org.reconsim.results.power;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.reconsim.results.stats.UndefinedReason;

/**
 * Power for one sample size, contrast, endpoint, visit and analysis.
 *
 * <p>The denominator is every replicate: {@code power = rejections / replicates}, where a
 * replicate whose analysis was undefined ({@code failed}: too few completers, a flat REML
 * criterion, ...) counts as no rejection, as it would in a real trial that could not be
 * analysed. {@link #failureRate()} says how much of the power that convention holds down.
 *
 * @param nPerArm        patients per arm
 * @param contrast       contrast name ({@link Contrast#label()}; "family" rows use the first contrast)
 * @param endpoint       endpoint label
 * @param visit          visit label
 * @param analysis       analysis name
 * @param replicates     virtual trials
 * @param rejections     trials with p < alpha (an undefined test counts as no rejection)
 * @param failed         trials whose analysis was undefined (counted in {@code replicates}, never in {@code rejections});
 *                       for the family's any/all rows, trials in which any member's analysis was undefined
 * @param power          rejections / replicates
 * @param ciLow          Wilson 95% interval, low
 * @param ciHigh         Wilson 95% interval, high
 * @param meanEstimate   mean of the estimated effect over trials where it is defined
 * @param sdEstimate     SD of the estimated effect
 * @param cpLow          Clopper-Pearson (exact) 95% interval, low
 * @param cpHigh         Clopper-Pearson 95% interval, high
 * @param typeS          among significant trials whose true effect is not 0, the share whose estimate has the other
 *                       sign than the true effect (Gelman & Carlin 2014); NaN (NA) when the true effect is 0
 * @param exaggeration   among those trials, mean |estimate| over mean |true effect| (type M, the exaggeration ratio); NaN
 *                       (NA) when the true effect is 0
 * @param powerDirectional  share of trials significant with the estimate in the hypothesized direction
 * @param meanZ          mean over trials of estimate / its standard error
 * @param effectD        the true standardized effect (under assurance: its mean over trials)
 * @param failures       the failed trials by reason (only reasons that occurred; the counts sum to {@code failed})
 */
public record PowerRow(int nPerArm, String contrast, String endpoint, String visit, String analysis, long replicates, long rejections,
                       long failed, double power, double ciLow, double ciHigh, double meanEstimate, double sdEstimate, double cpLow,
                       double cpHigh, double typeS, double exaggeration, double powerDirectional, double meanZ, double effectD,
                       Map<UndefinedReason, Long> failures) {

    public PowerRow {
        EnumMap<UndefinedReason, Long> copy = new EnumMap<>(UndefinedReason.class);
        failures.forEach((reason, count) -> {
            if (count > 0) {
                copy.put(reason, count);
            }
        });
        failures = Collections.unmodifiableMap(copy);
        long sum = copy.values().stream().mapToLong(Long::longValue).sum();
        if (failed < 0 || failed > replicates || (!copy.isEmpty() && sum != failed)) {
            throw new IllegalArgumentException(failed + " failed of " + replicates + " replicates, by reason " + copy);
        }
    }

    /** A row without failed analyses. */
    public static Map<UndefinedReason, Long> noFailures() {
        return Map.of();
    }

    /** Share of the replicates whose analysis was undefined: failed / replicates (0 without replicates). */
    public double failureRate() {
        return replicates == 0 ? 0 : (double) failed / replicates;
    }

    /** The reasons as {@code code:count} separated by {@code ;} (e.g. {@code too_few_observations:108}), empty without failures. */
    public String failureCodes() {
        return failures.entrySet().stream().map(e -> e.getKey().code() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }
}
