/**
 * Group-sequential designs with interim looks: error-spending efficacy bounds (Lan &amp;
 * DeMets 1983; Hwang, Shih &amp; DeCani 1990), non-binding futility bounds from beta spending
 * (Pampallona, Tsiatis &amp; Kim 2001), fixed z values or conditional power, and the
 * probabilities of crossing them under a drift, by the recursive numerical integration of
 * Jennison &amp; Turnbull (2000, ch. 19). The numbers agree with R's rpact (Wassmer &amp;
 * Pahlke) to {@code 1e-4} or better: see docs/SEQUENTIAL.md.
 *
 * <p>Entry points: {@link org.reconsim.results.sequential.GroupSequentialDesign#of} (given
 * information fractions and alpha, the bounds) and
 * {@link org.reconsim.results.sequential.BoundaryCrossing#probabilities} (given bounds and a
 * drift, the stage probabilities).
 */
package org.reconsim.results.sequential;
