/**
 * Per-replicate statistical analyses of a virtual trial: ANCOVA and Welch t tests of the
 * treatment effect, the random-intercept linear mixed model of repeated visits (REML with
 * Satterthwaite degrees of freedom, as lmerTest), the baseline-adjusted mixed model for
 * repeated measures with an unstructured covariance (MMRM: REML with Satterthwaite degrees of
 * freedom, as nlme's gls with corSymm and varIdent), the conjugate normal posterior of an
 * effect, multiple imputation of monotone missing visits (MAR and reference-based) with Rubin's
 * rules, binomial confidence intervals for estimated power, and a running accumulator of
 * moments.
 *
 * <p>Analyses are static functions over primitive arrays, allocation-free or allocating only
 * a few small arrays, because they run once per replicate, millions of times per sweep.
 * Missing observations are {@code NaN} and are dropped: complete cases for the single-visit
 * tests; the mixed models keep every observed visit of a subject. Every difference is
 * treatment minus control.
 */
package org.reconsim.results.stats;
