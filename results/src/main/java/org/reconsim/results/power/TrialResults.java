package org.reconsim.results.power;

import java.util.List;

import org.reconsim.results.stats.TestResult;

/**
 * The analyses of one trial ({@link TrialAnalysis#analyse}), looked up by {@link AnalysisKey}.
 * Kept in {@link AnalysisLayout} offset order, which is also the order of a size's block in a
 * {@link ResultLayout}, so a replicate copies them without a lookup per analysis.
 */
public final class TrialResults {

    private final int nPerArm;
    private final AnalysisLayout layout;
    private final TestResult[] results;

    /** Takes {@code results} (in {@code layout} order) without copying: the caller hands it over. */
    TrialResults(int nPerArm, AnalysisLayout layout, TestResult[] results) {
        if (results.length != layout.size()) {
            throw new IllegalArgumentException(results.length + " results for " + layout);
        }
        this.nPerArm = nPerArm;
        this.layout = layout;
        this.results = results;
    }

    /** Patients per arm of the analysed trial. */
    public int nPerArm() {
        return nPerArm;
    }

    public AnalysisLayout layout() {
        return layout;
    }

    /** The keys of these analyses, in output order. */
    public List<AnalysisKey> keys() {
        return layout.keys();
    }

    /** The result of one analysis; IllegalArgumentException for a key outside the layout. */
    public TestResult get(AnalysisKey key) {
        return results[layout.offset(key)];
    }

    /** The result at {@code offset} of the layout (for copying in layout order). */
    TestResult at(int offset) {
        return results[offset];
    }
}
