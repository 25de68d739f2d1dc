package org.reconsim.models.memory;

/**
 * A virtual patient's trauma memory: the state the protocol events act on. Implementations
 * are mutable and owned by one patient agent (never shared between threads). Times are in
 * simulation hours.
 */
public interface TraumaMemory {

    /** Fear expressed to a reminder in {@code context} at time {@code t} (0..1). */
    double expression(Context context, double t);

    /**
     * A retrieval (reminder, script-driven imagery, the start of an exposure session) of
     * {@code reexposureMinutes} in {@code context}; destabilizes the trace when {@code uniform}
     * falls below the destabilization probability. Returns true when the trace became labile.
     */
    boolean retrieve(Context context, double t, double reexposureMinutes, double uniform);

    /**
     * As {@link #retrieve(Context, double, double, double)} with the destabilization probability
     * multiplied by {@code destabilizationScale} (GluN2B blockade lowers it: M3).
     */
    boolean retrieve(Context context, double t, double reexposureMinutes, double uniform, double destabilizationScale);

    /**
     * A retrieval whose first CS presentation ends with {@code outcome}: the prediction error is
     * {@code |outcome - R|}, so a reminder that is reinforced as expected carries little
     * (Sevenster 2013).
     */
    boolean retrieve(Context context, double t, double reexposureMinutes, double outcome, double uniform,
                     double destabilizationScale);

    /** Probability that a retrieval now would destabilize the trace. */
    double destabilizationProbability(Context context, double t, double reexposureMinutes);

    /**
     * One CS presentation with {@code outcome} (1: the aversive outcome follows, 0: it does not);
     * {@code learningGain} multiplies the learning rates (1 without drug, 0 when learning is
     * blocked). Returns the fear expressed on the trial, before learning.
     */
    double trial(Context context, double t, double outcome, double learningGain);

    /** One non-reinforced exposure trial (an extinction or PE trial). */
    default double exposureTrial(Context context, double t, double learningGain) {
        return trial(context, t, 0, learningGain);
    }

    /** An unsignalled aversive event in {@code context} (reinstatement, Rescorla & Heth 1975). */
    void aversiveEvent(Context context, double t);

    /**
     * An unsignalled aversive event learned with the rates scaled by {@code learningGain}, as on
     * a {@link #trial}; a memory whose event involves no rate it scales ignores the gain.
     */
    default void aversiveEvent(Context context, double t, double learningGain) {
        aversiveEvent(context, t);
    }

    /** Multiplies the trace strength (a drug that strengthens the trace at retrieval: M3). */
    void scaleTrace(double factor);

    /**
     * Structure-learning modulation in force from now on (M4): factors on the latent-cause
     * concentration and outcome variance. Models without latent causes ignore it.
     */
    default void modulateStructure(double alphaFactor, double sigmaFactor) {
    }

    /** The trace's labile window (opened by a destabilizing retrieval). */
    LabileWindow labileWindow();

    /** Whether the trace is labile at {@code t}. */
    default boolean isLabile(double t) {
        return labileWindow().isOpen(t);
    }

    /** Start of the current (or last) labile window, NaN if never destabilized. */
    default double labileSince() {
        return labileWindow().since();
    }

    /** End of the current (or last) labile window, NaN if never destabilized. */
    default double labileUntil() {
        return labileWindow().until();
    }

    /**
     * Announced right after a destabilizing retrieval, before its trial: the efficiency
     * {@code rho} (0..1) with which the window just opened will restabilize (the engine knows it
     * then: the drug's course over the window is fixed by the dosing plan). A model in which an
     * amnestic agent acts within the retrieval trial itself (latent-cause: protein-synthesis
     * inhibition in that trial's EM iterations, Gershman 2017) acts on it there; by default it is
     * ignored and the model acts when {@link #restabilize} closes the window.
     */
    default void restabilizationAhead(double rho) {
    }

    /** Closes the labile window: the trace restabilizes with efficiency {@code rho} (0..1). */
    void restabilize(double rho);

    /** Strength of the original trauma association E. */
    double traceStrength();

    /** Extinction expressed in {@code context} at {@code t} (sum over contexts, decayed). */
    double extinctionRecall(Context context, double t);
}
