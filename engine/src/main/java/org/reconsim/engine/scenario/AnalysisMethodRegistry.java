package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Registry;

import java.util.List;
import java.util.Optional;

/**
 * The analyses scenario files can name, as Caffeine's simulator registers its policies: the
 * built-in ones, then those of every {@link AnalysisMethodProvider} on the class path. A
 * method's position here is its index in the result layouts; built-ins keep the order of the
 * enum they replace, and later built-ins (mmrm, bayes-t, the mi and cmi methods) come after them.
 */
public final class AnalysisMethodRegistry {

    private static final List<AnalysisMethod> BUILT_IN = List.of(AnalysisMethod.ANCOVA, AnalysisMethod.LMM, AnalysisMethod.WELCH,
            AnalysisMethod.BAYES, AnalysisMethod.MMRM, AnalysisMethod.BAYES_T, AnalysisMethod.MI, AnalysisMethod.MI_J2R,
            AnalysisMethod.MI_CR, AnalysisMethod.CMI, AnalysisMethod.CMI_J2R, AnalysisMethod.CMI_CR);

    private AnalysisMethodRegistry() {
    }

    /** Holder idiom: the providers are looked up once, on first use, and never change after. */
    private static final class All {
        static final Registry<AnalysisMethod> REGISTRY = Registry.load("analysis", BUILT_IN, AnalysisMethodProvider.class,
                AnalysisMethodProvider::methods, m -> m);
    }

    /** Every registered analysis, built-in ones first. */
    public static List<AnalysisMethod> all() {
        return All.REGISTRY.all();
    }

    public static Optional<AnalysisMethod> byLabel(String label) {
        return all().stream().filter(m -> m.label().equals(label)).findFirst();
    }

    /** Position in the registry, -1 for a method not registered. */
    public static int indexOf(AnalysisMethod method) {
        return all().indexOf(method);
    }
}
