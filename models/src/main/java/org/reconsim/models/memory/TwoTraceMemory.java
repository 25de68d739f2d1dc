package org.reconsim.models.memory;

/**
 * The two-trace model (MODEL.md section 2a): an original trauma association {@code E} and
 * context-tagged extinction traces {@code X_j} that decay with time since last trained.
 * <pre>
 *   X_eff,j(t) = X_j * (r + (1 - r) * exp(-(t - t_j) / tau_X))
 *   R_k(t)     = max(0, E - sum_j s(j,k) * X_eff,j(t)),  s(j,j) = 1, s(j,k) = s otherwise
 *   trial:       dX_k = eta_X * g * R_k;  while labile also dE = -eta_E * g * R_k
 *   restabilize: E <- rho * E
 * </pre>
 * where {@code r} is the extinction retention and {@code g} the learning gain.
 */
public final class TwoTraceMemory implements TraumaMemory {

    private final TwoTraceParameters p;
    private final double ageDaysAtStart;
    private double e;
    private final double[] x = new double[Context.ALL.length];
    private final double[] trainedAt = new double[Context.ALL.length];
    private double labileSince = Double.NaN;
    private double labileUntil = Double.NaN;
    private boolean labile;

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
        this.x[Context.HOME.ordinal()] = x0;
    }

    @Override
    public double extinctionRecall(Context context, double t) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            if (x[j] == 0) {
                continue;
            }
            double s = j == context.ordinal() ? 1 : p.contextTransfer();
            sum += s * effectiveExtinction(j, t);
        }
        return sum;
    }

    private double effectiveExtinction(int j, double t) {
        double r = p.extinctionRetention();
        double dt = Math.max(0, t - trainedAt[j]);
        return x[j] * (r + (1 - r) * Math.exp(-dt / p.extinctionDecayHours()));
    }

    @Override
    public double expression(Context context, double t) {
        return Math.max(0, e - extinctionRecall(context, t));
    }

    @Override
    public double destabilizationProbability(Context context, double t, double reexposureMinutes) {
        double ageDays = ageDaysAtStart + t / 24.0;
        return p.destabilizationProbability(expression(context, t), reexposureMinutes, e, ageDays);
    }

    @Override
    public boolean retrieve(Context context, double t, double reexposureMinutes, double uniform) {
        if (isLabile(t)) {
            return false;
        }
        if (uniform < destabilizationProbability(context, t, reexposureMinutes)) {
            labile = true;
            labileSince = t;
            labileUntil = t + p.labileWindowHours();
            return true;
        }
        return false;
    }

    @Override
    public double exposureTrial(Context context, double t, double learningGain) {
        int k = context.ordinal();
        double r = expression(context, t);
        // consolidate the decayed extinction before adding to it: decay is loss, not pause
        x[k] = effectiveExtinction(k, t);
        trainedAt[k] = t;
        // Rescorla-Wagner with outcome 0: dX = eta_X * R; R >= 0 keeps X <= E in context
        x[k] += Math.min(1, p.etaExtinction() * learningGain) * r;
        if (isLabile(t)) {
            e = Math.max(0, e - Math.min(1, p.etaUpdate() * learningGain) * r);
        }
        return r;
    }

    @Override
    public boolean isLabile(double t) {
        return labile && t < labileUntil;
    }

    @Override
    public double labileSince() {
        return labileSince;
    }

    @Override
    public double labileUntil() {
        return labileUntil;
    }

    @Override
    public void restabilize(double rho) {
        if (!labile) {
            return;
        }
        e *= Math.max(0, Math.min(1, rho));
        labile = false;
    }

    @Override
    public double traceStrength() {
        return e;
    }
}
