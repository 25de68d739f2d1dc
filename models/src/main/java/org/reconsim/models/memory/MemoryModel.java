package org.reconsim.models.memory;

import java.util.List;
import java.util.Objects;

import org.reconsim.models.spec.Member;
import org.reconsim.models.spec.Sections;

/**
 * The registration of one memory model: the label scenario files name it by in
 * {@code memory.model}, its parameters record with defaults, and how it builds the two kinds of
 * memory the engines ask for: a naive subject's (the laboratory experiments) and a patient's
 * trauma memory (the trials). The parameters section in files is the label with '_' for '-'.
 *
 * <p>The factories receive the model's own parameters and every memory section, so that a model
 * may borrow a quantity it has no parameter of from another model's section (the latent-cause
 * model takes its labile window from {@code two_trace}); a model that borrows says so in its
 * registration.
 *
 * @param label         kebab-case name, e.g. {@code two-trace}
 * @param doc           what the parameters section configures, with its source
 * @param parameters    the parameters record (components annotated with {@link org.reconsim.models.spec.Spec})
 * @param defaults      its defaults (each component's source in its {@code @Spec})
 * @param naiveSubject  builds the memory of a subject without a trauma memory yet
 * @param traumaPatient builds a patient's trauma memory
 */
public record MemoryModel<P extends Record>(String label, String doc, Class<P> parameters, P defaults,
                                            NaiveSubject<P> naiveSubject, TraumaPatient<P> traumaPatient) implements Member {

    /** Builds a naive subject's memory. */
    @FunctionalInterface
    public interface NaiveSubject<P> {
        TraumaMemory create(P parameters, Sections<Record> memory);
    }

    /**
     * Builds the trauma memory of a patient: trace strength {@code e0} (0..1), extinction
     * {@code x0} learned at home before the trial (0..1; a model without an extinction trace may
     * ignore it, and says so), formed {@code ageDays} before simulation hour 0.
     */
    @FunctionalInterface
    public interface TraumaPatient<P> {
        TraumaMemory create(P parameters, Sections<Record> memory, double e0, double x0, double ageDays);
    }

    public MemoryModel {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(naiveSubject, "naiveSubject");
        Objects.requireNonNull(traumaPatient, "traumaPatient");
        Member.kebab("memory model", label);
        if (!parameters.isRecord()) {
            throw new IllegalArgumentException(label + ": parameters must be a record");
        }
    }

    /** The registered memory models, as an enum offers its constants (the scenario binder reads them). */
    public static List<MemoryModel<?>> values() {
        return MemoryModelRegistry.all();
    }

    /** The section name of the parameters in scenario files. */
    public String section() {
        return label.replace('-', '_');
    }

    /** A naive subject's memory, with this model's parameters taken from {@code memory}. */
    public TraumaMemory naive(Sections<Record> memory) {
        return naiveSubject.create(memory.get(parameters), memory);
    }

    /** A patient's trauma memory, with this model's parameters taken from {@code memory}. */
    public TraumaMemory patient(Sections<Record> memory, double e0, double x0, double ageDays) {
        return traumaPatient.create(memory.get(parameters), memory, e0, x0, ageDays);
    }

    @Override
    public String toString() {
        return label;
    }
}
