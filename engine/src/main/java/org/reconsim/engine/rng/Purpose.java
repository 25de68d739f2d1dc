package org.reconsim.engine.rng;

/**
 * Independent uses of randomness. Each has its own key, so adding a draw to one never
 * shifts the numbers another one sees.
 */
public enum Purpose {
    /** Site membership. */
    ALLOCATION,
    /** Covariates and initial memory state. */
    POPULATION,
    /** Pharmacokinetic inter-individual variability. */
    PHARMACOKINETICS,
    /** Destabilization at retrievals. */
    MEMORY,
    /** Subject traits of the observation models (intercepts, SCR responder, gain). */
    MEASUREMENT_TRAITS,
    /** Scan-to-scan measurement noise. */
    MEASUREMENT_NOISE,
    /** Site intercepts (counter: site index instead of patient). */
    SITE,
    /** Dropout. */
    DROPOUT,
    /** The MASON generator's seed for one laboratory group (counter: patient -1); a virtual trial's generator is its thread's. */
    SCHEDULE,
    /** Self-reported clinical scores: subject effect, visit noise, functional unblinding. */
    CLINICAL,
    /** SUDS ratings during exposure sessions. */
    SESSIONS,
    /** ROI time series of the scans (when recorded). */
    TIMESERIES,
    /** Continuous EDA traces of the scans (when recorded). */
    PHYSIO,
    /** The fixed calibration population that sizes measurement noise (seed 0 always). */
    CALIBRATION,
    /** The parameter value of each replicate under assurance (counter: patient -2). */
    ASSURANCE,
    /** Subject effects of the connectivity edges. */
    CONNECTIVITY_TRAITS,
    /** Session noise and window sampling of the connectivity edges. */
    CONNECTIVITY_NOISE
}
