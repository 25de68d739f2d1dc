package org.reconsim.models.measurement;

import org.reconsim.models.spec.Spec;

/**
 * The three connectivity endpoints (scenario section {@code measurement.connectivity}; docs/MODEL.md
 * section 5): each edge's latent coupling and reliability, and how the edges' subject effects and
 * session noise correlate.
 *
 * @param amygdalaHippocampus edge amygdala-hippocampus
 * @param hippocampusVmpfc    edge hippocampus-vmPFC
 * @param amygdalaVmpfc       edge amygdala-vmPFC
 * @param subjectCorrelation  correlations of the edges' subject effects
 * @param noiseCorrelation    correlations of the edges' session noise
 */
public record ConnectivityEdges(
        @Spec(doc = "Amygdala-hippocampus coupling; its default loads on fear expression in the scanner")
        EdgeCoupling amygdalaHippocampus,
        @Spec(doc = "Hippocampus-vmPFC coupling; its default loads on extinction recall in the scanner")
        EdgeCoupling hippocampusVmpfc,
        @Spec(doc = "Amygdala-vmPFC coupling; its default loads on extinction recall in the scanner")
        EdgeCoupling amygdalaVmpfc,
        @Spec(doc = "Correlations of the edges' subject effects") EdgeCorrelation subjectCorrelation,
        @Spec(doc = "Correlations of the edges' session noise") EdgeCorrelation noiseCorrelation) {

    /**
     * Defaults, all [assumption] except the ICC (Noble 2019): a base coupling of 0.2; the
     * amygdala-hippocampus edge rises with fear expression (the emotional intensity of the
     * retrieved memory), the two vmPFC edges with extinction recall (the vmPFC-hippocampus-amygdala
     * circuit of extinction recall, Milad & Quirk 2012, Annu Rev Psychol 63:129); subject SD 0.15 z;
     * edges sharing a region correlate at 0.3.
     */
    public static ConnectivityEdges defaults() {
        return new ConnectivityEdges(
                new EdgeCoupling(0.2, 0.3, 0, 0, 0.15, 0.29),
                new EdgeCoupling(0.2, 0, 0, 0.3, 0.15, 0.29),
                new EdgeCoupling(0.2, 0, 0, 0.2, 0.15, 0.29),
                new EdgeCorrelation(0.3, 0.3, 0.3),
                new EdgeCorrelation(0.3, 0.3, 0.3));
    }

    /** The edge of a region pair. */
    public EdgeCoupling edge(Roi.Pair pair) {
        return switch (pair) {
            case AMYGDALA_HIPPOCAMPUS -> amygdalaHippocampus;
            case HIPPOCAMPUS_VMPFC -> hippocampusVmpfc;
            case AMYGDALA_VMPFC -> amygdalaVmpfc;
        };
    }
}
