package org.reconsim.results.stats;

import java.util.Arrays;

import org.reconsim.results.stats.MonotoneImputation.Strategy;

/**
 * The leave-one-out estimates of conditional mean imputation (the jackknife of the cmi analyses;
 * Wolbers et al. 2022, Pharm Stat 21:1246-1257): for each patient {@code i} with a baseline, the
 * ANCOVA {@code value ~ baseline + arm} treatment effect at a visit of the dataset completed by
 * the conditional means of {@link MonotoneImputation}'s model fitted without {@code i}, without
 * {@code i}. Done naively that is {@code N} fits, imputations and ANCOVAs of {@code N - 1}
 * patients, {@code O(N^2)}; here each costs {@code O(1)} in {@code N}.
 *
 * <p><b>Why that is possible.</b> With {@code z_k = (1, x_k, y_k1, .., y_kK)} (centred baseline
 * and visits, 0 where missed), a patient's completed value at visit {@code j} is linear in
 * {@code z_k}, {@code y_kj = L_{G,j} . z_k}, with a coefficient vector that depends only on the
 * patient's group {@code G} (arm and which visits they missed) and the regressions'
 * coefficients: {@code L = e_{y_j}} for an observed value, and for a missed one the recursion of
 * {@link MonotoneImputation.Imputer#conditionalMean} written on coefficient vectors,
 * <pre>
 *   MAR (and every control patient):  L_j = (b_j0 + b_j1 a) e_1 + b_j2 e_x + sum_{h &lt; j} f_jh L_h
 *   J2R, CR (treated):                L_j = A_j + sum_{h &lt; j} f_jh (L_h - A_h),
 *      A_h = R_h (CR, or J2R from the first missed visit d on), O_h (J2R before d)
 *      R_h = b_h0 e_1 + b_h2 e_x + sum_{l &lt; h} f_hl R_l,   O_h = R_h-like with b_h0 + b_h1 and O_l
 * </pre>
 * plus {@code delta e_1} on a treated patient's missed visits. The ANCOVA estimate needs only
 * the sums {@code N, S_g, S_x, S_xx, S_xg, S_y, S_xy, S_gy} over the patients with a baseline,
 * and {@code S_y = sum_G L_{G,j} . sum_{k in G} z_k}, {@code S_xy = sum_G L_{G,j} . sum_{k in G}
 * x_k z_k}, {@code S_gy} the same over treated groups. So the per-group sums of {@code z} and
 * {@code x z} are formed once; leaving {@code i} out subtracts {@code i}'s terms from its group,
 * downdates the regressions ({@link MonotoneImputation#coefficientsWithout}) and evaluates the
 * recursion for each group, at most {@code 2 x 2^K} of them. The estimate from centred sums is
 * {@code (s_xx s_gy - s_xg s_xy) / (s_xx s_gg - s_xg^2)}, {@code s_uv = S_uv - S_u S_v / N}, as
 * {@link Ancova} computes it.
 *
 * <p>The checks are {@link Ancova}'s and the refit's: an arm with fewer than 2 patients, a
 * singular design, a visit someone must be imputed at whose regression (or an earlier one) cannot
 * be fitted without {@code i}. The residuals of neither the regressions nor the ANCOVA are
 * formed, so an exact fit of the other patients is not detected (only the estimate enters the
 * jackknife, and it is defined there).
 */
public final class ConditionalMeanJackknife {

    private static final double SINGULARITY_TOLERANCE = 1e-10;
    private static final int ONE = 0;
    private static final int X = 1;
    private static final int FIRST_VISIT = 2;

    private final MonotoneImputation model;
    private final Strategy strategy;
    private final double delta;
    private final int visits;
    private final int width;
    /** Group index: arm (0 control, 1 treated) * 2^K + mask of missed visits. */
    private final int[] group;
    private final int[] count;
    private final double[][] sumZ;
    private final double[][] sumXZ;
    /** For each group, the first missed visit (K when none). */
    private final int[] firstMissed;

    private ConditionalMeanJackknife(MonotoneImputation model, Strategy strategy, double delta) {
        this.model = model;
        this.strategy = strategy;
        this.delta = delta;
        this.visits = model.visits();
        this.width = FIRST_VISIT + visits;
        int groups = 2 << visits;
        this.group = new int[model.size()];
        this.count = new int[groups];
        this.sumZ = new double[groups][width];
        this.sumXZ = new double[groups][width];
        this.firstMissed = new int[groups];
        for (int g = 0; g < groups; g++) {
            int mask = g & ((1 << visits) - 1);
            firstMissed[g] = mask == 0 ? visits : Integer.numberOfTrailingZeros(mask);
        }
        double[] z = new double[width];
        for (int i = 0; i < model.size(); i++) {
            group[i] = -1;
            if (z(i, z)) {
                int g = groupOf(i);
                group[i] = g;
                count[g]++;
                add(sumZ[g], z, 1);
                add(sumXZ[g], z, z[X]);
            }
        }
    }

    /**
     * The leave-one-out estimates at {@code visits} (0-based post-baseline indices) of the
     * conditional-mean ANCOVA, for the patients with a baseline in index order:
     * {@code estimates[t][k]} for the k-th such patient; a visit where some leave-one-out is
     * undefined gets its reason in {@code reasons[t]} (and its estimates are meaningless).
     *
     * @param model     the whole trial's fit
     * @param strategy  MAR, J2R or CR
     * @param delta     added to the treatment arm's imputed values
     * @param columns   the visits
     * @param estimates [visit][patient with a baseline], filled
     * @param reasons   one per visit, filled with null or the first reason met
     * @return the number of patients with a baseline
     */
    public static int leaveOneOut(MonotoneImputation model, Strategy strategy, double delta, int[] columns, double[][] estimates,
                                  UndefinedReason[] reasons) {
        return new ConditionalMeanJackknife(model, strategy, delta).run(columns, estimates, reasons);
    }

    private int run(int[] columns, double[][] estimates, UndefinedReason[] reasons) {
        Arrays.fill(reasons, null);
        double[] z = new double[width];
        double[][][] forms = new double[count.length][visits][];
        int patients = 0;
        for (int i = 0; i < model.size(); i++) {
            if (group[i] < 0) {
                continue;
            }
            int g = group[i];
            z(i, z);
            count[g]--;
            add(sumZ[g], z, -1);
            add(sumXZ[g], z, -z[X]);
            MonotoneImputation.Refit refit = model.coefficientsWithout(i);
            for (int h = 0; h < count.length; h++) {
                forms[h] = count[h] > 0 ? linearForms(h, refit) : null;
            }
            for (int t = 0; t < columns.length; t++) {
                if (reasons[t] == null) {
                    estimates[t][patients] = estimate(columns[t], forms, refit, t, reasons);
                }
            }
            count[g]++;
            add(sumZ[g], z, 1);
            add(sumXZ[g], z, z[X]);
            patients++;
        }
        return patients;
    }

    /** The effect at visit {@code j} from the group sums and forms; a reason into {@code reasons[t]} when undefined. */
    private double estimate(int j, double[][][] forms, MonotoneImputation.Refit refit, int t, UndefinedReason[] reasons) {
        int half = count.length / 2;
        double n = 0;
        double sg = 0;
        double sx = 0;
        double sxx = 0;
        double sxg = 0;
        double sy = 0;
        double sxy = 0;
        double sgy = 0;
        for (int g = 0; g < count.length; g++) {
            if (count[g] == 0) {
                continue;
            }
            double[] form = forms[g][j];
            if (form == null) {
                reasons[t] = refit.reason(); // someone missed a visit the refit cannot impute
                return Double.NaN;
            }
            boolean treated = g >= half;
            double y = dot(form, sumZ[g]);
            double xy = dot(form, sumXZ[g]);
            n += count[g];
            sx += sumZ[g][X];
            sxx += sumXZ[g][X];
            sy += y;
            sxy += xy;
            if (treated) {
                sg += count[g];
                sxg += sumZ[g][X];
                sgy += y;
            }
        }
        if (sg < 2 || n - sg < 2) {
            reasons[t] = UndefinedReason.TOO_FEW_OBSERVATIONS;
            return Double.NaN;
        }
        double cxx = sxx - sx * sx / n;
        double cxg = sxg - sx * sg / n;
        double cgg = sg - sg * sg / n;
        double cxy = sxy - sx * sy / n;
        double cgy = sgy - sg * sy / n;
        double determinant = cxx * cgg - cxg * cxg;
        if (!(determinant > SINGULARITY_TOLERANCE * cxx * cgg)) {
            reasons[t] = UndefinedReason.SINGULAR_DESIGN;
            return Double.NaN;
        }
        return (cxx * cgy - cxg * cxy) / determinant;
    }

    /** {@code L_{G,j}} for every visit of group {@code g} (null where it cannot be imputed), the class documentation's recursion. */
    private double[][] linearForms(int g, MonotoneImputation.Refit refit) {
        int mask = g & ((1 << visits) - 1);
        boolean treated = g >= count.length / 2;
        boolean referenceBased = treated && strategy != Strategy.MAR;
        int d = Math.min(firstMissed[g], refit.fitted());
        double[][] b = refit.coefficients();
        double[][] forms = new double[visits][];
        double[][] assumed = referenceBased ? assumedMeans(refit, d) : null;
        for (int j = 0; j < visits; j++) {
            if ((mask & (1 << j)) == 0) {
                forms[j] = unit(FIRST_VISIT + j);
                continue;
            }
            if (j >= refit.fitted()) {
                continue; // stays null: cannot be imputed, nor can any later missed visit
            }
            double[] bj = b[j];
            double[] form = new double[width];
            if (!referenceBased) {
                form[ONE] = bj[0] + (treated ? bj[1] : 0);
                form[X] = bj[2];
                for (int h = 0; h < j; h++) {
                    add(form, forms[h], bj[3 + h]);
                }
            } else {
                System.arraycopy(assumed[j], 0, form, 0, width);
                for (int h = 0; h < j; h++) {
                    add(form, forms[h], bj[3 + h]);
                    add(form, assumed[h], -bj[3 + h]);
                }
            }
            forms[j] = form;
        }
        if (treated) { // after every visit is built: later visits are imputed from the values without delta
            for (int j = 0; j < visits; j++) {
                if ((mask & (1 << j)) != 0 && forms[j] != null) {
                    forms[j][ONE] += delta;
                }
            }
        }
        return forms;
    }

    /** The means a treated patient is assumed to have, {@code A_h}, as vectors over (1, x), for the fitted visits. */
    private double[][] assumedMeans(MonotoneImputation.Refit refit, int d) {
        double[][] b = refit.coefficients();
        int fitted = refit.fitted();
        double[][] reference = new double[fitted][];
        double[][] own = new double[fitted][];
        double[][] assumed = new double[fitted][];
        for (int h = 0; h < fitted; h++) {
            double[] bh = b[h];
            double[] r = new double[width];
            double[] o = new double[width];
            r[ONE] = bh[0];
            r[X] = bh[2];
            o[ONE] = bh[0] + bh[1];
            o[X] = bh[2];
            for (int l = 0; l < h; l++) {
                add(r, reference[l], bh[3 + l]);
                add(o, own[l], bh[3 + l]);
            }
            reference[h] = r;
            own[h] = o;
            assumed[h] = strategy == Strategy.COPY_REFERENCE || h >= d ? r : o;
        }
        return assumed;
    }

    /** {@code z_i} into {@code z}; false for a patient without a baseline (not analysed). */
    private boolean z(int i, double[] z) {
        double x = model.centredBaseline()[i];
        if (Double.isNaN(x)) {
            return false;
        }
        z[ONE] = 1;
        z[X] = x;
        double[][] y = model.centredValues();
        for (int j = 0; j < visits; j++) {
            z[FIRST_VISIT + j] = Double.isNaN(y[j][i]) ? 0 : y[j][i];
        }
        return true;
    }

    private int groupOf(int i) {
        int mask = 0;
        double[][] y = model.centredValues();
        for (int j = 0; j < visits; j++) {
            if (Double.isNaN(y[j][i])) {
                mask |= 1 << j;
            }
        }
        return (model.arms()[i] ? 1 << visits : 0) + mask;
    }

    private double[] unit(int index) {
        double[] e = new double[width];
        e[index] = 1;
        return e;
    }

    private static void add(double[] target, double[] v, double factor) {
        for (int a = 0; a < target.length; a++) {
            target[a] += factor * v[a];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
