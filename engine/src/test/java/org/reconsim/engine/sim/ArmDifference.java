package org.reconsim.engine.sim;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;

/**
 * One endpoint of one simulated trial at one visit, treatment arm against control, computed
 * directly from the patients' observed values (an oracle independent of the analyses):
 * {@code d = (mean post_treatment - mean post_control) / pooled SD of post}, and each arm's mean
 * change from pre (patients with both values).
 *
 * @param d              standardized difference of the visit's values, treatment minus control
 * @param changeTreated  treatment arm's mean of (visit - pre)
 * @param changeControl  control arm's mean of (visit - pre)
 * @param n              patients with both values, treatment then control
 */
record ArmDifference(double d, double changeTreated, double changeControl, int[] n) {

    static ArmDifference of(TrialOutcome t, int treated, Endpoint e, Visit visit) {
        double[][] acc = new double[2][4];
        for (PatientOutcome p : t.patients()) {
            double pre = p.observed()[0][e.ordinal()];
            double post = p.observed()[visit.ordinal()][e.ordinal()];
            if (Double.isNaN(pre) || Double.isNaN(post)) {
                continue;
            }
            double[] a = acc[p.arm() == treated ? 0 : 1];
            a[0]++;
            a[1] += post;
            a[2] += post * post;
            a[3] += post - pre;
        }
        double[] mean = new double[2];
        double ss = 0;
        for (int g = 0; g < 2; g++) {
            mean[g] = acc[g][1] / acc[g][0];
            ss += acc[g][2] - acc[g][0] * mean[g] * mean[g];
        }
        double pooledSd = Math.sqrt(ss / (acc[0][0] + acc[1][0] - 2));
        return new ArmDifference((mean[0] - mean[1]) / pooledSd, acc[0][3] / acc[0][0], acc[1][3] / acc[1][0],
                new int[] {(int) acc[0][0], (int) acc[1][0]});
    }
}
