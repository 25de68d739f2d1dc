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
 * @param typeS          among significant trials, the share whose estimate has the wrong sign (Gelman & Carlin 2014);
 *                       the true sign is taken as that of the mean estimate over all trials
 * @param exaggeration   among significant trials, mean |estimate| over |mean estimate| (the type M error, exaggeration ratio)
 */
public record PowerRow(int nPerArm, String contrast, String endpoint, String visit, String analysis, long replicates, long rejections,
                       double power, double ciLow, double ciHigh, double meanEstimate, double sdEstimate, double cpLow,
                       double cpHigh, double typeS, double exaggeration) {
}
