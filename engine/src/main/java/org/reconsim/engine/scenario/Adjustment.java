package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;

/** Multiplicity adjustment over the family. */
public enum Adjustment implements Named {
    NONE, BONFERRONI, HOLM
}
