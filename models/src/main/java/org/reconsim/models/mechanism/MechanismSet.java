package org.reconsim.models.mechanism;

import java.util.List;

/**
 * The drug-mechanism modules true for the virtual patients (docs/MODEL.md section 3), composed:
 * each hook is the product of the active modules' factors, in registry order. Empty is the null
 * hypothesis: the drug has no effect on memory.
 *
 * <pre>  f(x) = prod over active modules m of f_m(x)    (1 when none is active)  </pre>
 */
public final class MechanismSet {

    private static final MechanismSet NONE = new MechanismSet(List.of());

    private final Mechanism[] modules;
    private final boolean readsCurrentOccupancy;
    // per hook, the modules that override it: a module that keeps a default contributes a factor
    // of exactly 1.0, so leaving it out changes no bit and spares the hot loop its call
    private final Mechanism[] restabilizing;
    private final Mechanism[] learning;
    private final Mechanism[] destabilizing;
    private final Mechanism[] strengthening;
    private final Mechanism[] alpha;
    private final Mechanism[] sigma;

    private MechanismSet(List<? extends Mechanism> modules) {
        this.modules = modules.toArray(Mechanism[]::new);
        boolean reads = false;
        for (Mechanism m : this.modules) {
            reads |= m.readsCurrentOccupancy();
        }
        this.readsCurrentOccupancy = reads;
        this.restabilizing = overriding("restabilizationEfficiency", double.class);
        this.learning = overriding("learningGain", double.class, double.class, double.class);
        this.destabilizing = overriding("destabilizationScale", double.class);
        this.strengthening = overriding("strengtheningFactor", double.class);
        this.alpha = overriding("alphaFactor", double.class);
        this.sigma = overriding("sigmaFactor", double.class);
    }

    /** The modules whose class overrides the hook (found once, when the set is made). */
    private Mechanism[] overriding(String hook, Class<?>... parameters) {
        List<Mechanism> out = new java.util.ArrayList<>();
        for (Mechanism m : modules) {
            try {
                if (m.getClass().getMethod(hook, parameters).getDeclaringClass() != Mechanism.class) {
                    out.add(m);
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Mechanism has no hook " + hook, e);
            }
        }
        return out.toArray(Mechanism[]::new);
    }

    /** The modules, composed in the given order. */
    public static MechanismSet of(List<? extends Mechanism> modules) {
        return modules.isEmpty() ? NONE : new MechanismSet(List.copyOf(modules));
    }

    public static MechanismSet of(Mechanism... modules) {
        return of(List.of(modules));
    }

    public static MechanismSet none() {
        return NONE;
    }

    /** The active modules, in composition order. */
    public List<Mechanism> modules() {
        return List.of(modules);
    }

    public boolean isNull() {
        return modules.length == 0;
    }

    /** Whether any active module reads the occupancy at a retrieval or trial. */
    public boolean readsCurrentOccupancy() {
        return readsCurrentOccupancy;
    }

    public double restabilizationEfficiency(double meanOccupancy) {
        double f = 1.0;
        for (Mechanism m : restabilizing) {
            f *= m.restabilizationEfficiency(meanOccupancy);
        }
        return f;
    }

    public double learningGain(double hoursSinceInfusion, double peakOccupancy, double occupancyNow) {
        double f = 1.0;
        for (Mechanism m : learning) {
            f *= m.learningGain(hoursSinceInfusion, peakOccupancy, occupancyNow);
        }
        return f;
    }

    /** Learning-rate multiplier without a current-occupancy term. */
    public double learningGain(double hoursSinceInfusion, double peakOccupancy) {
        return learningGain(hoursSinceInfusion, peakOccupancy, 0);
    }

    public double destabilizationScale(double occupancyAtRetrieval) {
        double f = 1.0;
        for (Mechanism m : destabilizing) {
            f *= m.destabilizationScale(occupancyAtRetrieval);
        }
        return f;
    }

    public double strengtheningFactor(double occupancyAtRetrieval) {
        double f = 1.0;
        for (Mechanism m : strengthening) {
            f *= m.strengtheningFactor(occupancyAtRetrieval);
        }
        return f;
    }

    public double alphaFactor(double occupancy) {
        double f = 1.0;
        for (Mechanism m : alpha) {
            f *= m.alphaFactor(occupancy);
        }
        return f;
    }

    public double sigmaFactor(double occupancy) {
        double f = 1.0;
        for (Mechanism m : sigma) {
            f *= m.sigmaFactor(occupancy);
        }
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MechanismSet s && java.util.Arrays.equals(s.modules, modules);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(modules);
    }

    @Override
    public String toString() {
        return "MechanismSet" + modules();
    }
}
