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

    /**
     * Agents other than the NMDA antagonist that impair restabilization (the laboratory's
     * protein-synthesis inhibitor and propranolol): the efficiency they leave over a window.
     */
    interface OtherAgents {

        /** None: a trial patient receives only the arm's drug. */
        OtherAgents NONE = (from, to) -> 1.0;

        /** Restabilization efficiency the agents leave over the window {@code [from, to)} (1: none acts). */
        double restabilizationEfficiency(double from, double to);
    }

    /** What closing a labile window does: the window's mean occupancy and the mechanisms' efficiency at it. */
    record Restabilization(double meanOccupancy, double efficiency) {
    }

    private final TraumaMemory memory;
    private final MechanismSet mechanisms;
    private final DrugExposure drug;
    private final OtherAgents others;
    private final double learningRate;
    /** The open window's restabilization, worked out at its retrieval (NaN since: none). */
    private double windowSince = Double.NaN;
    private Restabilization window;
    private double windowOthers;

    /**
     * @param learningRate the subject's own learning-rate multiplier (log-normal individual variation)
     */
    Reconsolidation(TraumaMemory memory, MechanismSet mechanisms, DrugExposure drug, double learningRate) {
        this(memory, mechanisms, drug, OtherAgents.NONE, learningRate);
    }

    Reconsolidation(TraumaMemory memory, MechanismSet mechanisms, DrugExposure drug, OtherAgents others, double learningRate) {
        this.memory = memory;
        this.mechanisms = mechanisms;
        this.drug = drug;
        this.others = others;
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
        boolean labile = memory.retrieve(c, t, reexposureMinutes, outcome, uniform, mechanisms.destabilizationScale(occupancy) * otherScale);
        if (labile) {
            // the window's course is fixed by the dosing plan: a model whose blockade acts within
            // the retrieval trial (latent-cause) learns its efficiency before that trial
            workOutWindow();
            memory.restabilizationAhead(windowOthers * window.efficiency());
        }
        return labile;
    }

    /** The open window's mean occupancy, the mechanisms' efficiency at it and the other agents' efficiency. */
    private void workOutWindow() {
        double from = memory.labileSince();
        double to = memory.labileUntil();
        if (from == windowSince && window != null) {
            return;
        }
        double occupancy = drug.meanOccupancy(from, to);
        window = new Restabilization(occupancy, mechanisms.restabilizationEfficiency(occupancy));
        windowOthers = others.restabilizationEfficiency(from, to);
        windowSince = from;
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
     * Closes the labile window: efficiency = the other agents' efficiency over the window times
     * the mechanisms' efficiency at the window's mean occupancy (M1), the values announced at
     * its retrieval.
     */
    Restabilization restabilize() {
        workOutWindow();
        memory.restabilize(windowOthers * window.efficiency());
        return window;
    }
}
