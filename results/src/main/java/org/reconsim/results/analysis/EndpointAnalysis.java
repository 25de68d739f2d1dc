package org.reconsim.results.analysis;

import java.util.List;

import org.reconsim.results.stats.TestResult;

/**
 * One analysis of one endpoint of a virtual trial: the treatment-minus-control effect at each
 * tested visit, with its test against zero. It sees the whole endpoint at once (every visit,
 * baseline included) so that a repeated-measures model is fitted once for all visits, not once
 * per visit. A result the data cannot support is {@link TestResult#undefined()}, never an
 * exception: a virtual trial with too few completers is a legitimate outcome.
 *
 * <p>Runs once per endpoint per replicate, millions of times per sweep: keep allocations to a
 * few arrays of the trial's size. Implementations are used from several threads at once, so they
 * hold no mutable state.
 *
 * <p>A new analysis is one class implementing this interface plus one {@link AnalysisType}
 * returned by an {@link AnalysisProvider} listed in
 * {@code META-INF/services/org.reconsim.engine.scenario.AnalysisMethodProvider}.
 */
@FunctionalInterface
public interface EndpointAnalysis {

    /** The effect at each of {@code data.testedVisits()}, in that order. */
    List<TestResult> effects(EndpointData data);
}
