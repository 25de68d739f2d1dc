package org.reconsim.models.memory;

/**
 * The two-trace model (docs/MODEL.md section 2a): an original trauma association {@code E} and
 * context-tagged extinction traces {@code X_j} that decay with time since last trained.
 * <pre>
 *   X_eff,j(t) = P_j + D_j * exp(-(t - t_j) / tau_X)
 *   each increment dX of extinction in j: P_j += r dX (never decays), D_j += (1 - r) dX (decays)
 *   R_k(t)     = max(0, E - (1 - C_k(t)) * sum_j s(j,k) * X_eff,j(t)),  s(j,j) = 1, s(j,k) = s otherwise
 *   trial with outcome o, error d = o - R_k:
 *     d > 0 (reinforced):      dE   = eta_A * g * d
 *     d < 0 (non-reinforced):  dX_k = eta_X * g * |d|;  while labile also dE = -eta_E * g * |d|
 *   restabilize: E <- rho * E
 *   unsignalled aversive event in k: C_k <- C_k + c (1 - C_k), decaying with tau_C
 * </pre>
 * where {@code r} is the extinction retention (the share of every increment of extinction that
 * never decays), {@code t_j} the last training in context j (where the decayed part is
 * consolidated: {@code D_j <- D_j exp(-(t - t_j) / tau_X)}), {@code g} the learning gain and {@code C_k}
 * the context fear that releases extinction's inhibition (reinstatement: Rescorla & Heth
 * 1975; Bouton 2004). Reinstatement thus needs the original trace: after reconsolidation
 * updating has lowered E there is little to reinstate (Monfils 2009).
 *
 * <p>For one training episode this is {@code X_j (r + (1 - r) exp(-(t - t_j) / tau_X))}. The
 * permanent and the decaying parts are kept apart so that retraining after a delay applies the
 * retained share once: folding the decayed total back into one trace and decaying it again
 * would multiply its permanent part by r at every retraining.
 */
public final class TwoTraceMemory implements TraumaMemory {

    private final TwoTraceParameters p;
    private final double ageDaysAtStart;
    private double e;
    /** P_j: the part of each context's extinction that never decays. */
    private final double[] permanent = new double[Context.ALL.length];
    /** D_j: the decaying part, as it was at the last training {@code trainedAt[j]}. */
    private final double[] decaying = new double[Context.ALL.length];
    private final double[] trainedAt = new double[Context.ALL.length];
    private final double[] contextFear = new double[Context.ALL.length];
    private final double[] contextFearAt = new double[Context.ALL.length];
    private final LabileWindow window = new LabileWindow();

    /**
     * @param p           model parameters
     * @param e0          initial trace strength (0..1)
     * @param x0          initial extinction, learned at home before the trial (0..1)
     * @param ageDays     age of the memory at t = 0
     */
    public TwoTraceMemory(TwoTraceParameters p, double e0, double x0, double ageDays) {
        this.p = p;
        this.e = e0;
        this.ageDaysAtStart = ageDays;
        int home = Context.HOME.ordinal();
        double r = p.extinctionRetention();
        this.permanent[home] = r * x0;
        this.decaying[home] = (1 - r) * x0;
    }

    /**
     * The last extinction recall: its context, time and the extinction state it was read from. A
     * scan reads the recall in the scanner three times at one moment (fear, recall, the script's
     * retrieval and trial), a session its retelling and first trial at one moment.
     */
    private int recallContext = -1;
    private double recallTime;
    private int recallState;
    private double recallValue;
    /** Changes whenever the extinction traces do (P_j, D_j or t_j). */
    private int extinctionState;

    @Override
    public double extinctionRecall(Context context, double t) {
        int c = context.ordinal();
        if (c == recallContext && t == recallTime && extinctionState == recallState) {
            return recallValue;
        }
        double sum = summedRecall(context, t);
        recallContext = c;
        recallTime = t;
        recallState = extinctionState;
        recallValue = sum;
        return sum;
    }

    private double summedRecall(Context context, double t) {
        double sum = 0;
        for (int j = 0; j < permanent.length; j++) {
            if (permanent[j] == 0 && decaying[j] == 0) {
                continue;
            }
            double s = j == context.ordinal() ? 1 : p.contextTransfer();
            sum += s * effectiveExtinction(j, t);
        }
        return sum;
    }

    private double effectiveExtinction(int j, double t) {
        return permanent[j] + decayed(j, t);
    }

    /** D_j exp(-(t - t_j) / tau_X): what is left at {@code t} of the decaying part. */
    private double decayed(int j, double t) {
        // memo: a trial asks for the same context and time as the expression just before it
        if (t == memoTime[j] && decaying[j] == memoDecaying[j] && trainedAt[j] == memoTrainedAt[j]) {
            return memoValue[j];
        }
        double dt = Math.max(0, t - trainedAt[j]);
        double value = decaying[j] * Math.exp(-dt / p.extinctionDecayHours());
        memoTime[j] = t;
        memoDecaying[j] = decaying[j];
        memoTrainedAt[j] = trainedAt[j];
        memoValue[j] = value;
        return value;
    }

    /** Last decayed part per context, with the state it was computed from. */
    private final double[] memoTime = filled(Double.NaN);
    private final double[] memoDecaying = new double[Context.ALL.length];
    private final double[] memoTrainedAt = new double[Context.ALL.length];
    private final double[] memoValue = new double[Context.ALL.length];

    private static double[] filled(double v) {
        double[] a = new double[Context.ALL.length];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Override
    public double expression(Context context, double t) {
        return Math.max(0, e - (1 - contextFear(context, t)) * extinctionRecall(context, t));
    }

    private double contextFear(Context context, double t) {
        int k = context.ordinal();
        if (contextFear[k] == 0) {
            return 0;
        }
        return contextFear[k] * Math.exp(-Math.max(0, t - contextFearAt[k]) / p.reinstatementDecayHours());
    }

    @Override
    public void aversiveEvent(Context context, double t) {
        int k = context.ordinal();
        double c = contextFear(context, t);
        contextFear[k] = c + p.reinstatementRate() * (1 - c);
        contextFearAt[k] = t;
    }

    @Override
    public void scaleTrace(double factor) {
        e = Math.max(0, Math.min(1, e * factor));
    }

    @Override
    public double destabilizationProbability(Context context, double t, double reexposureMinutes) {
        double ageDays = ageDaysAtStart + t / 24.0;
        return p.destabilizationProbability(expression(context, t), reexposureMinutes, e, ageDays);
    }

    @Override
    public boolean retrieve(Context context, double t, double reexposureMinutes, double uniform) {
        return retrieve(context, t, reexposureMinutes, uniform, 1.0);
    }

    @Override
    public boolean retrieve(Context context, double t, double reexposureMinutes, double uniform, double destabilizationScale) {
        return retrieve(context, t, reexposureMinutes, 0, uniform, destabilizationScale);
    }

    @Override
    public boolean retrieve(Context context, double t, double reexposureMinutes, double outcome, double uniform,
                            double destabilizationScale) {
        if (isLabile(t)) {
            return false;
        }
        double predictionError = Math.abs(outcome - expression(context, t));
        double ageDays = ageDaysAtStart + t / 24.0;
        double p0 = p.destabilizationProbability(predictionError, reexposureMinutes, e, ageDays);
        if (uniform < destabilizationScale * p0) {
            window.open(t, p.labileWindowHours());
            return true;
        }
        return false;
    }

    @Override
    public double trial(Context context, double t, double outcome, double learningGain) {
        int k = context.ordinal();
        double r = expression(context, t);
        double error = outcome - r;
        if (error > 0) {
            // reinforced: Rescorla-Wagner toward the outcome strengthens the trauma trace
            e = Math.min(1, e + Math.min(1, p.etaAcquisition() * learningGain) * error);
            return r;
        }
        // consolidate the decayed part before adding to it: decay is loss, not pause; the
        // permanent part is left as it is (it has already been given its share r once)
        decaying[k] = decayed(k, t);
        trainedAt[k] = t;
        extinctionState++;
        // Rescorla-Wagner with outcome 0: dX = eta_X * |error|; the error never exceeds R,
        // so extinction cannot push expression below 0
        double surprise = -error;
        double dx = Math.min(1, p.etaExtinction() * learningGain) * surprise;
        double retained = p.extinctionRetention();
        permanent[k] += retained * dx;
        decaying[k] += (1 - retained) * dx;
        if (isLabile(t)) {
            e = Math.max(0, e - Math.min(1, p.etaUpdate() * learningGain) * surprise);
        }
        return r;
    }

    @Override
    public LabileWindow labileWindow() {
        return window;
    }

    @Override
    public void restabilize(double rho) {
        if (window.close()) {
            e *= Math.max(0, Math.min(1, rho));
        }
    }

    @Override
    public double traceStrength() {
        return e;
    }
}
