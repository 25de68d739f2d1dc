package org.reconsim.results.inference;

import java.io.Serializable;

import org.reconsim.results.power.PriorDistribution;

/**
 * A scenario field left free for inference, with its prior: {@code --free FIELD=PRIOR} has the
 * syntax of power's {@code --assurance FIELD=PRIOR}, and the field is edited as {@code --sweep}
 * and {@code --assurance} edit one ({@link org.reconsim.engine.scenario.ScenarioEdit}).
 *
 * @param field  dotted field path, e.g. {@code pharmacology.occupancy.ki_micromolar}
 * @param text   the prior as the user wrote it, e.g. {@code loguniform(0.3,10)} (for tables)
 * @param prior  the prior; continuous (a discrete prior's value is a category, not the field's value)
 */
public record FreeField(String field, String text, PriorDistribution prior) implements Serializable {

    public FreeField {
        if (field == null || field.isEmpty() || prior == null) {
            throw new IllegalArgumentException("a free field needs a field path and a prior");
        }
        text = text == null ? prior.toString() : text;
    }

    /**
     * Why {@code field} cannot be a free field of an inference, or null when it can be: the
     * fields that address the trials ({@link org.reconsim.engine.scenario.ScenarioEdit#fixedReason}) and {@code mechanisms.active},
     * which the hypotheses set. Shared by calibrate's {@code --free} and power's {@code --posterior}
     * (whose columns are a calibration's free fields).
     */
    public static String cannotVary(String field) {
        String fixed = org.reconsim.engine.scenario.ScenarioEdit.fixedReason(field);
        if (fixed != null) {
            return fixed;
        }
        return field.equals(org.reconsim.results.power.AssurancePrior.MECHANISMS) ? "the mechanisms are the hypotheses, not a parameter" : null;
    }
}
