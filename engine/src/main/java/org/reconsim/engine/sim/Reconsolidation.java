package org.reconsim.engine.sim;

import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.TraumaMemory;

/**
 * The reconsolidation choreography: what the drug's mechanisms do to a memory at a reminder, on
 * every learning trial and when a labile window closes (docs/MODEL.md sections 2a and 3). One
 * class for the trial's patients and the laboratory's subjects, so a mechanism acts the same way
 * in a virtual trial as in the phenomena suite. The order of the steps is the science: the drug
 * present at the reminder may strengthen the trace (M3) before the reminder's destabilization is
 * decided; learning trials read the occupancy of their own moment; the window's mean occupancy
 * sets the restabilization efficiency (M1).
 */
final class Reconsolidation {

    /** How much of the NMDA antagonist acts on a subject, and since when. */
    interface DrugExposure {

        /** NMDA occupancy at simulation hour {@code t} (0 when no antagonist acts). */
        double occupancyAt(double t);

        /** Mean NMDA occupancy over {@code [from, to)}. */
        double meanOccupancy(double from, double to);

        /** Peak NMDA occupancy of the dose (0 without one): the exposure scaling of M2. */
        double peakOccupancy();

        /** Hours since the dose at {@code t}; NaN when no dose was given. */
        double hoursSinceDose(double t);
    }

    /** What closing a labile window did. */
    record Restabilization(double meanOccupancy, double efficiency) {
    }

    private final TraumaMemory memory;
    private final MechanismSet mechanisms;
    private final DrugExposure drug;
    private final double learningRate;

    /**
     * @param learningRate the subject's own learning-rate multiplier (log-normal individual variation)
     */
    Reconsolidation(TraumaMemory memory, MechanismSet mechanisms, DrugExposure drug, double learningRate) {
        this.memory = memory;
        this.mechanisms = mechanisms;
        this.drug = drug;
        this.learningRate = learningRate;
    }

    TraumaMemory memory() {
        return memory;
    }

    /**
     * The drug present at a reminder: strengthens the trace (M3 with strengthening), whether or
     * not the reminder then destabilizes it. Returns the occupancy at the reminder.
     */
    double reminded(double t) {
        double occupancy = drug.occupancyAt(t);
        if (occupancy > 0) {
            memory.scaleTrace(mechanisms.strengtheningFactor(occupancy));
        }
        return occupancy;
    }

    /**
     * Whether a reminder at {@code t} destabilizes the trace, its probability scaled by the
     * mechanisms at the reminder's occupancy (M3) and by {@code otherScale} (other agents).
     */
    boolean destabilize(Context c, double t, double reexposureMinutes, double outcome, double uniform, double occupancy,
                        double otherScale) {
        return memory.retrieve(c, t, reexposureMinutes, outcome, uniform, mechanisms.destabilizationScale(occupancy) * otherScale);
    }

    /** {@link #reminded} then {@link #destabilize} without other agents: a reminder whose outcome is 0. */
    boolean retrieve(Context c, double t, double reexposureMinutes, double uniform) {
        double occupancy = reminded(t);
        return destabilize(c, t, reexposureMinutes, 0, uniform, occupancy, 1.0);
    }

    /** The learning-rate multiplier at {@code t}: the subject's rate times the mechanisms' gain. */
    double learningGain(double t) {
        return learningRate * mechanisms.learningGain(drug.hoursSinceDose(t), drug.peakOccupancy(), drug.occupancyAt(t));
    }

    /**
     * One CS presentation at {@code t} with {@code outcome}: structure learning modulated at this
     * moment's occupancy (M4), learning rates by {@link #learningGain}. Returns the fear expressed.
     */
    double trial(Context c, double t, double outcome) {
        double occupancy = drug.occupancyAt(t);
        memory.modulateStructure(mechanisms.alphaFactor(occupancy), mechanisms.sigmaFactor(occupancy));
        return memory.trial(c, t, outcome, learningRate * mechanisms.learningGain(drug.hoursSinceDose(t), drug.peakOccupancy(),
                occupancy));
    }

    /** An unsignalled aversive event, learned at this moment's learning gain. */
    void aversiveEvent(Context c, double t) {
        memory.aversiveEvent(c, t, learningGain(t));
    }

    /**
     * Closes the labile window: efficiency = {@code otherEfficiency} (other agents) times the
     * mechanisms' efficiency at the window's mean occupancy (M1).
     */
    Restabilization restabilize(double otherEfficiency) {
        double occupancy = drug.meanOccupancy(memory.labileSince(), memory.labileUntil());
        double efficiency = mechanisms.restabilizationEfficiency(occupancy);
        memory.restabilize(otherEfficiency * efficiency);
        return new Restabilization(occupancy, efficiency);
    }
}
