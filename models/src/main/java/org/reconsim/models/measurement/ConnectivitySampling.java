package org.reconsim.models.measurement;

/**
 * The sampling distribution of window-wise connectivity, for the fast path that draws it instead
 * of synthesizing time series (docs/MODEL.md section 5). Within one script window of {@code n}
 * volumes the residual BOLD of two regions is a stationary AR(1) pair (coefficient phi) whose
 * lag-0 correlation is the latent coupling rho ({@link RoiTimeSeries}). Its Fisher z is then
 * approximately
 * <pre>
 *   z_w ~ N(atanh(rho) + rho / (2 (n_eff - 1)),  v_w),
 *   n_eff = n^2 / sum_{|k| < n} (n - |k|) phi^(2|k|)
 * </pre>
 * (Fisher 1921 for the mean's bias, with Bartlett's 1946 effective sample size of a correlation
 * between two series with the same autocorrelation; n_eff = 21.96 for 30 volumes at phi 0.4).
 * The variance v_w is Fisher's 1 / (n - 3) for independent volumes, but no closed form is
 * second-order accurate for autocorrelated ones (1 / (n_eff - 3) = 0.0527 overstates it by 8%
 * at the defaults), so it is measured once on the model's own window process: {@value #VARIANCE_WINDOWS}
 * simulated windows of two independent AR(1) series (fixed seed), demeaned, correlated and
 * transformed; Fisher's z makes it the same for every rho (an independent simulation of 200,000
 * windows gives 0.0488 at rho 0, 0.35 and 0.6). The three edges of one window are correlated as
 * Fisher z of correlations sharing a variable are (Steiger 1980, eq. 3 and 11):
 * <pre>
 *   cov(z_jk, z_jm) = v_w [r_km (1 - r_jk^2 - r_jm^2) - r_jk r_jm (1 - r_jk^2 - r_jm^2 - r_km^2) / 2]
 *                     / ((1 - r_jk^2)(1 - r_jm^2))
 * </pre>
 * Windows are independent, so the trauma-minus-relax outcome, the mean of the trauma windows' z
 * minus the mean of the relax windows' z, is normal with those means and covariance
 * {@code C_trauma / W_trauma + C_relax / W_relax}.
 *
 * @param traumaWindows     windows of the trauma script
 * @param relaxWindows      windows of the relax script
 * @param volumesPerWindow  volumes in each window
 * @param arPhi             AR(1) coefficient of the residual BOLD
 * @param windowVariance    variance of one window's Fisher z (v_w)
 */
public record ConnectivitySampling(int traumaWindows, int relaxWindows, int volumesPerWindow, double arPhi, double windowVariance) {

    /** Simulated windows that measure the window variance (SE of the variance about 0.7%). */
    public static final int VARIANCE_WINDOWS = 40_000;

    /** The Duek 2023 task's sampling, measured once. */
    private static final class Duek {
        static final ConnectivitySampling SAMPLING = of(ScriptTask.duek2023(), RoiTimeSeries.DEFAULTS, Connectivity.HRF_SHIFTED);
    }

    public ConnectivitySampling {
        if (traumaWindows < 1 || relaxWindows < 1 || volumesPerWindow < 5 || !(Math.abs(arPhi) < 1) || !(windowVariance > 0)) {
            throw new IllegalArgumentException("need trauma and relax windows of at least 5 volumes, |phi| < 1 and a positive variance");
        }
    }

    /** The sampling of {@code connectivity} on {@code task} for series made by {@code series}. */
    public static ConnectivitySampling of(ScriptTask task, RoiTimeSeries series, Connectivity connectivity) {
        int[][] trauma = Connectivity.windows(task.window(Script.TRAUMA, connectivity.shiftSeconds()));
        int[][] relax = Connectivity.windows(task.window(Script.RELAX, connectivity.shiftSeconds()));
        int n = trauma[0][1] - trauma[0][0];
        for (int[][] ws : new int[][][] {trauma, relax}) {
            for (int[] w : ws) {
                if (w[1] - w[0] != n) {
                    throw new IllegalArgumentException("script windows differ in length");
                }
            }
        }
        return new ConnectivitySampling(trauma.length, relax.length, n, series.arPhi(), simulatedVariance(n, series.arPhi()));
    }

    /** The Duek 2023 task, the default series and windows shifted for the HRF (measured once per JVM). */
    public static ConnectivitySampling duek2023() {
        return Duek.SAMPLING;
    }

    /**
     * Variance of atanh(r) of two independent stationary AR(1) series of {@code n} volumes:
     * {@value #VARIANCE_WINDOWS} windows from Philox-4x64 seed 20230601, one standard normal per
     * volume and series, demeaned within the window as {@link Connectivity} does.
     */
    static double simulatedVariance(int n, double phi) {
        // RandomSource.PHILOX_4X64.create(20230601L), the same draws without commons-rng's slow multiply on Java 17
        org.apache.commons.rng.UniformRandomProvider rng = org.reconsim.models.numerics.PhiloxStream.seeded(20230601L);
        double innovation = Math.sqrt(1 - phi * phi);
        double[] a = new double[n];
        double[] b = new double[n];
        double sum = 0;
        double sumSq = 0;
        for (int w = 0; w < VARIANCE_WINDOWS; w++) {
            for (int j = 0; j < n; j++) {
                double za = org.reconsim.models.population.PatientGenerator.standardNormal(rng);
                double zb = org.reconsim.models.population.PatientGenerator.standardNormal(rng);
                a[j] = j == 0 ? za : phi * a[j - 1] + innovation * za;
                b[j] = j == 0 ? zb : phi * b[j - 1] + innovation * zb;
            }
            double z = Connectivity.atanh(Connectivity.correlation(a, b, 0, n));
            sum += z;
            sumSq += z * z;
        }
        double mean = sum / VARIANCE_WINDOWS;
        return (sumSq - VARIANCE_WINDOWS * mean * mean) / (VARIANCE_WINDOWS - 1);
    }

    /** Bartlett's effective number of volumes of one window. */
    public double effectiveVolumes() {
        int n = volumesPerWindow;
        double sum = n;
        double p2 = arPhi * arPhi;
        double pk = 1;
        for (int k = 1; k < n; k++) {
            pk *= p2;
            sum += 2 * (n - k) * pk;
        }
        return (double) n * n / sum;
    }

    /** Expected Fisher z of one window with latent coupling {@code rho}. */
    public double windowMean(double rho) {
        return Connectivity.atanh(rho) + rho / (2 * (effectiveVolumes() - 1));
    }

    /** Variance of one edge's trauma-minus-relax outcome (the same for every coupling: Fisher z stabilizes it). */
    public double outcomeVariance() {
        return windowVariance() * (1.0 / traumaWindows + 1.0 / relaxWindows);
    }

    /**
     * Draws the three edges' trauma-minus-relax outcomes ({@link Roi.Pair} order) at trauma couplings
     * {@code trauma} and relax couplings {@code relax} from standard normals {@code z} into {@code out}.
     */
    public void draw(double[] trauma, double[] relax, double[] z, double[] out) {
        atRelax(relax).draw(trauma, z, out);
    }

    /** This sampling at fixed relax couplings, what does not change from scan to scan computed once. */
    public AtRelax atRelax(double[] relax) {
        return new AtRelax(this, relax);
    }

    /**
     * The window sampling of a plan's scans: the relax couplings are the edges' base couplings,
     * the same in every scan, so their window correlations and means, and the effective number of
     * volumes, are computed once here rather than once per scan (the same arithmetic, so the
     * same draws).
     */
    public static final class AtRelax {

        private final ConnectivitySampling sampling;
        private final double effectiveVolumes;
        private final double[][] relaxCorrelation;
        private final double[] relaxMean = new double[3];

        private AtRelax(ConnectivitySampling sampling, double[] relax) {
            this.sampling = sampling;
            this.effectiveVolumes = sampling.effectiveVolumes();
            this.relaxCorrelation = windowCorrelation(relax);
            for (int p = 0; p < 3; p++) {
                relaxMean[p] = windowMean(relax[p]);
            }
        }

        /** {@link ConnectivitySampling#windowMean} with the effective volumes computed once. */
        private double windowMean(double rho) {
            return Connectivity.atanh(rho) + rho / (2 * (effectiveVolumes - 1));
        }

        /**
         * {@link ConnectivitySampling#draw} at this plan's relax couplings. Once per patient and
         * scan, so written out on scalars: the operations of {@link #windowCorrelation}, the
         * covariance sum, {@link Cholesky3#lower} and {@link Cholesky3#multiply} in their order,
         * the same doubles without the nine arrays they allocated.
         */
        public void draw(double[] trauma, double[] z, double[] out) {
            double[][] r = relaxCorrelation;
            double v = sampling.windowVariance();
            double tw = sampling.traumaWindows();
            double rw = sampling.relaxWindows();
            // the trauma couplings' window correlations (Steiger 1980), diagonal 1
            double c01 = steiger(trauma, 0, 1);
            double c02 = steiger(trauma, 0, 2);
            double c12 = steiger(trauma, 1, 2);
            // the lower triangle of cov = v (c / traumaWindows + r / relaxWindows)
            double a00 = v * (1.0 / tw + r[0][0] / rw);
            double a10 = v * (c01 / tw + r[1][0] / rw);
            double a11 = v * (1.0 / tw + r[1][1] / rw);
            double a20 = v * (c02 / tw + r[2][0] / rw);
            double a21 = v * (c12 / tw + r[2][1] / rw);
            double a22 = v * (1.0 / tw + r[2][2] / rw);
            // Cholesky3.lower
            double l00;
            double l10;
            double l11;
            double l20;
            double l21;
            double l22;
            boolean definite = a00 > 0;
            l00 = Math.sqrt(a00);
            l10 = a10 / l00;
            double s11 = a11 - l10 * l10;
            definite &= s11 > 0;
            l11 = Math.sqrt(s11);
            l20 = a20 / l00;
            l21 = (a21 - l20 * l10) / l11;
            double s22 = a22;
            s22 -= l20 * l20;
            s22 -= l21 * l21;
            definite &= s22 > 0;
            l22 = Math.sqrt(s22);
            if (!definite) {
                // the asymptotic covariance is positive semi-definite; only a degenerate coupling
                // (an edge at the limit) can make it singular: draw the edges independently then
                double sd = Math.sqrt(sampling.outcomeVariance());
                l00 = sd;
                l10 = 0;
                l11 = sd;
                l20 = 0;
                l21 = 0;
                l22 = sd;
            }
            // Cholesky3.multiply: out_i = sum_k l_ik z_k, from 0
            double o0 = 0;
            o0 += l00 * z[0];
            double o1 = 0;
            o1 += l10 * z[0];
            o1 += l11 * z[1];
            double o2 = 0;
            o2 += l20 * z[0];
            o2 += l21 * z[1];
            o2 += l22 * z[2];
            out[0] = o0 + (windowMean(trauma[0]) - relaxMean[0]);
            out[1] = o1 + (windowMean(trauma[1]) - relaxMean[1]);
            out[2] = o2 + (windowMean(trauma[2]) - relaxMean[2]);
        }
    }

    /** Entry [a][b], a &lt; b, of {@link #windowCorrelation}: the same operations. */
    private static double steiger(double[] rho, int a, int b) {
        double rjk = rho[a];
        double rjm = rho[b];
        double rkm = rho[OTHER_EDGE[a][b]];
        double psi = rkm * (1 - rjk * rjk - rjm * rjm) - 0.5 * rjk * rjm * (1 - rjk * rjk - rjm * rjm - rkm * rkm);
        return psi / ((1 - rjk * rjk) * (1 - rjm * rjm));
    }

    /** Correlation of the three edges' window z at couplings {@code rho} (Roi.Pair order), Steiger 1980. */
    static double[][] windowCorrelation(double[] rho) {
        double[][] m = new double[3][3];
        for (int a = 0; a < 3; a++) {
            m[a][a] = 1;
            for (int b = a + 1; b < 3; b++) {
                double rjk = rho[a];
                double rjm = rho[b];
                double rkm = rho[OTHER_EDGE[a][b]];
                double psi = rkm * (1 - rjk * rjk - rjm * rjm) - 0.5 * rjk * rjm * (1 - rjk * rjk - rjm * rjm - rkm * rkm);
                m[a][b] = psi / ((1 - rjk * rjk) * (1 - rjm * rjm));
                m[b][a] = m[a][b];
            }
        }
        return m;
    }

    /**
     * [a][b], a &lt; b: the edge joining the regions that edges a and b do not share (the k-h edge of
     * Steiger's formula), found once here rather than by searching the pairs at every scan.
     */
    private static final int[][] OTHER_EDGE = otherEdges();

    private static int[][] otherEdges() {
        Roi.Pair[] pairs = Roi.Pair.values();
        int[][] other = new int[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                Roi shared = shared(pairs[a], pairs[b]);
                other[a][b] = pairOf(other(pairs[a], shared), other(pairs[b], shared)).ordinal();
            }
        }
        return other;
    }

    private static Roi shared(Roi.Pair a, Roi.Pair b) {
        return a.first() == b.first() || a.first() == b.second() ? a.first() : a.second();
    }

    private static Roi other(Roi.Pair p, Roi r) {
        return p.first() == r ? p.second() : p.first();
    }

    private static Roi.Pair pairOf(Roi a, Roi b) {
        for (Roi.Pair p : Roi.Pair.values()) {
            if (p.first() == a && p.second() == b || p.first() == b && p.second() == a) {
                return p;
            }
        }
        throw new IllegalArgumentException(a + " " + b);
    }

    /**
     * Couplings the three regions can have at once: when the 3 x 3 correlation matrix of
     * {@code rho} (Roi.Pair order) is not positive definite (possible when loadings are large),
     * all three are shrunk toward 0 by the least common factor that makes it so (bisection to
     * 1e-9, then a margin keeping the smallest leading minor above 1e-3). Both the series and the
     * fast path use the result.
     */
    public static double[] admissible(double[] rho) {
        if (admits(rho, 1)) {
            return rho.clone();
        }
        double lo = 0;
        double hi = 1;
        while (hi - lo > 1e-9) {
            double mid = (lo + hi) / 2;
            if (admits(rho, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new double[] {lo * rho[0], lo * rho[1], lo * rho[2]};
    }

    private static boolean admits(double[] rho, double f) {
        double a = f * rho[Roi.Pair.AMYGDALA_HIPPOCAMPUS.ordinal()];
        double b = f * rho[Roi.Pair.AMYGDALA_VMPFC.ordinal()];
        double c = f * rho[Roi.Pair.HIPPOCAMPUS_VMPFC.ordinal()];
        return 1 - a * a > 1e-3 && 1 - a * a - b * b - c * c + 2 * a * b * c > 1e-3;
    }
}
