package org.reconsim.models.memory;

/**
 * The window after a destabilizing retrieval during which a trace can be modified, until it
 * restabilizes (Nader 2000; Monfils 2009). Mutable, owned by one memory.
 */
public final class LabileWindow {

    private double since = Double.NaN;
    private double until = Double.NaN;
    private boolean open;

    /** Opens the window at {@code t} for {@code hours}. */
    public void open(double t, double hours) {
        open = true;
        since = t;
        until = t + hours;
    }

    /** Whether the window is open at {@code t}. */
    public boolean isOpen(double t) {
        return open && t < until;
    }

    /** Closes the window; returns whether it was open (restabilization acts only then). */
    public boolean close() {
        boolean was = open;
        open = false;
        return was;
    }

    /** Start of the current or last window, NaN before the first. */
    public double since() {
        return since;
    }

    /** End of the current or last window, NaN before the first. */
    public double until() {
        return until;
    }
}
