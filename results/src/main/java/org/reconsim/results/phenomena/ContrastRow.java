package org.reconsim.results.phenomena;

/**
 * One expected finding, measured.
 *
 * @param phenomenon   docs/PHENOMENA.md row
 * @param experiment   experiment name
 * @param model        memory model
 * @param mechanism    drug-mechanism hypothesis ("-" when the experiment gives no NMDA antagonist)
 * @param higher       measure expected higher (group/label)
 * @param lower        measure expected lower
 * @param meanHigher   its mean
 * @param meanLower    its mean
 * @param contrast     meanHigher - meanLower
 * @param ciLow        95% interval, low
 * @param ciHigh       95% interval, high
 * @param hedgesG      standardized difference
 * @param expected     the expectation in words
 * @param verdict      reproduced, not reproduced (for the mechanism matrix: consistent, inconsistent)
 */
public record ContrastRow(int phenomenon, String experiment, String model, String mechanism, String higher, String lower,
                          double meanHigher, double meanLower, double contrast, double ciLow, double ciHigh, double hedgesG,
                          String expected, String verdict) {
}
