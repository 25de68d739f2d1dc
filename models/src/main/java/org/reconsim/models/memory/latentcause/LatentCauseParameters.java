package org.reconsim.models.memory.latentcause;

import org.reconsim.models.spec.Spec;

/**
 * Parameters of the latent-cause model (Gershman, Monfils, Norman & Niv 2017, eLife 6:e23763;
 * docs/MODEL.md section 2b). Every field is a scenario parameter; the defaults in {@link #defaults()}
 * cite their source. The formulas they enter are in {@link LatentCauseMemory}.
 *
 * @param alpha     concentration of the distance-dependent Chinese restaurant process: the
 *                  unnormalized prior of a new cause (&gt; 0)
 * @param g         exponent of the power-law temporal kernel {@code (t - t')^-g} (&gt;= 0)
 * @param eta       learning rate of the per-cause Rescorla-Wagner update (&gt; 0)
 * @param maxIter   most EM iterations after a trial; a trial gets
 *                  {@code max(1, min(maxIter, round(interval to the next trial))) } (&gt;= 1)
 * @param sigmaR2   outcome variance sigma_r^2 of {@code N(r; x . w_k, sigma_r^2)} (&gt; 0)
 * @param sigmaX2   stimulus feature variance sigma_x^2 (&gt; 0)
 * @param theta     response threshold in {@code CR = 1 - Phi(theta; V, lambda)}
 * @param lambda    response gain: the standard deviation (not the variance) in that Phi (&gt; 0)
 * @param maxCauses K, the most latent causes a subject can infer (&gt;= 1)
 * @param unitsPerHour  the simulator's time map: model units per hour at short gaps (the
 *                      model's time is in arbitrary units; {@link LatentCauseTrace} maps hours)
 * @param maxGapUnits   model units of the longest gap (gaps saturate toward it)
 * @param traumaTrials  reinforced trials that formed a patient's trauma memory
 */
public record LatentCauseParameters(
        @Spec(doc = "Concentration of the CRP prior (new-cause weight)", min = 0, minExclusive = true,
                source = "Gershman 2017 authors' code (imm_run.m)")
        double alpha,
        @Spec(doc = "Power-law temporal kernel exponent", min = 0, source = "Gershman 2017 authors' code") double g,
        @Spec(doc = "Learning rate (the model needs it above 0)", min = 0, minExclusive = true, max = 1,
                source = "Gershman 2017 authors' code")
        double eta,
        @Spec(doc = "Maximum EM iterations per trial", min = 1, max = 100, source = "Gershman 2017 authors' code") int maxIter,
        @Spec(doc = "Outcome variance sigma_r^2", min = 0, minExclusive = true, source = "Gershman 2017 authors' code")
        double sigmaR2,
        @Spec(doc = "Stimulus feature variance sigma_x^2", min = 0, minExclusive = true, source = "Gershman 2017 authors' code")
        double sigmaX2,
        @Spec(doc = "Response threshold theta", source = "Gershman 2017 authors' code") double theta,
        @Spec(doc = "Response noise lambda (an SD)", min = 0, minExclusive = true, source = "Gershman 2017 authors' code")
        double lambda,
        @Spec(doc = "Maximum number of causes K", min = 1, max = 100, source = "Gershman 2017 authors' code") int maxCauses,
        @Spec(doc = "Model units per hour at short gaps (10 min = 4 units)", min = 0, minExclusive = true,
                source = "Gershman 2017 authors' code (imm_run.m, design 2): the extinction trial comes 4 units after the "
                        + "retrieval trial (1 for the trial, then the interval 3), 10 min in Monfils 2009")
        double unitsPerHour,
        @Spec(doc = "Model units of the longest gap (gaps saturate toward it)", min = 1,
                source = "Gershman 2017: extinction-test 200 units")
        double maxGapUnits,
        @Spec(doc = "Reinforced trials that formed a patient's trauma memory", min = 1, max = 1000, source = "[assumption]")
        int traumaTrials) {

    public LatentCauseParameters {
        requirePositive("alpha", alpha);
        if (!(g >= 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException("g must be finite and >= 0, was " + g);
        }
        requirePositive("eta", eta);
        requirePositive("sigmaR2", sigmaR2);
        requirePositive("sigmaX2", sigmaX2);
        requirePositive("lambda", lambda);
        if (!Double.isFinite(theta)) {
            throw new IllegalArgumentException("theta must be finite, was " + theta);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be >= 1, was " + maxIter);
        }
        if (maxCauses < 1) {
            throw new IllegalArgumentException("maxCauses must be >= 1, was " + maxCauses);
        }
        requirePositive("unitsPerHour", unitsPerHour);
        requirePositive("maxGapUnits", maxGapUnits);
        if (traumaTrials < 1) {
            throw new IllegalArgumentException("traumaTrials must be >= 1, was " + traumaTrials);
        }
    }

    /** The model's own parameters with the simulator's defaults for the time map and the trauma. */
    public LatentCauseParameters(double alpha, double g, double eta, int maxIter, double sigmaR2, double sigmaX2, double theta,
                                 double lambda, int maxCauses) {
        this(alpha, g, eta, maxIter, sigmaR2, sigmaX2, theta, lambda, maxCauses, UNITS_PER_HOUR, MAX_GAP_UNITS, TRAUMA_TRIALS);
    }

    /**
     * Gershman 2017's code: the retrieval-extinction distance of 10 min is 4 units. {@code imm_run.m}
     * places a block's trials 1 unit apart and adds the interval after the block's last trial, so
     * with interval 3 (design 2) the first extinction trial comes 1 + 3 = 4 units after the
     * retrieval trial (github.com/sjgershm/memory-modification, imm_run.m, "construct time indices").
     */
    private static final double UNITS_PER_HOUR = 24.0;
    /** Gershman 2017: the extinction-test gap is 200 units. */
    private static final double MAX_GAP_UNITS = 200.0;
    /** [assumption] a handful of reinforced trials formed the trauma memory. */
    private static final int TRAUMA_TRIALS = 5;

    /**
     * Defaults: the options that the authors' simulation driver passes to the model,
     * {@code imm_run.m} in github.com/sjgershm/memory-modification (read at commit e1164e1; the
     * values are unchanged since the initial commit). A few of its designs override the response
     * mapping (Schiller 2010 design 14: theta 0.0016, lambda 0.00008; design 17: theta 0.1,
     * lambda 0.2). The model file's own fallbacks ({@code imm_localmap.m}: eta 0.2, theta 0.03,
     * lambda 0.005) are not what produced the figures. Not re-checked against the paper's
     * Methods text.
     */
    public static LatentCauseParameters defaults() {
        return new LatentCauseParameters(
                0.1,    // alpha: imm_run.m opts.alpha (Gershman 2017 code); same in imm_localmap.m
                1.0,    // g: imm_run.m opts.g; kernel (t - t')^-1
                0.3,    // eta: imm_run.m opts.eta (imm_localmap.m fallback 0.2)
                3,      // maxIter: imm_run.m opts.maxIter; Fig. 12 caption: 1 to 3 iterations by interval
                0.4,    // sigma_r^2: imm_run.m opts.sr (passed to normpdf as sqrt(sr): a variance)
                1.0,    // sigma_x^2: imm_run.m opts.sx
                0.02,   // theta: imm_run.m opts.theta (imm_localmap.m fallback 0.03)
                0.01,   // lambda: imm_run.m opts.lambda, a standard deviation in normcdf (fallback 0.005)
                15,     // K: imm_run.m opts.K
                UNITS_PER_HOUR, MAX_GAP_UNITS, TRAUMA_TRIALS);
    }

    /** The same parameters with another learning rate (drugs and individual differences scale it). */
    public LatentCauseParameters withEta(double newEta) {
        return new LatentCauseParameters(alpha, g, newEta, maxIter, sigmaR2, sigmaX2, theta, lambda, maxCauses, unitsPerHour, maxGapUnits, traumaTrials);
    }

    /** The same parameters with another concentration (mechanism M4 shifts it). */
    public LatentCauseParameters withAlpha(double newAlpha) {
        return new LatentCauseParameters(newAlpha, g, eta, maxIter, sigmaR2, sigmaX2, theta, lambda, maxCauses, unitsPerHour, maxGapUnits, traumaTrials);
    }

    /** The same parameters with another outcome variance (mechanism M4 shifts it). */
    public LatentCauseParameters withSigmaR2(double newSigmaR2) {
        return new LatentCauseParameters(alpha, g, eta, maxIter, newSigmaR2, sigmaX2, theta, lambda, maxCauses, unitsPerHour, maxGapUnits, traumaTrials);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
    }
}
