package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.Timeline;

/**
 * Every patient's protocol events in the order the schedule runs them (by time, then kind):
 * the same for all patients of a plan, so it is built once per trial and shared read-only
 * (its arrays never leave this class).
 */
final class ProtocolPlan {

    private final double[] times;
    private final ProtocolEvent.Kind[] kinds;
    private final int[] indices;

    private ProtocolPlan(double[] times, ProtocolEvent.Kind[] kinds, int[] indices) {
        this.times = times;
        this.kinds = kinds;
        this.indices = indices;
    }

    /** Number of planned events. */
    int size() {
        return times.length;
    }

    /** Time of event {@code i}, simulation hours. */
    double time(int i) {
        return times[i];
    }

    ProtocolEvent.Kind kind(int i) {
        return kinds[i];
    }

    /** Visit, session or week index of event {@code i}. */
    int index(int i) {
        return indices[i];
    }

    static ProtocolPlan of(TrialPlan plan) {
        Timeline t = plan.timeline();
        List<double[]> planned = new ArrayList<>();
        List<Visit> scanned = plan.scenario().protocol().visits().scanned();
        for (Visit v : scanned) {
            planned.add(new double[] {t.visitHours(v), ProtocolEvent.Kind.SCAN.ordinal(), v.ordinal()});
        }
        planned.add(new double[] {t.infusionStart(), ProtocolEvent.Kind.INFUSION.ordinal(), 0});
        for (int k = 0; k < t.sessionStarts().length; k++) {
            planned.add(new double[] {t.sessionStarts()[k], ProtocolEvent.Kind.SESSION.ordinal(), k});
        }
        double every = plan.scenario().measurement().weeklyPcl5Days() * 24;
        if (every > 0 && plan.recording().sessionDetail()) {
            int k = 1;
            for (double w = t.retrievalStart() + every; w <= t.visitHours(scanned.get(scanned.size() - 1)) + 1e-9; w += every, k++) {
                planned.add(new double[] {w, ProtocolEvent.Kind.RATING.ordinal(), k});
            }
        }
        planned.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        ProtocolEvent.Kind[] all = ProtocolEvent.Kind.values();
        double[] times = new double[planned.size()];
        ProtocolEvent.Kind[] kinds = new ProtocolEvent.Kind[planned.size()];
        int[] indices = new int[planned.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = planned.get(i)[0];
            kinds[i] = all[(int) planned.get(i)[1]];
            indices[i] = (int) planned.get(i)[2];
        }
        return new ProtocolPlan(times, kinds, indices);
    }
}
