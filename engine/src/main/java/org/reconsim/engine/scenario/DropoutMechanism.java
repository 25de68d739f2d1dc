package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;

/** How dropout depends on the patient: missing completely at random, at random, or not at random. */
public enum DropoutMechanism implements Named {
    MCAR, MAR, MNAR
}
