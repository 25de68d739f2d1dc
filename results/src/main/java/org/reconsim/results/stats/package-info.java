/**
 * Per-replicate statistical analyses of a virtual trial: ANCOVA and Welch t tests of the
 * treatment effect, binomial confidence intervals for estimated power, and a running
 * accumulator of moments.
 *
 * <p>Analyses are static, allocation-free functions over primitive arrays because they run
 * once per replicate, millions of times per sweep. Missing observations are {@code NaN} and
 * are dropped (complete-case analysis). Every difference is treatment minus control.
 */
package org.reconsim.results.stats;
