package org.reconsim.results.power;

/**
 * Power for one sample size, contrast, endpoint, visit and analysis.
 *
 * @param nPerArm        patients per arm
 * @param contrast       contrast name ({@link Contrast#label()}; "family" rows use the first contrast)
 * @param endpoint       endpoint label
 * @param visit          visit label
 * @param analysis       analysis name
 * @param replicates     virtual trials
 * @param rejections     trials with p < alpha (an undefined test counts as no rejection)
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
 */
public record PowerRow(int nPerArm, String contrast, String endpoint, String visit, String analysis, long replicates, long rejections,
                       double power, double ciLow, double ciHigh, double meanEstimate, double sdEstimate, double cpLow,
                       double cpHigh, double typeS, double exaggeration, double powerDirectional, double meanZ, double effectD) {
}
