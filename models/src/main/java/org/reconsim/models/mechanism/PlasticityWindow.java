package org.reconsim.models.mechanism;

import org.reconsim.models.spec.Spec;

/**
 * Mechanism M2: after the infusion a plasticity window multiplies learning rates
 * (mTOR-dependent synaptogenesis, Li 2010; spines persist up to 2 weeks, Phoumthipphavong 2016;
 * ketamine 24 h before extinction improved it, Girgenti 2017):
 * <pre>
 *   gain(t) = 1 + amplitude * O_peak * g(t),
 *   g(t)    = (exp(-t / tau_d) - exp(-t / tau_r)) / max_t(exp(-t / tau_d) - exp(-t / tau_r))
 * </pre>
 * with t the hours since the infusion started and O_peak the peak NMDA occupancy (the
 * exposure scaling). g rises over about a day and decays over one to two weeks.
 *
 * @param amplitude   gain at full occupancy and the peak of g
 * @param riseHours   tau_r
 * @param decayHours  tau_d
 */
public record PlasticityWindow(
        @Spec(doc = "Learning gain at full occupancy at the window's peak", min = 0, max = 100, source = "[assumption] Girgenti 2017")
        double amplitude,
        @Spec(doc = "Rise time constant", unit = "h", min = 0, minExclusive = true, source = "Li 2010: synaptogenesis at 24 h")
        double riseHours,
        @Spec(doc = "Decay time constant", unit = "h", min = 0, minExclusive = true, source = "Phoumthipphavong 2016: up to 2 weeks")
        double decayHours) implements Mechanism {

    public static PlasticityWindow defaults() {
        return new PlasticityWindow(
                2.0,     // amplitude [assumption]: learning doubled at ~50% peak occupancy
                8.0,     // tau_r 8 h: g peaks about a day after the infusion (Li 2010: spines at 24 h)
                240.0);  // tau_d 10 days: spines persist up to 2 weeks (Phoumthipphavong 2016)
    }

    /** Learning gain at {@code hoursSinceInfusion} for a patient whose peak occupancy was {@code peakOccupancy}. */
    public double learningGain(double hoursSinceInfusion, double peakOccupancy) {
        if (!(hoursSinceInfusion > 0)) {
            return 1;
        }
        return 1 + amplitude * peakOccupancy * shape(hoursSinceInfusion);
    }

    @Override
    public double learningGain(double hoursSinceInfusion, double peakOccupancy, double occupancyNow) {
        return learningGain(hoursSinceInfusion, peakOccupancy);
    }

    /** The normalized shape g(t) in 0..1. */
    public double shape(double t) {
        double r = riseHours;
        double d = decayHours;
        if (Math.abs(d - r) < 1e-9 * d) {
            // limit tau_r -> tau_d: t exp(-t/tau) / (tau exp(-1))
            return t / d * Math.exp(1 - t / d);
        }
        double tMax = Math.log(d / r) * r * d / (d - r);
        double peak = Math.exp(-tMax / d) - Math.exp(-tMax / r);
        return (Math.exp(-t / d) - Math.exp(-t / r)) / peak;
    }
}
