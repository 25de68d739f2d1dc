package org.reconsim.models.pharmacology;

import org.reconsim.models.spec.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reconsim.models.spec.Sections;

/**
 * The drugs an arm can give, as Caffeine's simulator registers its policies: ketamine, its
 * active placebo midazolam and saline (Feder 2014; Duek 2021), then those of every
 * {@link DrugProvider} on the class path.
 */
public final class DrugRegistry {

    /** Ketamine's dissociation (Bowdle 1998; Krystal 1994, see {@link Dissociation}). */
    public static final NonspecificEffectType<Dissociation> DISSOCIATION = new NonspecificEffectType<>("dissociation",
            "Ketamine dissociation (CADSS-like score 0..1), linear in concentration", Dissociation.class, Dissociation.defaults());
    /** Midazolam's sedation through GABA-A receptors (see {@link Sedation}). */
    public static final NonspecificEffectType<Sedation> SEDATION = new NonspecificEffectType<>("sedation",
            "Midazolam sedation (GABA-A Emax, 0..1)", Sedation.class, Sedation.defaults());

    private static final List<DrugType> BUILT_IN = List.of(
            new DrugType("ketamine", "NMDA receptor antagonist, the treatment under test (Duek 2021)",
                    PkModelRegistry.KETAMINE_CLEMENTS, true, DISSOCIATION),
            // midazolam is the active placebo: noticeable sedation, no NMDA blockade (Feder 2014)
            new DrugType("midazolam", "Benzodiazepine active placebo: sedation without NMDA blockade (Feder 2014)",
                    PkModelRegistry.MIDAZOLAM_ALBRECHT, false, SEDATION),
            DrugType.placebo("saline", "Inactive placebo"));

    private DrugRegistry() {
    }

    /** Holder idiom: the providers are looked up once, on first use, and never change after. */
    private static final class All {
        static final List<DrugType> TYPES = Registry.load("drug", BUILT_IN, DrugProvider.class,
                DrugProvider::drugs, d -> d).all();
        static final Sections<NonspecificEffect> EFFECTS = effects(TYPES);

        private static Sections<NonspecificEffect> effects(List<DrugType> drugs) {
            List<Sections.Entry<NonspecificEffect>> entries = new ArrayList<>();
            List<NonspecificEffectType<?>> seen = new ArrayList<>();
            for (DrugType d : drugs) {
                NonspecificEffectType<?> e = d.effect();
                if (e == null || seen.contains(e)) {
                    continue;
                }
                if (seen.stream().anyMatch(o -> o.section().equals(e.section()))) {
                    throw new IllegalStateException("two different effects named " + e.section() + " (drug " + d.label() + ")");
                }
                seen.add(e);
                entries.add(new Sections.Entry<>(e.section(), e.doc(), e.parameters(), e.defaults()));
            }
            return Sections.of(entries);
        }
    }

    /** Every registered drug, built-in ones first. */
    public static List<DrugType> all() {
        return All.TYPES;
    }

    public static Optional<DrugType> byLabel(String label) {
        return all().stream().filter(d -> d.label().equals(label)).findFirst();
    }

    /** Every registered drug's nonspecific-effect section at its defaults (the sections of {@code pharmacology}). */
    public static Sections<NonspecificEffect> effectDefaults() {
        return All.EFFECTS;
    }
}
