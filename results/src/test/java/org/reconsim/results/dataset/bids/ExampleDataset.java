package org.reconsim.results.dataset.bids;

import java.util.ArrayList;
import java.util.List;

/**
 * A small deterministic dataset built without the simulator (the writer must not depend on how
 * data are made): 3 subjects x 2 sessions, three 30-s scripts at TR 1 s, EDA at 100 Hz
 * (docs/TRIALS.md B), and one table of each derivative kind.
 */
final class ExampleDataset {

    static final List<String> ROIS = List.of("amygdala", "hippocampus", "vmPFC");
    static final List<String> SESSIONS = List.of("pre", "post");
    static final int VOLUMES = 130;
    static final double TR = 1.0;
    static final double EDA_HZ = 100;
    static final List<BidsEvent> EVENTS = List.of(new BidsEvent(10, 30, "trauma"), new BidsEvent(50, 30, "sad"),
            new BidsEvent(90, 30, "relax"));

    private ExampleDataset() {
    }

    static BidsDataset build() {
        List<BidsParticipant> participants = List.of(new BidsParticipant("001", "ketamine", "site1", 34.5, "F"),
                new BidsParticipant("002", "midazolam", "site1", 41, "M"),
                new BidsParticipant("003", "ketamine", "site2", Double.NaN, "F"));
        List<BidsRun> runs = new ArrayList<>();
        List<List<Object>> betas = new ArrayList<>();
        List<List<Object>> connectivity = new ArrayList<>();
        List<List<Object>> truth = new ArrayList<>();
        for (int p = 0; p < participants.size(); p++) {
            String sub = "sub-" + participants.get(p).label();
            for (int s = 0; s < SESSIONS.size(); s++) {
                runs.add(new BidsRun(participants.get(p).label(), SESSIONS.get(s), TR, ROIS, series(p, s), EVENTS,
                        eda(p, s), EDA_HZ));
                for (String roi : ROIS) {
                    betas.add(List.of(sub, SESSIONS.get(s), roi, "trauma_minus_relax", 0.5 - 0.1 * s + 0.01 * p));
                }
                connectivity.add(List.of(sub, SESSIONS.get(s), "amygdala", "hippocampus", "trauma", 0.4 - 0.1 * s));
                truth.add(List.of(sub, SESSIONS.get(s), "trace_strength", 1.0 - 0.2 * s));
            }
        }
        return new BidsDataset("reconsim example", participants, runs, List.of(BidsDerivative.roiBetas(betas),
                BidsDerivative.connectivity(connectivity), BidsDerivative.groundTruth(truth)));
    }

    /** A slow drift plus a response in each script window, different per ROI, subject and session. */
    static double[][] series(int participant, int session) {
        double[][] y = new double[ROIS.size()][VOLUMES];
        for (int r = 0; r < y.length; r++) {
            for (int t = 0; t < VOLUMES; t++) {
                double response = 0;
                for (BidsEvent e : EVENTS) {
                    if (t >= e.onset() && t < e.onset() + e.duration()) {
                        response = e.trialType().equals("trauma") ? 1.0 - 0.3 * session : 0.2;
                    }
                }
                y[r][t] = 100 + r + 0.1 * participant + response + 0.05 * Math.sin(t / 7.0 + r);
            }
        }
        return y;
    }

    static double[] eda(int participant, int session) {
        double[] x = new double[(int) (VOLUMES * TR * EDA_HZ)];
        for (int i = 0; i < x.length; i++) {
            double t = i / EDA_HZ;
            x[i] = 2 + 0.1 * participant + (t >= 10 && t < 20 ? 0.5 * (1 - 0.3 * session) * Math.sin(Math.PI * (t - 10) / 10) : 0);
        }
        return x;
    }
}
