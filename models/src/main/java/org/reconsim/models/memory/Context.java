package org.reconsim.models.memory;

/**
 * Where a reminder or an exposure happens. Extinction is learned in a context and transfers
 * only partly to the others (renewal, Bouton 2004); the scanner and home are distinct from
 * the therapy room (docs/MODEL.md section 2a).
 */
public enum Context {
    SCANNER, THERAPY, HOME,
    /** Laboratory contexts of the canonical experiments (A, B, C in the papers). */
    LAB_A, LAB_B, LAB_C;

    static final Context[] ALL = values();
}
