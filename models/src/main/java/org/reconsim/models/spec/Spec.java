package org.reconsim.models.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a scenario field means and what values it allows. The binder checks these, the JSON
 * Schema and the field reference in scenarios/README.md are generated from them, so the
 * three can never disagree. It lives in the models so that a model's own parameter record
 * carries it once: the record is the scenario section, its schema entry and its reference.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Spec {
    /** What the field is, in the domain's words. */
    String doc();

    /** Unit, empty when dimensionless. */
    String unit() default "";

    /** Where the default comes from (paper, table), or "[assumption]". */
    String source() default "";

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** Whether min itself is excluded. */
    boolean minExclusive() default false;

    /** Whether max itself is excluded. */
    boolean maxExclusive() default false;

    /** Must be given in the file (there is no default). */
    boolean required() default false;

    /** Smallest list size. */
    int minItems() default 0;

    /** Largest list size. */
    int maxItems() default Integer.MAX_VALUE;

    /**
     * The component is a {@link Sections} whose member sections are written inline, as fields of
     * the enclosing section (each under its member's name), not under the component's own name.
     */
    boolean inline() default false;
}
