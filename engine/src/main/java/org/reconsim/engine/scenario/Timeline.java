package org.reconsim.engine.scenario;

/**
 * The protocol's events in simulation hours. Protocol time 0 is the start of the pre-visit
 * retrieval; simulation time adds {@link #ORIGIN_HOURS} so that an infusion given before the
 * retrieval (down to -48 h) still falls at a non-negative schedule time.
 *
 * @param retrievalStart  start of the pre-visit trauma-script retrieval
 * @param retrievalEnd    its end
 * @param infusionStart   infusion start
 * @param sessionStarts   start of each PE session
 * @param sessionHours    duration of one PE session
 * @param visits          scan time of pre, post, fu30, fu90
 *
 * <p>Immutable: the arrays are copied in and out; read single times with {@link #sessionStart}
 * and {@link #visitHours}.
 */
public record Timeline(double retrievalStart, double retrievalEnd, double infusionStart, double[] sessionStarts,
                       double sessionHours, double[] visits) {

    public static final double ORIGIN_HOURS = 48.0;

    public Timeline {
        sessionStarts = sessionStarts.clone();
        visits = visits.clone();
    }

    @Override
    public double[] sessionStarts() {
        return sessionStarts.clone();
    }

    @Override
    public double[] visits() {
        return visits.clone();
    }

    /** Number of PE sessions. */
    public int sessionCount() {
        return sessionStarts.length;
    }

    /** Start of PE session {@code k} (0-based). */
    public double sessionStart(int k) {
        return sessionStarts[k];
    }

    public static Timeline of(Scenario s) {
        Protocol p = s.protocol();
        double r0 = ORIGIN_HOURS + p.visits().pre() * 24;
        double r1 = r0 + p.retrievalMinutes() / 60.0;
        double inf = r1 + p.infusionStartHours();
        PeSessions pe = p.peSessions();
        double[] starts = new double[pe.count()];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = inf + pe.firstHoursAfterInfusion() + k * pe.spacingHours();
        }
        Visits v = p.visits();
        double[] visits = {r0, ORIGIN_HOURS + v.post() * 24, ORIGIN_HOURS + v.fu30() * 24, ORIGIN_HOURS + v.fu90() * 24};
        return new Timeline(r0, r1, inf, starts, pe.trialsPerSession() * pe.trialMinutes() / 60.0, visits);
    }

    public double visitHours(Visit visit) {
        return visits[visit.ordinal()];
    }

    /** Day of a visit relative to the pre-visit retrieval. */
    public double visitDay(Visit visit) {
        return (visits[visit.ordinal()] - retrievalStart) / 24.0;
    }

    /**
     * Simulation time of an infusion starting {@code hoursAfterRetrieval} after the end of the
     * pre-visit retrieval: an arm's own start ({@link #infusionStart()} is the protocol's, from
     * which the PE sessions are scheduled for every arm).
     */
    public double infusionStart(double hoursAfterRetrieval) {
        return retrievalEnd + hoursAfterRetrieval;
    }

    /** When the last treatment (an infusion starting at {@code infusionStart}, a PE session) ends. */
    public double treatmentEnd(double infusionStart, double infusionMinutes) {
        double end = infusionStart + infusionMinutes / 60.0;
        if (sessionStarts.length > 0) {
            end = Math.max(end, sessionStarts[sessionStarts.length - 1] + sessionHours);
        }
        return end;
    }

    /** When the last PE session ends (or the retrieval, without sessions). */
    public double treatmentEnd() {
        return sessionStarts.length == 0 ? Math.max(retrievalEnd, infusionStart) : sessionStarts[sessionStarts.length - 1] + sessionHours;
    }
}
