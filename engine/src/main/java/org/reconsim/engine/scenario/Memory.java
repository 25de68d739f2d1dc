package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import org.reconsim.models.memory.TwoTraceParameters;
import org.reconsim.models.memory.latentcause.LatentCauseParameters;
import org.reconsim.models.spec.Sections;

/**
 * The memory model and, inline, every registered model's parameters section (memory.model,
 * memory.two_trace, memory.latent_cause, ...): a model is chosen by label from
 * {@link org.reconsim.models.memory.MemoryModelRegistry}, and builds its memories from the
 * sections (the latent-cause model borrows two_trace.labile_window_hours).
 */
public record Memory(
        @Spec(doc = "Memory model") org.reconsim.models.memory.MemoryModel<?> model,
        @Spec(doc = "Each registered memory model's parameters, one section per model named by it ('_' for '-')", inline = true)
        Sections<Record> parameters) {

    public static Memory defaults() {
        return new Memory(org.reconsim.models.memory.MemoryModelRegistry.standard(),
                org.reconsim.models.memory.MemoryModelRegistry.defaultSections());
    }

    /** A naive memory (no trauma yet) of the chosen model: the laboratory experiments' subjects. */
    public org.reconsim.models.memory.TraumaMemory naive() {
        return model.naive(parameters);
    }

    /** A patient's trauma memory of strength e0 (extinction x0) formed ageDays before hour 0. */
    public org.reconsim.models.memory.TraumaMemory patient(double e0, double x0, double ageDays) {
        return model.patient(parameters, e0, x0, ageDays);
    }

    /** The two-trace section, which also holds the labile window every built-in model uses. */
    public TwoTraceParameters twoTrace() {
        return parameters.get(TwoTraceParameters.class);
    }

    /** The latent-cause section (docs/MODEL.md 2b). */
    public LatentCauseParameters latentCause() {
        return parameters.get(LatentCauseParameters.class);
    }

    /** The same memory section with another model. */
    public Memory withModel(org.reconsim.models.memory.MemoryModel<?> m) {
        return new Memory(m, parameters);
    }

    /** The same memory section with one model's parameters replaced (found by the record's type). */
    public Memory withParameters(Record p) {
        return new Memory(model, parameters.with(p));
    }
}
