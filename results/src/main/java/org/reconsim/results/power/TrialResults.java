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

    /**
     * The results as the arrays they used to travel in, [endpoint][visit][method] of the only
     * contrast; for callers not yet moved to keys (the command line, being rewritten).
     */
    @Deprecated(forRemoval = true)
    public TestResult[][][] toNestedArray() {
        if (layout.contrasts().size() != 1) {
            throw new IllegalStateException("the nested arrays hold one contrast, these results have " + layout.contrasts());
        }
        var endpoints = layout.endpoints();
        var visits = layout.visits();
        var methods = layout.methods();
        TestResult[][][] out = new TestResult[endpoints.size()][visits.size()][methods.size()];
        for (int e = 0; e < endpoints.size(); e++) {
            for (int v = 0; v < visits.size(); v++) {
                for (int m = 0; m < methods.size(); m++) {
                    out[e][v][m] = get(new AnalysisKey(layout.contrasts().get(0), endpoints.get(e), visits.get(v), methods.get(m)));
                }
            }
        }
        return out;
    }

    /** Inverse of {@link #toNestedArray()}: arrays [endpoint][visit][method] of the layout's only contrast. */
    @Deprecated(forRemoval = true)
    public static TrialResults ofNestedArray(int nPerArm, AnalysisLayout layout, TestResult[][][] nested) {
        if (layout.contrasts().size() != 1) {
            throw new IllegalArgumentException("the nested arrays hold one contrast, the layout has " + layout.contrasts());
        }
        TestResult[] flat = new TestResult[layout.size()];
        for (AnalysisKey k : layout.keys()) {
            flat[layout.offset(k)] = nested[layout.endpoints().indexOf(k.endpoint())][layout.visits().indexOf(k.visit())]
                    [layout.methods().indexOf(k.method())];
        }
        return new TrialResults(nPerArm, layout, flat);
    }
}
