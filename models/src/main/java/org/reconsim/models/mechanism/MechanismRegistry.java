package org.reconsim.models.mechanism;

import org.reconsim.models.spec.Registry;

import java.util.List;
import java.util.Optional;

/**
 * The named mechanisms scenarios can make true, as Caffeine's simulator registers its policies:
 * the built-in modules of docs/MODEL.md section 3, then those of every {@link MechanismProvider}
 * on the class path. The order is the order of composition and of the documentation.
 */
public final class MechanismRegistry {

    private static final List<MechanismType<?>> BUILT_IN = List.of(
            new MechanismType<>("restabilization-blockade", "M1: NMDA blockade during the labile window lowers restabilization",
                    RestabilizationBlockade.class, RestabilizationBlockade.defaults()),
            new MechanismType<>("plasticity-window", "M2: a plasticity window boosts learning after the infusion",
                    PlasticityWindow.class, PlasticityWindow.defaults()),
            new MechanismType<>("destabilization-interference",
                    "M3: drug present at retrieval prevents destabilization (GluN2B), optionally strengthening the trace",
                    DestabilizationInterference.class, DestabilizationInterference.defaults()),
            new MechanismType<>("learning-blockade", "NMDA-dependent new learning (acquisition, extinction) blocked while the drug is present",
                    LearningBlockade.class, LearningBlockade.defaults()),
            new MechanismType<>("structure-learning", "M4 (latent-cause model): occupancy shifts structure learning (alpha, sigma_r^2)",
                    StructureLearning.class, StructureLearning.defaults()));

    private MechanismRegistry() {
    }

    /** Holder idiom: the providers are looked up once, on first use, and never change after. */
    private static final class All {
        static final Registry<MechanismType<?>> REGISTRY = Registry.load("mechanism", BUILT_IN, MechanismProvider.class,
                MechanismProvider::mechanisms, MechanismType::parameters);
    }

    /** Every registered mechanism, built-in ones first. */
    public static List<MechanismType<?>> all() {
        return All.REGISTRY.all();
    }

    public static Optional<MechanismType<?>> byLabel(String label) {
        return all().stream().filter(t -> t.label().equals(label)).findFirst();
    }

    /** The registration of a parameters record type. */
    public static Optional<MechanismType<?>> byType(Class<?> parameters) {
        return all().stream().filter(t -> t.parameters() == parameters).findFirst();
    }

    /** Position in the registry: composition order. */
    public static int indexOf(MechanismType<?> type) {
        return all().indexOf(type);
    }
}
