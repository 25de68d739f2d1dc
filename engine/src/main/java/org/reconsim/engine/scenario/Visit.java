package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Named;

/** The scan visits: pre (protocol time 0), post, 30-day and 90-day follow-up. */
public enum Visit implements Named {
    PRE, POST, FU30, FU90
}
