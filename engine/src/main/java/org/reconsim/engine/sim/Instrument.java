package org.reconsim.engine.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.Purpose;

/**
 * What reads a patient's latent state at a scan visit into observed endpoints (docs/MODEL.md
 * section 5): ROI activation and skin conductance, clinical scales, or one added on the class
 * path. A patient opens one {@link Reading} per registered instrument when it is made (drawing
 * its traits then), and every scan visit asks each reading to fill its endpoints' slots.
 *
 * <p>A new instrument is one class implementing this interface plus one {@link InstrumentType}
 * in an {@link InstrumentProvider} listed in META-INF/services; its endpoints then appear in
 * every table, analysis and power run. Its parameters, if it has any, are a record read from the
 * scenario's {@code measurement.<name>} section (see {@link InstrumentType#parameters()}).
 */
public interface Instrument {

    /** The patient as an instrument sees it: its streams, its site, its drug course, its instrument's settings. */
    interface Patient {

        /** The trial plan (calibrated measures, the scenario). */
        TrialPlan plan();

        /**
         * The patient's stream of a built-in purpose. Only the built-in instruments draw from
         * these; an added instrument uses {@link #stream(String)} so its draws never correlate
         * with theirs.
         */
        UniformRandomProvider stream(Purpose purpose);

        /** The patient's own stream {@code instrument/<instrument>/<purpose>} for an added instrument. */
        UniformRandomProvider stream(String purpose);

        int site();

        /** Site intercepts of the three ROIs, [site * 3 + roi]. */
        double siteEffect(int site, int roi);

        /** Peak dissociation and sedation of the patient's infusion (the functional unblinding they prompt). */
        double peakDissociation();

        double peakSedation();

        /** The instrument's own scenario section (its parameters record); IllegalStateException if it has none. */
        <P> P parameters(Class<P> type);
    }

    /** The latent state at a scan visit, before the scan's own retrieval. */
    record Latents(double fearInScanner, double traceStrength, double extinctionRecall, double fearAtHome) {
    }

    /** One patient's reading of the instrument: its traits and noise are drawn when it is opened. */
    interface Reading {

        /** Writes the instrument's endpoints at {@code visit} into {@code row} (indexed by endpoint ordinal). */
        void observe(int visit, Latents latents, double[] row);
    }

    /** Opens the patient's reading. */
    Reading open(Patient patient);
}
