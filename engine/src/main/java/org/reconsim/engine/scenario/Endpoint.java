package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;
import java.util.List;

/**
 * An outcome a registered instrument reports (engine.sim.Instruments): the built-in ones
 * amygdala, hippocampus, vmpfc (ROI activation), scr, amygdala_hippocampus, hippocampus_vmpfc,
 * amygdala_vmpfc (window connectivity), pcl5 and caps5 (clinical scales), then
 * those of instruments added on the class path. {@link #values()} and {@link #ordinal()}
 * work as an enum's do (the registry's order), so tables and layouts index endpoints alike
 * whichever instrument reports them. Instances are made by the registry only.
 */
public final class Endpoint implements Named {

    // the built-in instruments' endpoints, in registry order; made here (not looked up) so
    // that initializing this class never waits on the registry, which uses them
    public static final Endpoint AMYGDALA = new Endpoint("amygdala", "Amygdala trauma-minus-relax beta", 0);
    public static final Endpoint HIPPOCAMPUS = new Endpoint("hippocampus", "Hippocampus trauma-minus-relax beta", 1);
    public static final Endpoint VMPFC = new Endpoint("vmpfc", "vmPFC trauma-minus-relax beta", 2);
    public static final Endpoint SCR = new Endpoint("scr", "Trauma-script skin conductance response", 3);
    public static final Endpoint AMYGDALA_HIPPOCAMPUS = new Endpoint("amygdala_hippocampus",
            "Amygdala-hippocampus window connectivity, trauma-minus-relax Fisher z", 4);
    public static final Endpoint HIPPOCAMPUS_VMPFC = new Endpoint("hippocampus_vmpfc",
            "Hippocampus-vmPFC window connectivity, trauma-minus-relax Fisher z", 5);
    public static final Endpoint AMYGDALA_VMPFC = new Endpoint("amygdala_vmpfc",
            "Amygdala-vmPFC window connectivity, trauma-minus-relax Fisher z", 6);
    public static final Endpoint PCL5 = new Endpoint("pcl5", "PCL-5 self-report, 0-80", 7);
    public static final Endpoint CAPS5 = new Endpoint("caps5", "CAPS-5 clinician rating, 0-80", 8);
    private static final List<Endpoint> BUILT_IN = List.of(AMYGDALA, HIPPOCAMPUS, VMPFC, SCR, AMYGDALA_HIPPOCAMPUS,
            HIPPOCAMPUS_VMPFC, AMYGDALA_VMPFC, PCL5, CAPS5);

    private final String label;
    private final String doc;
    private final int ordinal;

    /** For the instrument registry, which numbers the endpoints in its order. */
    public Endpoint(String label, String doc, int ordinal) {
        if (!label.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("endpoint label must be lower-case letters, digits and '_': " + label);
        }
        this.label = label;
        this.doc = doc;
        this.ordinal = ordinal;
    }

    /** Every registered endpoint, in registry order (a fresh array, as an enum's values()). */
    public static Endpoint[] values() {
        return org.reconsim.engine.sim.Instruments.endpoints().toArray(Endpoint[]::new);
    }

    /** The built-in endpoint numbered {@code ordinal} if it has this label, else null: the registry reuses the constants. */
    public static Endpoint builtIn(String label, int ordinal) {
        return ordinal < BUILT_IN.size() && BUILT_IN.get(ordinal).label.equals(label) ? BUILT_IN.get(ordinal) : null;
    }

    /** The registered endpoint of this label; IllegalArgumentException if none. */
    public static Endpoint named(String label) {
        for (Endpoint e : org.reconsim.engine.sim.Instruments.endpoints()) {
            if (e.label.equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no endpoint " + label);
    }

    @Override
    public String name() {
        return label.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String label() {
        return label;
    }

    /** What the endpoint measures. */
    public String doc() {
        return doc;
    }

    /** Position in the registry, as an enum constant's ordinal. */
    public int ordinal() {
        return ordinal;
    }

    @Override
    public String toString() {
        return label;
    }
}
