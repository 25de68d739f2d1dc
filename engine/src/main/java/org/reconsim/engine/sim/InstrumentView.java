package org.reconsim.engine.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;

/**
 * One patient as one instrument sees it: the patient's streams (built-in purposes for the
 * built-in instruments, {@code instrument/<name>/<purpose>} for added ones), its site, its drug
 * course's nonspecific effects and the instrument's own scenario section.
 */
final class InstrumentView implements Instrument.Patient {

    private final InstrumentType type;
    private final TrialPlan plan;
    private final DrugCourse drug;
    private final int site;
    private final RandomStreams streams;
    private final long index;
    private final int replicate;
    private final double[] siteEffects;

    InstrumentView(InstrumentType type, TrialPlan plan, DrugCourse drug, int site, RandomStreams streams, long index, int replicate,
                   double[] siteEffects) {
        this.type = type;
        this.plan = plan;
        this.drug = drug;
        this.site = site;
        this.streams = streams;
        this.index = index;
        this.replicate = replicate;
        this.siteEffects = siteEffects;
    }

    @Override
    public TrialPlan plan() {
        return plan;
    }

    @Override
    public UniformRandomProvider stream(Purpose purpose) {
        return streams.stream(purpose, index, replicate);
    }

    @Override
    public UniformRandomProvider stream(String purpose) {
        return streams.stream("instrument/" + type.name() + "/" + purpose, index, replicate);
    }

    @Override
    public int site() {
        return site;
    }

    @Override
    public double siteEffect(int site, int roi) {
        return siteEffects[site * TrialPlan.ROI_COUNT + roi];
    }

    @Override
    public double peakDissociation() {
        return drug.peakDissociation();
    }

    @Override
    public double peakSedation() {
        return drug.peakSedation();
    }

    @Override
    public <P> P parameters(Class<P> parametersType) {
        if (type.parameters() == null) {
            throw new IllegalStateException("instrument " + type.name() + " has no parameters");
        }
        return parametersType.cast(plan.scenario().measurement().instruments().get(type.section()));
    }
}
