package org.reconsim.models.memory.latentcause;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * One subject's latent-cause memory, local MAP version (Gershman, Monfils, Norman & Niv 2017,
 * eLife 6:e23763; docs/MODEL.md section 2b). Mutable, owned by one subject, not thread-safe.
 *
 * <p>Trial n at time t, stimulus x (D features), outcome r; causes k = 1..K:
 * <pre>
 *   prior       P(k)   proportional to  sum over earlier trials t' assigned to k of (t - t')^-g   (cause in use)
 *                                       alpha                              (the first unused cause)
 *                                       0                                  (other unused causes; all once K are in use)
 *   likelihood  P(x|k) = prod_d N(x_d; xhat_kd, nu_k),
 *               xhat_kd = S_kd / (N_k + sigma_x^2),   nu_k = sigma_x^2 / (N_k + sigma_x^2) + sigma_x^2
 *   before the outcome   q_k = P(k) P(x|k) / sum_j P(j) P(x|j)
 *   response    V = sum_k q_k (x . w_k),   CR = 1 - Phi(theta; V, lambda) = 1 - Phi((theta - V) / lambda)
 *   EM iteration, repeated n_iter times:
 *               post_k = q_k N(r; x . w_k, sigma_r^2) / sum_j q_j N(r; x . w_j, sigma_r^2)
 *               w_k   &lt;- w_k + eta x (r - x . w_k) post_k                  (every k, same x . w_k as in post)
 *               after protein-synthesis inhibition psi:  w_k &lt;- w_k (1 - psi post_k)
 *   n_iter      = max(1, min(maxIter, round(t_next - t)))
 *   assignment  z_n = argmax_k post_k (lowest k on ties): N_k += 1, S_k += x, t joins k's history
 * </pre>
 * N_k is the number of trials assigned to k and S_kd the sum of their feature d. The
 * likelihood is the posterior predictive of a cause's feature mean under a N(0, 1) prior with
 * noise sigma_x^2, so an unused cause predicts N(0, 1 + sigma_x^2) per feature. CR is the
 * returned conditioned response, computed before any learning on the trial.
 *
 * <p>Why learning is split in time: in the paper each EM iteration takes one time unit of the
 * interval that follows a trial (Fig. 12 caption; {@code imm_localmap.m} takes n_iter from the
 * distance to the next trial), which is how a retrieval trial has time to pull the old cause
 * toward the extinction trials that follow. So the first iteration runs at the trial and the
 * others when the next trial (or {@link #advanceTo}) says how much time has passed; the last
 * trial's assignment is provisional until then and moves if its posterior's argmax changes.
 * The result is identical to running all n_iter iterations at the trial.
 *
 * <p>As in the authors' code, all K weight vectors are EM parameters: the first unused cause
 * learns in proportion to its posterior even on trials finally assigned elsewhere, so a new
 * cause starts from those weights, not from 0.
 *
 * <p>Checked against the authors' {@code imm_localmap.m} (LatentCauseReferenceTest, to 1e-12).
 * Two differences, both outside the paper's protocols (trials there are whole units apart):
 * an interval under 0.5 units still gets one iteration (the paper: "at least 1 EM iteration is
 * always performed"; the code would run none), and inhibition of strength psi uses
 * {@code 1 - psi post_k} where the code has {@code (1 - post_k) psi} (equal for psi = 1, the
 * value in all its simulations but one, design 17).
 */
public final class LatentCauseMemory {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);

    private LatentCauseParameters p;
    private final int causes;
    private final int features;

    /** Weights w_kd at [k * D + d]. */
    private final double[] w;
    /** Feature sums S_kd at [k * D + d]. */
    private final double[] featureSum;
    private final int[] count;
    /** Causes with at least one trial; they are always 0..inUse-1. */
    private int inUse;

    private double[] trialTimes = new double[64];
    private int[] trialCause = new int[64];
    private int trials;
    /**
     * Each cause's trial times, oldest first, [k][0..causeTrials[k]): the prior sums a cause's
     * kernel terms in one register, in trial order, which is the order (and so the rounding) of a
     * sum over all trials into that cause's slot, without the scattered adds' store-to-load chain.
     */
    private final double[][] causeTimes;
    private final int[] causeTrials;
    /**
     * log(nu_k) and the N_k and sigma_x^2 it was computed from: nu_k changes only when a trial
     * joins or leaves k, while every prediction (each trial and each peek) needs it for every cause.
     */
    private final double[] logNu;
    private final int[] logNuCount;
    private final double[] logNuSigma;

    // the last trial
    private final double[] x;
    private double r;
    private double time = Double.NaN;
    /** Causes that could take the last trial: those in use and the first unused one. */
    private int candidates;
    private final double[] prior;
    private final double[] logLikelihood;
    /** log(P(k) P(x|k)), -infinity for causes that cannot take the trial. */
    private final double[] logJoint;
    private final double[] posteriorBeforeOutcome;
    private final double[] posterior;
    private final double[] causePrediction;
    private double prediction = Double.NaN;
    private int iterationsDone;
    private double psi;

    /** Counts the public changes of the memory's state: a {@link #peek} is remembered until the next one. */
    private int changes;
    /**
     * The last {@value #REMEMBERED_PEEKS} peeks (a scan asks for the cue in the scanner, at home,
     * then in the scanner again, all at one moment): time, stimulus, state and parameters asked
     * with, and the answer; slot {@code nextPeekSlot} is replaced next.
     */
    private static final int REMEMBERED_PEEKS = 2;
    private final double[] peekTime = {Double.NaN, Double.NaN};
    private final double[][] peekStimulus;
    private final int[] peekChanges = {-1, -1};
    private final LatentCauseParameters[] peekParameters = new LatentCauseParameters[REMEMBERED_PEEKS];
    private final double[] peekResponse = new double[REMEMBERED_PEEKS];
    private int nextPeekSlot;
    /** Scratch of {@link #peek}'s prediction (its values are not kept), and the state a peek's pending learning saves. */
    private final double[] scratchPrior;
    private final double[] scratchLogLikelihood;
    private final double[] scratchLogJoint;
    private final double[] scratchPosterior;
    private final Pending saved;

    /**
     * A naive subject: no causes yet, all weights 0.
     *
     * @param p        model parameters
     * @param features number of stimulus features D (&gt;= 1)
     */
    public LatentCauseMemory(LatentCauseParameters p, int features) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, was " + features);
        }
        this.p = p;
        this.causes = p.maxCauses();
        this.features = features;
        this.w = new double[causes * features];
        this.featureSum = new double[causes * features];
        this.count = new int[causes];
        this.x = new double[features];
        this.prior = new double[causes];
        this.logLikelihood = new double[causes];
        this.logJoint = new double[causes];
        this.posteriorBeforeOutcome = new double[causes];
        this.posterior = new double[causes];
        this.causePrediction = new double[causes];
        this.causeTimes = new double[causes][8];
        this.causeTrials = new int[causes];
        this.logNu = new double[causes];
        this.logNuCount = new int[causes];
        Arrays.fill(logNuCount, -1);
        this.logNuSigma = new double[causes];
        this.peekStimulus = new double[REMEMBERED_PEEKS][features];
        this.scratchPrior = new double[causes];
        this.scratchLogLikelihood = new double[causes];
        this.scratchLogJoint = new double[causes];
        this.scratchPosterior = new double[causes];
        this.saved = new Pending();
    }

    /**
     * One trial: infers the cause, returns the conditioned response CR (before learning), then
     * learns from the outcome (class comment). Times must increase strictly.
     *
     * @param t        time of the trial, model units
     * @param stimulus feature intensities x (length D); copied
     * @param outcome  the US r (1 reinforced, 0 not)
     * @return CR in 0..1
     */
    public double trial(double t, double[] stimulus, double outcome) {
        if (stimulus.length != features) {
            throw new IllegalArgumentException("stimulus has " + stimulus.length + " features, expected " + features);
        }
        if (!Double.isFinite(t) || trials > 0 && !(t > time)) {
            throw new IllegalArgumentException("trial times must be finite and increase, got " + t + " after " + time);
        }
        if (!Double.isFinite(outcome)) {
            throw new IllegalArgumentException("outcome must be finite, was " + outcome);
        }
        for (int d = 0; d < features; d++) {
            if (!Double.isFinite(stimulus[d])) {
                throw new IllegalArgumentException("stimulus feature " + d + " is not finite");
            }
        }
        changes++;
        if (trials > 0) {
            finishLearning(t); // uses the previous trial's x: copy the new one only after
        }
        System.arraycopy(stimulus, 0, x, 0, features);
        r = outcome;
        time = t;
        psi = 0;
        iterationsDone = 0;

        inferBeforeOutcome();
        double response = 0.5 * Erfc.value((p.theta() - prediction) / (p.lambda() * SQRT2));

        iterate();
        record(t, argmaxPosterior());
        return response;
    }

    /**
     * Lets time pass to {@code t} without a trial: the last trial's learning runs the iterations
     * that fit (at most n_iter in all, counting those already run) and its assignment settles.
     * A later trial adds only the iterations its larger interval allows.
     */
    public void advanceTo(double t) {
        if (trials == 0) {
            return;
        }
        if (!(t >= time) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("cannot go back to " + t + " from " + time);
        }
        changes++;
        finishLearning(t);
    }

    /**
     * Protein-synthesis inhibition after the last trial: {@code w_k <- w_k (1 - psi post_k)} now,
     * with the last trial's posterior, and again after each of that trial's remaining EM
     * iterations (the authors' code applies it within every iteration of the injected trial). A
     * second call for the same trial replaces {@code psi} for the remaining iterations.
     *
     * @param psi strength in 0..1 (1: the weights of a cause with posterior 1 are erased)
     */
    public void inhibitProteinSynthesis(double psi) {
        if (!(psi >= 0 && psi <= 1)) {
            throw new IllegalArgumentException("psi must be in 0..1, was " + psi);
        }
        if (trials == 0) {
            throw new IllegalStateException("no trial yet: there is no posterior to act on");
        }
        changes++;
        this.psi = psi;
        inhibit();
    }

    /**
     * Protein-synthesis inhibition with a given posterior (that of an earlier retrieval trial):
     * {@code w_k <- w_k (1 - psi post_k)}.
     */
    public void inhibitWith(double psi, double[] retrievalPosterior) {
        changes++;
        for (int k = 0; k < Math.min(causes, retrievalPosterior.length); k++) {
            double keep = 1 - psi * retrievalPosterior[k];
            int base = k * features;
            for (int d = 0; d < features; d++) {
                w[base + d] *= keep;
            }
        }
    }

    /** Multiplies every weight (a drug that strengthens what is retrieved). */
    public void scaleWeights(double factor) {
        changes++;
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor;
        }
    }

    /** Largest weight of feature {@code d} over the causes in use. */
    public double strongestWeight(int d) {
        double best = 0;
        for (int k = 0; k < inUse; k++) {
            best = Math.max(best, w[k * features + d]);
        }
        return best;
    }

    /**
     * Replaces the parameters from the next computation on (mechanism M4 shifts alpha and
     * sigma_r^2 with drug occupancy); iterations still pending for the last trial use them too.
     */
    public void useParameters(LatentCauseParameters next) {
        if (next.maxCauses() != causes) {
            throw new IllegalArgumentException("maxCauses cannot change: " + causes + " -> " + next.maxCauses());
        }
        this.p = next;
    }

    /** The parameters in force. */
    public LatentCauseParameters parameters() {
        return p;
    }

    /** Posterior over the K causes of the last trial given its outcome, after its latest iteration. */
    public double[] posterior() {
        return posterior.clone();
    }

    /** The last trial's posterior before its outcome, q_k, which weighted the response. */
    public double[] posteriorBeforeOutcome() {
        return posteriorBeforeOutcome.clone();
    }

    /** The last trial's normalized prior over the K causes. */
    public double[] prior() {
        return prior.clone();
    }

    /** The last trial's stimulus likelihood P(x|k) (a density) for each of the K causes. */
    public double[] likelihood() {
        double[] out = new double[causes];
        for (int k = 0; k < causes; k++) {
            out[k] = Math.exp(logLikelihood[k]);
        }
        return out;
    }

    /** The last trial's predicted outcome V = sum_k q_k (x . w_k), before learning. */
    public double prediction() {
        return prediction;
    }

    /** Copy of the weights, [cause][feature]. */
    public double[][] weights() {
        double[][] out = new double[causes][];
        for (int k = 0; k < causes; k++) {
            out[k] = Arrays.copyOfRange(w, k * features, (k + 1) * features);
        }
        return out;
    }

    /** Number of causes with at least one trial assigned (the last trial's provisionally). */
    public int causesInUse() {
        return inUse;
    }

    /** Number of trials so far. */
    public int trials() {
        return trials;
    }

    private void inferBeforeOutcome() {
        candidates = inUse < causes ? inUse + 1 : causes;
        prediction = predict(time, x, prior, logLikelihood, logJoint, posteriorBeforeOutcome);
    }

    /**
     * The conditioned response a CS with features {@code stimulus} would evoke at time
     * {@code t}, without a trial. Pure: the answer includes the learning the last trial would
     * have done by {@code t} (its pending EM iterations and settled assignment, as
     * {@link #advanceTo}), but the memory is left exactly as it was, so asking never changes
     * what the subject later learns or expresses (a weekly rating must not change the patient).
     */
    public double peek(double t, double[] stimulus) {
        if (stimulus.length != features) {
            throw new IllegalArgumentException("stimulus has " + stimulus.length + " features, expected " + features);
        }
        if (trials > 0 && (!(t >= time) || Double.isInfinite(t))) {
            throw new IllegalArgumentException("cannot go back to " + t + " from " + time);
        }
        // a scan asks for the same cue at the same moment more than once (fear, then extinction recall)
        for (int slot = 0; slot < REMEMBERED_PEEKS; slot++) {
            if (t == peekTime[slot] && changes == peekChanges[slot] && p == peekParameters[slot]
                    && Arrays.equals(stimulus, peekStimulus[slot])) {
                return peekResponse[slot];
            }
        }
        double v;
        if (trials > 0 && iterationsDone < iterationsFor(t)) {
            saved.save();
            finishLearning(t);
            v = predict(t, stimulus, scratchPrior, scratchLogLikelihood, scratchLogJoint, scratchPosterior);
            saved.restore();
        } else {
            v = predict(t, stimulus, scratchPrior, scratchLogLikelihood, scratchLogJoint, scratchPosterior);
        }
        double response = 0.5 * Erfc.value((p.theta() - v) / (p.lambda() * SQRT2));
        int slot = nextPeekSlot;
        nextPeekSlot = (slot + 1) % REMEMBERED_PEEKS;
        peekTime[slot] = t;
        peekChanges[slot] = changes;
        peekParameters[slot] = p;
        System.arraycopy(stimulus, 0, peekStimulus[slot], 0, features);
        peekResponse[slot] = response;
        return response;
    }

    /** What {@link #finishLearning} changes, saved so that {@link #peek} can undo it (one per memory, reused). */
    private final class Pending {
        private final double[] weights = new double[w.length];
        private final double[] post = new double[posterior.length];
        private final double[] sums = new double[featureSum.length];
        private final int[] counts = new int[count.length];
        private int causesInUse;
        private int lastCause;
        private int done;

        void save() {
            System.arraycopy(w, 0, weights, 0, w.length);
            System.arraycopy(posterior, 0, post, 0, posterior.length);
            System.arraycopy(featureSum, 0, sums, 0, featureSum.length);
            System.arraycopy(count, 0, counts, 0, count.length);
            causesInUse = inUse;
            lastCause = trialCause[trials - 1];
            done = iterationsDone;
        }

        void restore() {
            System.arraycopy(weights, 0, w, 0, w.length);
            System.arraycopy(post, 0, posterior, 0, posterior.length);
            System.arraycopy(sums, 0, featureSum, 0, featureSum.length);
            System.arraycopy(counts, 0, count, 0, count.length);
            inUse = causesInUse;
            if (trialCause[trials - 1] != lastCause) {
                moveLastTrial(trialCause[trials - 1], lastCause);
            }
            trialCause[trials - 1] = lastCause;
            iterationsDone = done;
        }
    }

    /**
     * Prior (ddCRP with the power-law kernel), feature likelihood and posterior over causes
     * for {@code stim} at {@code now}, into the given arrays; returns V = sum_k post_k x.w_k.
     */
    private double predict(double now, double[] stim, double[] priorOut, double[] logLikOut, double[] logJointOut,
                           double[] postOut) {
        Arrays.fill(priorOut, 0);
        double g = p.g();
        for (int k = 0; k < causes; k++) {
            // sum_i (now - t_i)^-g over k's trials, oldest first: the additions of a sum over all
            // trials into k's slot, in the same order
            double[] times = causeTimes[k];
            int n = causeTrials[k];
            if (n == 0) {
                continue;
            }
            double sum = 0;
            if (g == 1) {
                for (int i = 0; i < n; i++) {
                    sum += 1 / (now - times[i]);
                }
            } else if (g == 0) {
                for (int i = 0; i < n; i++) {
                    sum += 1;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    sum += Math.pow(now - times[i], -g);
                }
            }
            priorOut[k] = sum;
        }
        int cand = inUse < causes ? inUse + 1 : causes;
        if (inUse < causes) {
            priorOut[inUse] = p.alpha();
        }
        double sum = 0;
        for (int k = 0; k < cand; k++) {
            sum += priorOut[k];
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            // K causes in use and every kernel underflowed: no temporal information left
            Arrays.fill(priorOut, 0, cand, 1.0);
            sum = cand;
        }
        for (int k = 0; k < cand; k++) {
            priorOut[k] /= sum;
        }

        // Gaussian posterior predictive of the features; every unused cause has the same one
        double sx = p.sigmaX2();
        double unused = Double.NaN;
        for (int k = 0; k < causes; k++) {
            if (k > inUse) {
                logLikOut[k] = unused;
                continue;
            }
            double shrink = count[k] + sx;
            double nu = sx / shrink + sx;
            if (logNuCount[k] != count[k] || Double.doubleToRawLongBits(logNuSigma[k]) != Double.doubleToRawLongBits(sx)) {
                logNu[k] = Math.log(nu);
                logNuCount[k] = count[k];
                logNuSigma[k] = sx;
            }
            double ss = 0;
            int base = k * features;
            for (int d = 0; d < features; d++) {
                double e = stim[d] - featureSum[base + d] / shrink;
                ss += e * e;
            }
            logLikOut[k] = -0.5 * (ss / nu + features * (LOG_2PI + logNu[k]));
            if (k == inUse) {
                unused = logLikOut[k];
            }
        }

        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < causes; k++) {
            logJointOut[k] = k < cand ? Math.log(priorOut[k]) + logLikOut[k] : Double.NEGATIVE_INFINITY;
            max = Math.max(max, logJointOut[k]);
        }
        normalizeExp(logJointOut, max, postOut);

        double v = 0;
        for (int k = 0; k < cand; k++) {
            double dot = 0;
            int base = k * features;
            for (int d = 0; d < features; d++) {
                dot += stim[d] * w[base + d];
            }
            v += postOut[k] * dot;
        }
        return v;
    }

    /** One EM iteration for the last trial: posterior with the outcome, then the delta rule. */
    private void iterate() {
        double halfPrecision = 0.5 / p.sigmaR2();
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < candidates; k++) {
            double v = dot(k);
            causePrediction[k] = v;
            double e = r - v;
            posterior[k] = logJoint[k] - halfPrecision * e * e;
            max = Math.max(max, posterior[k]);
        }
        for (int k = candidates; k < causes; k++) {
            posterior[k] = Double.NEGATIVE_INFINITY;
        }
        normalizeExp(posterior, max, posterior);

        double eta = p.eta();
        for (int k = 0; k < candidates; k++) {
            double step = eta * (r - causePrediction[k]) * posterior[k];
            int base = k * features;
            for (int d = 0; d < features; d++) {
                w[base + d] += step * x[d];
            }
        }
        if (psi > 0) {
            inhibit();
        }
        iterationsDone++;
    }

    private void inhibit() {
        for (int k = 0; k < candidates; k++) {
            double keep = 1 - psi * posterior[k];
            int base = k * features;
            for (int d = 0; d < features; d++) {
                w[base + d] *= keep;
            }
        }
    }

    /** Runs the last trial's remaining iterations for the time up to {@code t}; settles its cause. */
    private void finishLearning(double t) {
        int target = iterationsFor(t);
        if (iterationsDone >= target) {
            return;
        }
        while (iterationsDone < target) {
            iterate();
        }
        int best = argmaxPosterior();
        int last = trials - 1;
        int was = trialCause[last];
        if (best != was) {
            unassign(was);
            assign(best);
            trialCause[last] = best;
            moveLastTrial(was, best);
        }
    }

    /** n_iter of the last trial when the next trial (or query) comes at {@code t}. */
    private int iterationsFor(double t) {
        long fit = Math.round(t - time);
        return (int) Math.max(1, Math.min(p.maxIter(), fit));
    }

    private int argmaxPosterior() {
        int best = 0;
        for (int k = 1; k < candidates; k++) {
            if (posterior[k] > posterior[best]) {
                best = k;
            }
        }
        return best;
    }

    private void record(double t, int k) {
        if (trials == trialTimes.length) {
            trialTimes = Arrays.copyOf(trialTimes, 2 * trials);
            trialCause = Arrays.copyOf(trialCause, 2 * trials);
        }
        trialTimes[trials] = t;
        trialCause[trials] = k;
        trials++;
        appendTime(k, t);
        assign(k);
    }

    private void appendTime(int k, double t) {
        if (causeTrials[k] == causeTimes[k].length) {
            causeTimes[k] = Arrays.copyOf(causeTimes[k], 2 * causeTrials[k]);
        }
        causeTimes[k][causeTrials[k]++] = t;
    }

    /** The newest trial changes cause: it is the last of {@code from}'s times and becomes the last of {@code to}'s. */
    private void moveLastTrial(int from, int to) {
        causeTrials[from]--;
        appendTime(to, trialTimes[trials - 1]);
    }

    private void assign(int k) {
        if (count[k]++ == 0) {
            inUse++;
        }
        int base = k * features;
        for (int d = 0; d < features; d++) {
            featureSum[base + d] += x[d];
        }
    }

    /** Takes the last trial back from cause k; only the newest cause can become empty. */
    private void unassign(int k) {
        int base = k * features;
        if (--count[k] == 0) {
            inUse--;
            Arrays.fill(featureSum, base, base + features, 0.0); // exact zero, no rounding residue
            return;
        }
        for (int d = 0; d < features; d++) {
            featureSum[base + d] -= x[d];
        }
    }

    private double dot(int k) {
        double s = 0;
        int base = k * features;
        for (int d = 0; d < features; d++) {
            s += x[d] * w[base + d];
        }
        return s;
    }

    /** out_k = exp(log_k - max) / sum_j exp(log_j - max); log_k = -infinity gives 0. */
    private static void normalizeExp(double[] log, double max, double[] out) {
        double sum = 0;
        for (int k = 0; k < log.length; k++) {
            double e = log[k] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(log[k] - max);
            out[k] = e;
            sum += e;
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
    }
}
