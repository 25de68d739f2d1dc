package org.reconsim.results.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.AnalysisMethodProvider;
import org.reconsim.engine.scenario.AnalysisMethodRegistry;
import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.stats.MonotoneImputation.Strategy;

/**
 * The analyses behind the names of {@link AnalysisMethodRegistry}: the built-in ones, then those
 * of every {@link AnalysisProvider} on the class path (looked up as the engine looks up the
 * names, so the two registries list the same providers in the same order).
 */
public final class AnalysisRegistry {

    private static final List<AnalysisType> BUILT_IN = List.of(
            new AnalysisType(AnalysisMethod.ANCOVA, plan -> new AncovaAnalysis()),
            new AnalysisType(AnalysisMethod.LMM, plan -> new MixedModelAnalysis()),
            new AnalysisType(AnalysisMethod.WELCH, plan -> new ChangeScoreWelch()),
            new AnalysisType(AnalysisMethod.BAYES, BayesAnalysis::of),
            new AnalysisType(AnalysisMethod.MMRM, plan -> new MmrmAnalysis()),
            new AnalysisType(AnalysisMethod.BAYES_T, BayesTAnalysis::of),
            new AnalysisType(AnalysisMethod.MI, plan -> MultipleImputationAnalysis.of(Strategy.MAR, plan)),
            new AnalysisType(AnalysisMethod.MI_J2R, plan -> MultipleImputationAnalysis.of(Strategy.JUMP_TO_REFERENCE, plan)),
            new AnalysisType(AnalysisMethod.MI_CR, plan -> MultipleImputationAnalysis.of(Strategy.COPY_REFERENCE, plan)),
            new AnalysisType(AnalysisMethod.CMI, plan -> ConditionalMeanImputationAnalysis.of(Strategy.MAR, plan)),
            new AnalysisType(AnalysisMethod.CMI_J2R, plan -> ConditionalMeanImputationAnalysis.of(Strategy.JUMP_TO_REFERENCE, plan)),
            new AnalysisType(AnalysisMethod.CMI_CR, plan -> ConditionalMeanImputationAnalysis.of(Strategy.COPY_REFERENCE, plan)));

    private AnalysisRegistry() {
    }

    /** Holder idiom: the providers are looked up once, on first use, and never change after. */
    private static final class All {
        static final List<AnalysisType> TYPES = load();

        private static List<AnalysisType> load() {
            List<AnalysisType> all = new ArrayList<>(BUILT_IN);
            for (AnalysisMethodProvider p : ServiceLoader.load(AnalysisMethodProvider.class, AnalysisRegistry.class.getClassLoader())) {
                if (p instanceof AnalysisProvider analyses) {
                    all.addAll(analyses.analyses());
                }
            }
            return List.copyOf(all);
        }
    }

    /** Every registered analysis, in the order of {@link AnalysisMethodRegistry#all()}. */
    public static List<AnalysisType> all() {
        return All.TYPES;
    }

    /**
     * The analysis named {@code method}; IllegalArgumentException when the name was registered
     * without one (a provider that is only an {@link AnalysisMethodProvider}).
     */
    public static AnalysisType of(AnalysisMethod method) {
        for (AnalysisType t : all()) {
            if (t.method().equals(method)) {
                return t;
            }
        }
        throw new IllegalArgumentException("analysis " + method + " has a name but no implementation: register it with an "
                + AnalysisProvider.class.getName());
    }

    /** The analysis named {@code method} as {@code plan} configures it. */
    public static EndpointAnalysis configure(AnalysisMethod method, Analysis plan) {
        return of(method).configure(plan);
    }
}
