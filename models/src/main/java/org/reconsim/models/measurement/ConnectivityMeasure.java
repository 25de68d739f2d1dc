package org.reconsim.models.measurement;

/**
 * The connectivity edges calibrated on a population (docs/MODEL.md section 5). Each edge's
 * trauma-minus-relax outcome is
 * <pre>
 *   y = S + subject + session,   S = mean_w z_trauma,w - mean_w z_relax,w   (window Fisher z)
 *   subject ~ N(0, subjectSd^2),  session ~ N(0, sessionSd^2)   (each correlated across edges)
 *   sessionSd^2 = (sd_true^2 (1 - icc) / icc) - V,   V = var(S | latent) ({@link ConnectivitySampling})
 *   sd_true^2 = var_population(E[S | latent]) + subjectSd^2
 * </pre>
 * so the whole scan-to-scan variance (window sampling plus session noise) is the one the edge's
 * test-retest ICC allows given all true-score variance. {@code var_population} is measured on the
 * calibration population's latents at the pre visit.
 */
public final class ConnectivityMeasure {

    private final EdgeCoupling[] edges = new EdgeCoupling[3];
    private final ConnectivitySampling sampling;
    private final double[] trueSd = new double[3];
    private final double[] sessionSd = new double[3];
    private final double[][] subjectFactor;
    private final double[][] noiseFactor;
    private final double[] relax;
    private final ConnectivitySampling.AtRelax scans;

    /**
     * @param fear       fear expression in the scanner of each calibration patient at the pre visit
     * @param trace      trace strength
     * @param extinction extinction recall in the scanner
     */
    public ConnectivityMeasure(ConnectivityEdges model, ConnectivitySampling sampling, double[] fear, double[] trace,
                               double[] extinction) {
        this.sampling = sampling;
        double[] base = new double[3];
        for (Roi.Pair p : Roi.Pair.values()) {
            edges[p.ordinal()] = model.edge(p);
            base[p.ordinal()] = model.edge(p).base();
        }
        this.relax = ConnectivitySampling.admissible(base);
        this.scans = sampling.atRelax(relax);
        this.subjectFactor = require(model.subjectCorrelation().factor(), "subject_correlation");
        this.noiseFactor = require(model.noiseCorrelation().factor(), "noise_correlation");
        int n = fear.length;
        double[][] expected = new double[3][n];
        for (int i = 0; i < n; i++) {
            double[] rho = trauma(fear[i], trace[i], extinction[i]);
            for (int p = 0; p < 3; p++) {
                expected[p][i] = sampling.windowMean(rho[p]) - sampling.windowMean(relax[p]);
            }
        }
        for (int p = 0; p < 3; p++) {
            EdgeCoupling e = edges[p];
            double latentVar = variance(expected[p]);
            trueSd[p] = Math.sqrt(latentVar + e.subjectSd() * e.subjectSd());
            double noiseVar = trueSd[p] * trueSd[p] * (1 - e.icc()) / e.icc();
            // the scenario check guarantees subjectSd alone leaves room for the sampling variance
            sessionSd[p] = Math.sqrt(Math.max(0, noiseVar - sampling.outcomeVariance()));
        }
    }

    private static double[][] require(double[][] factor, String field) {
        if (factor == null) {
            throw new IllegalArgumentException("measurement.connectivity." + field + " is not positive definite");
        }
        return factor;
    }

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /** The admissible trauma couplings (Roi.Pair order) at a memory state. */
    public double[] trauma(double fear, double trace, double extinction) {
        double[] rho = new double[3];
        for (int p = 0; p < 3; p++) {
            rho[p] = edges[p].trauma(fear, trace, extinction);
        }
        return ConnectivitySampling.admissible(rho);
    }

    /** The admissible sad, relax and rest couplings (Roi.Pair order): each edge's base. */
    public double[] relax() {
        return relax.clone();
    }

    /** The window sampling the fast path draws from. */
    public ConnectivitySampling sampling() {
        return sampling;
    }

    /** The edges' subject effects (Roi.Pair order) from standard normals {@code z}. */
    public double[] subjectEffects(double[] z) {
        double[] u = new double[3];
        Cholesky3.multiply(subjectFactor, z, u);
        for (int p = 0; p < 3; p++) {
            u[p] *= edges[p].subjectSd();
        }
        return u;
    }

    /** The edges' session noise (Roi.Pair order) from standard normals {@code z}. */
    public double[] sessionNoise(double[] z) {
        double[] u = new double[3];
        Cholesky3.multiply(noiseFactor, z, u);
        for (int p = 0; p < 3; p++) {
            u[p] *= sessionSd[p];
        }
        return u;
    }

    /** The fast path's window-sampling part S of the three edges at a memory state, from standard normals {@code z}. */
    public double[] windowSample(double fear, double trace, double extinction, double[] z) {
        double[] out = new double[3];
        scans.draw(trauma(fear, trace, extinction), z, out);
        return out;
    }

    /** SD of the session noise of an edge. */
    public double sessionSd(Roi.Pair pair) {
        return sessionSd[pair.ordinal()];
    }

    /** SD of the true score of an edge across the calibration population. */
    public double trueSd(Roi.Pair pair) {
        return trueSd[pair.ordinal()];
    }
}
