package org.reconsim.results.stats;

import java.util.Arrays;

/**
 * Familywise error control over m tests at level alpha.
 * <ul>
 * <li>Bonferroni: reject H_i when p_i <= alpha / m;</li>
 * <li>Holm (1979): order p_(1) <= ... <= p_(m); reject H_(1..k) for the largest k with
 * p_(j) <= alpha / (m - j + 1) for every j <= k (step-down).</li>
 * </ul>
 * A NaN p-value (an undefined test) never rejects and still counts in m.
 */
public final class Multiplicity {

    private Multiplicity() {
    }

    public static boolean[] bonferroni(double[] p, double alpha) {
        boolean[] reject = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            reject[i] = p[i] <= alpha / p.length;
        }
        return reject;
    }

    public static boolean[] holm(double[] p, double alpha) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(nanLast(p[a]), nanLast(p[b])));
        boolean[] reject = new boolean[m];
        for (int j = 0; j < m; j++) {
            double pj = p[order[j]];
            if (!(pj <= alpha / (m - j))) {
                break;
            }
            reject[order[j]] = true;
        }
        return reject;
    }

    private static double nanLast(double x) {
        return Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
    }
}
