package org.reconsim.models.pharmacology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The named PK models, as Caffeine's simulator registers its policies: the literature models of
 * docs/MODEL.md section 3 (parameters and their sources in {@link PkModel}), then those of every
 * {@link PkModelProvider} on the class path, then the default models of drugs registered by a
 * {@link DrugProvider}.
 */
public final class PkModelRegistry {

    /** Ketamine, Clements & Nimmo 1981: the default, matching Zarate 2006's measured peak (see {@link PkModel#ketamineClements()}). */
    public static final PkModelType KETAMINE_CLEMENTS = new PkModelType("ketamine", "clements",
            "Clements & Nimmo 1981 (Br J Anaesth 53:27-30): two compartments, V1 per kg", PkModel.ketamineClements());
    public static final PkModelType KETAMINE_DOMINO = new PkModelType("ketamine", "domino",
            "Domino et al. 1984 (Clin Pharmacol Ther 36:645-653): three compartments, V1 per kg", PkModel.ketamineDomino());
    public static final PkModelType MIDAZOLAM_ALBRECHT = new PkModelType("midazolam", "albrecht",
            "Albrecht et al. 1999 (Clin Pharmacol Ther 65:630-639), age below 65: three compartments with an effect site",
            PkModel.midazolamAlbrecht());

    private static final List<PkModelType> BUILT_IN = List.of(KETAMINE_CLEMENTS, KETAMINE_DOMINO, MIDAZOLAM_ALBRECHT);

    private PkModelRegistry() {
    }

    /**
     * Holder idiom: the providers are looked up once, on first use, and never change after. The
     * drug registry is read here and must never read this one while it loads (no cycle).
     */
    private static final class All {
        static final List<PkModelType> TYPES = load();

        private static List<PkModelType> load() {
            List<PkModelType> all = new ArrayList<>(BUILT_IN);
            for (PkModelProvider p : ServiceLoader.load(PkModelProvider.class, PkModelRegistry.class.getClassLoader())) {
                p.pkModels().forEach(t -> add(all, t));
            }
            for (DrugType d : DrugRegistry.all()) {
                if (d.pk() != null && !all.contains(d.pk())) {
                    add(all, d.pk());
                }
            }
            return List.copyOf(all);
        }

        private static void add(List<PkModelType> all, PkModelType t) {
            if (all.stream().anyMatch(o -> o.label().equals(t.label()))) {
                throw new IllegalStateException("PK model registered twice: " + t.label());
            }
            all.add(t);
        }
    }

    /** Every registered PK model, built-in ones first. */
    public static List<PkModelType> all() {
        return All.TYPES;
    }

    /** By registry-wide name, e.g. {@code ketamine-domino}. */
    public static Optional<PkModelType> byLabel(String label) {
        return all().stream().filter(t -> t.label().equals(label)).findFirst();
    }

    /** The models of one drug, in registry order. */
    public static List<PkModelType> forDrug(String drug) {
        return all().stream().filter(t -> t.drug().equals(drug)).toList();
    }
}
