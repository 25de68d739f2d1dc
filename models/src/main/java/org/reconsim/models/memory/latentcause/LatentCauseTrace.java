package org.reconsim.models.memory.latentcause;

import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.LabileWindow;
import org.reconsim.models.memory.TraumaMemory;
import org.reconsim.models.numerics.Fdlibm;

/**
 * The latent-cause model behind the {@link TraumaMemory} interface the engines use.
 *
 * <p>Stimulus: feature 0 is the CS (the trauma reminder), then one feature per context.
 * Time: simulation hours map to model units trial by trial: a trial {@code dh} hours after the
 * previous one comes {@code du = M (1 - exp(-r dh / M))} units after it, r units per hour at
 * short gaps (10 min = 4 units with r = 24: the retrieval-extinction distance of Gershman 2017's
 * code) saturating at M units for long gaps (the paper's extinction-test interval, 200): the
 * paper compresses days into a few hundred units, and the helper's checks showed the effects
 * depend on that compression. Model time is thus a function of the wall times of the learning
 * events alone: a query ({@link #expression}, {@link #extinctionRecall}) computes its time from
 * the last trial's and changes nothing, so a patient rated every week and one never rated learn
 * the same.
 *
 * <p>The model has no explicit destabilization: a retrieval opens a window of
 * {@code labileHours}, and the retrieval's own trial is where an amnestic agent acts, as
 * protein-synthesis inhibition within that trial's EM iterations ({@code imm_localmap.m}:
 * after each iteration's update of the injected trial, {@code w_k <- w_k (1 - psi post_k)}),
 * with {@code psi = (1 - rho) s}: rho the efficiency with which the window restabilizes
 * (announced at the retrieval by {@link #restabilizationAhead}; the drug's course over the
 * window is fixed by the dosing plan), s the destabilization scale at retrieval (GluN2B
 * blockade). A new cause for the retrieval trial leaves the old memory untouched: the boundary
 * conditions emerge.
 */
public final class LatentCauseTrace implements TraumaMemory {

    private static final int CS = 0;

    private final LatentCauseMemory memory;
    private final LatentCauseParameters base;
    private final double unitsPerHour;
    private final double maxGapUnits;
    private final double labileHours;
    private final double[] x;
    /** Wall time (hours) and model time (units) of the last trial; NaN hours before the first. */
    private double lastTrialHours = Double.NaN;
    private double lastTrialUnits;
    /** A retrieval opened the window and its trial has not come yet. */
    private boolean awaitingRetrievalTrial;
    /** The retrieval trial is the memory's last trial (no trial since): its EM iterations are still its own. */
    private boolean retrievalTrialIsLast;
    /** psi for the retrieval trial, NaN until {@link #restabilizationAhead} announces it. */
    private double psi = Double.NaN;
    private double destabilizationScale = 1;
    private final LabileWindow window = new LabileWindow();
    private double alphaFactor = 1;
    private double sigmaFactor = 1;

    /**
     * A naive subject (no trauma memory yet).
     *
     * @param p             model parameters
     * @param unitsPerHour  model units per hour at short gaps
     * @param maxGapUnits   model units of the longest gap
     * @param labileHours   how long after a retrieval an amnestic agent can act
     */
    public LatentCauseTrace(LatentCauseParameters p, double unitsPerHour, double maxGapUnits, double labileHours) {
        this.base = p;
        this.memory = new LatentCauseMemory(p, 1 + Context.values().length);
        this.unitsPerHour = unitsPerHour;
        this.maxGapUnits = maxGapUnits;
        this.labileHours = labileHours;
        this.x = new double[1 + Context.values().length];
    }

    /**
     * A patient whose trauma ({@code acquisitionTrials} CS-outcome pairings of strength
     * {@code e0} at home) happened {@code ageDays} before simulation hour 0.
     */
    public static LatentCauseTrace withTrauma(LatentCauseParameters p, double unitsPerHour, double maxGapUnits, double labileHours,
                                              double e0, int acquisitionTrials, double ageDays) {
        LatentCauseTrace m = new LatentCauseTrace(p, unitsPerHour, maxGapUnits, labileHours);
        double start = -Math.max(ageDays * 24, acquisitionTrials);
        for (int i = 0; i < acquisitionTrials; i++) {
            m.trial(Context.HOME, start + i / unitsPerHour, e0, 1);
        }
        return m;
    }

    /**
     * Model time of hour {@code hours} after the last trial: the last trial's units plus the
     * mapped gap. Pure: only trials move the clock.
     */
    private double units(double hours) {
        if (Double.isNaN(lastTrialHours)) {
            return 0;
        }
        double gap = Math.max(0, hours - lastTrialHours);
        // -expm1(-x), not 1 - exp(-x): for a gap far below max_gap_units the latter rounds to 0
        return lastTrialUnits + maxGapUnits * -Fdlibm.expm1(-unitsPerHour * gap / maxGapUnits);
    }

    /**
     * Model time of a trial at hour {@code t}: strictly after the last trial (a trial in the same
     * hour comes 1e-6 units later); the clock moves with it.
     */
    private double trialUnits(double t) {
        double u = units(t);
        if (memory.trials() > 0 && !(u > lastTrialUnits)) {
            u = lastTrialUnits + 1e-6;
        }
        lastTrialHours = Double.isNaN(lastTrialHours) ? t : Math.max(lastTrialHours, t);
        lastTrialUnits = u;
        return u;
    }

    private double[] stimulus(Context c, double cs) {
        java.util.Arrays.fill(x, 0);
        x[CS] = cs;
        x[1 + c.ordinal()] = 1;
        return x;
    }

    @Override
    public double expression(Context context, double t) {
        double u = units(t);
        return memory.trials() == 0 ? 0 : memory.peek(u, stimulus(context, 1));
    }

    @Override
    public double destabilizationProbability(Context context, double t, double reexposureMinutes) {
        return 1;
    }

    @Override
    public boolean retrieve(Context context, double t, double reexposureMinutes, double uniform) {
        return retrieve(context, t, reexposureMinutes, 0, uniform, 1);
    }

    @Override
    public boolean retrieve(Context context, double t, double reexposureMinutes, double uniform, double scale) {
        return retrieve(context, t, reexposureMinutes, 0, uniform, scale);
    }

    @Override
    public boolean retrieve(Context context, double t, double reexposureMinutes, double outcome, double uniform, double scale) {
        if (isLabile(t)) {
            return false;
        }
        awaitingRetrievalTrial = true;
        retrievalTrialIsLast = false;
        psi = Double.NaN;
        destabilizationScale = scale;
        window.open(t, labileHours);
        return true;
    }

    /** The window just opened will restabilize with {@code rho}: its retrieval trial is inhibited with psi = (1 - rho) s. */
    @Override
    public void restabilizationAhead(double rho) {
        if (!awaitingRetrievalTrial) {
            throw new IllegalStateException("no retrieval is waiting for its trial");
        }
        psi = (1 - Math.max(0, Math.min(1, rho))) * destabilizationScale;
    }

    @Override
    public double trial(Context context, double t, double outcome, double learningGain) {
        double u = trialUnits(t);
        memory.useParameters(effective(learningGain));
        double response = memory.trial(u, stimulus(context, 1), outcome);
        retrievalTrialIsLast = awaitingRetrievalTrial;
        if (awaitingRetrievalTrial) {
            awaitingRetrievalTrial = false;
            if (psi > 0) {
                // in the trial itself: after this iteration and each of its remaining ones (Gershman 2017)
                memory.inhibitProteinSynthesis(psi);
            }
        }
        return response;
    }

    @Override
    public void modulateStructure(double alpha, double sigma) {
        this.alphaFactor = alpha;
        this.sigmaFactor = sigma;
    }

    /**
     * The last parameters {@link #effective} made and what they were made from: a patient's gain
     * and modulation are the same from trial to trial unless a drug acts, and making (and
     * validating) the same parameters again on every trial was a tenth of a latent-cause trial.
     */
    private double effectiveGain = Double.NaN;
    private double effectiveAlpha = Double.NaN;
    private double effectiveSigma = Double.NaN;
    private LatentCauseParameters effectiveParameters;

    /** The parameters in force for a trial with this learning gain and the current modulation. */
    private LatentCauseParameters effective(double learningGain) {
        if (learningGain == 1 && alphaFactor == 1 && sigmaFactor == 1) {
            return base;
        }
        if (learningGain == effectiveGain && alphaFactor == effectiveAlpha && sigmaFactor == effectiveSigma) {
            return effectiveParameters;
        }
        effectiveParameters = modulated(learningGain);
        effectiveGain = learningGain;
        effectiveAlpha = alphaFactor;
        effectiveSigma = sigmaFactor;
        return effectiveParameters;
    }

    private LatentCauseParameters modulated(double learningGain) {
        LatentCauseParameters p = base;
        if (learningGain != 1) {
            // a blocked learner (gain 0) keeps a vanishing rate: the model requires eta > 0
            p = p.withEta(Math.max(1e-12, Math.min(1, p.eta() * learningGain)));
        }
        if (alphaFactor != 1) {
            p = p.withAlpha(p.alpha() * alphaFactor);
        }
        if (sigmaFactor != 1) {
            p = p.withSigmaR2(p.sigmaR2() * sigmaFactor);
        }
        return p;
    }

    @Override
    public void aversiveEvent(Context context, double t) {
        aversiveEvent(context, t, 1);
    }

    /**
     * The unsignalled US is a trial of the context alone (CS feature 0, the context's feature 1)
     * with outcome 1, learned at the subject's rate like any trial. This is the coding of
     * Gershman 2017's non-contingent footshock ({@code imm_run.m} design 17: CS 0, context 1); for
     * reinstatement after retrieval-extinction (designs 4 and 5) the paper, whose stimulus there
     * has no context feature, gives the US no feature at all, so it teaches nothing (x = 0: no
     * weight changes, equal outcome likelihood under every cause) and the test after it measures
     * only the return of fear with time. Here the context learns the US in whichever cause takes
     * the trial: the most recent, extinction cause in every protocol of row 4, which the test is
     * then attributed to, so the published near-step response (theta 0.02, lambda 0.01) puts
     * every group at ceiling; see scenarios/phenomena/04-monfils-schiller.yaml.
     */
    @Override
    public void aversiveEvent(Context context, double t, double learningGain) {
        double u = trialUnits(t);
        memory.useParameters(effective(learningGain));
        memory.trial(u, stimulus(context, 0), 1);
        retrievalTrialIsLast = false;
    }

    @Override
    public void scaleTrace(double factor) {
        memory.scaleWeights(factor);
    }

    @Override
    public LabileWindow labileWindow() {
        return window;
    }

    /**
     * Closes the window. The blockade has already acted within the retrieval trial when
     * {@link #restabilizationAhead} announced it; otherwise it acts now, which is the same thing
     * as long as the retrieval trial is still the last (its remaining EM iterations have not run).
     */
    @Override
    public void restabilize(double rho) {
        if (!window.close()) {
            return;
        }
        if (Double.isNaN(psi) && !awaitingRetrievalTrial) {
            if (!retrievalTrialIsLast) {
                throw new IllegalStateException("trials followed the retrieval trial: announce the window's efficiency at the"
                        + " retrieval (restabilizationAhead), the blockade acts within the retrieval trial");
            }
            double late = (1 - Math.max(0, Math.min(1, rho))) * destabilizationScale;
            if (late > 0) {
                memory.inhibitProteinSynthesis(late);
            }
        }
        awaitingRetrievalTrial = false;
        retrievalTrialIsLast = false;
        psi = Double.NaN;
    }

    @Override
    public double traceStrength() {
        return Math.max(0, Math.min(1, memory.strongestWeight(CS)));
    }

    @Override
    public double extinctionRecall(Context context, double t) {
        return Math.max(0, traceStrength() - expression(context, t));
    }
}
