package org.reconsim.models.memory;

import org.reconsim.models.spec.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reconsim.models.memory.latentcause.LatentCauseParameters;
import org.reconsim.models.memory.latentcause.LatentCauseTrace;
import org.reconsim.models.spec.Sections;

/**
 * The memory models scenarios can choose, as Caffeine's simulator registers its policies: the
 * built-in models of docs/MODEL.md section 2, then those of every {@link MemoryModelProvider} on
 * the class path. The order is the order of the scenario sections and of the documentation.
 */
public final class MemoryModelRegistry {

    private static final List<MemoryModel<?>> BUILT_IN = List.of(
            new MemoryModel<>("two-trace", "Two-trace model parameters (docs/MODEL.md 2a)",
                    TwoTraceParameters.class, TwoTraceParameters.defaults(),
                    (p, memory) -> new TwoTraceMemory(p, 0, 0, 0),
                    (p, memory, e0, x0, ageDays) -> new TwoTraceMemory(p, e0, x0, ageDays)),
            // The latent-cause model has no destabilization of its own (LatentCauseTrace), so no
            // parameter for how long an amnestic agent can act after a retrieval: it borrows
            // two_trace.labile_window_hours, so that both models give the drug the same window
            // (6 h: Nader 2000; Monfils 2009). Its patients start without extinction (x0 unused):
            // the trauma is traumaTrials reinforced trials at home.
            new MemoryModel<>("latent-cause", "Latent-cause model parameters (docs/MODEL.md 2b; Gershman, Monfils, Norman & Niv 2017)",
                    LatentCauseParameters.class, LatentCauseParameters.defaults(),
                    (p, memory) -> new LatentCauseTrace(p, p.unitsPerHour(), p.maxGapUnits(), borrowedLabileWindowHours(memory)),
                    (p, memory, e0, x0, ageDays) -> LatentCauseTrace.withTrauma(p, p.unitsPerHour(), p.maxGapUnits(),
                            borrowedLabileWindowHours(memory), e0, p.traumaTrials(), ageDays)));

    private MemoryModelRegistry() {
    }

    private static double borrowedLabileWindowHours(Sections<Record> memory) {
        return memory.get(TwoTraceParameters.class).labileWindowHours();
    }

    /** Holder idiom: the providers are looked up once, on first use, and never change after. */
    private static final class All {
        static final Registry<MemoryModel<?>> REGISTRY = Registry.load("memory model", BUILT_IN, MemoryModelProvider.class,
                MemoryModelProvider::memoryModels, MemoryModel::parameters);
    }

    /** Every registered memory model, built-in ones first. */
    public static List<MemoryModel<?>> all() {
        return All.REGISTRY.all();
    }

    public static Optional<MemoryModel<?>> byLabel(String label) {
        return all().stream().filter(m -> m.label().equals(label)).findFirst();
    }

    /** The registration of a parameters record type. */
    public static Optional<MemoryModel<?>> byType(Class<?> parameters) {
        return all().stream().filter(m -> m.parameters() == parameters).findFirst();
    }

    /** The model of scenarios that name none: the two-trace model (docs/MODEL.md 2a). */
    public static MemoryModel<?> standard() {
        return byType(TwoTraceParameters.class).orElseThrow();
    }

    /** Every registered model's parameters section at its defaults, in registry order. */
    public static Sections<Record> defaultSections() {
        List<Sections.Entry<Record>> entries = new ArrayList<>();
        for (MemoryModel<?> m : all()) {
            entries.add(new Sections.Entry<>(m.section(), m.doc(), m.parameters(), m.defaults()));
        }
        return Sections.of(entries);
    }
}
