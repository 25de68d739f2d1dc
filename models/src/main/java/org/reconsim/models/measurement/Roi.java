package org.reconsim.models.measurement;

/** The regions of interest of the anchor study (Duek 2023) and their latents (docs/MODEL.md section 5). */
public enum Roi {
    /** Latent: fear expression. */
    AMYGDALA,
    /** Latent: retrieval strength of the trauma trace. */
    HIPPOCAMPUS,
    /** Latent: extinction recall. */
    VMPFC;

    /** A pair of ROIs whose coupling a window-wise correlation measures. */
    public enum Pair {
        AMYGDALA_HIPPOCAMPUS(AMYGDALA, HIPPOCAMPUS),
        AMYGDALA_VMPFC(AMYGDALA, VMPFC),
        HIPPOCAMPUS_VMPFC(HIPPOCAMPUS, VMPFC);

        private final Roi first;
        private final Roi second;

        Pair(Roi first, Roi second) {
            this.first = first;
            this.second = second;
        }

        public Roi first() {
            return first;
        }

        public Roi second() {
            return second;
        }
    }
}
