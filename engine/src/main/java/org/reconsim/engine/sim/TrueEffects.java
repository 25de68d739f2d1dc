package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;

/**
 * The true effects of a trial design, as potential outcomes: the same virtual patients are
 * simulated once in every arm, and the effect of one arm against another at an endpoint and
 * visit is the mean over patients of the difference of their observed values, the average
 * treatment effect (ATE). This is the quantity the trials' estimates estimate, so type S and
 * exaggeration are judged against it (docs/POWER.md).
 *
 * <p>How: patients 0 .. {@code pairs - 1} at the replicate coordinate {@link #COORDINATE}
 * (trials use 0, 1, 2, ..., so these draws perturb no trial). A patient's random streams are
 * addressed by (purpose, patient, replicate) and do not depend on the arm, so a patient's two
 * courses differ only through what the arm does to it: the drug's course, the mechanisms it
 * acts through, its nonspecific effects. Measurement noise is drawn identically in both arms
 * and cancels in the differences: under the null hypothesis (no active mechanism) and without
 * nonspecific differences between the arms every per-patient difference is exactly 0, so the
 * ATE is exactly 0, not merely small. Nobody drops out ({@link TrialPlan#withoutDropout}): the
 * effect had every patient been measured at every visit (ICH E9(R1)'s hypothetical strategy).
 *
 * <p>Standardized: d = ATE / SD with SD the pooled within-arm SD of the observed outcome at that
 * visit over the same patients, sqrt((var_treatment + var_control) / 2) (sample variances):
 * Cohen's d of a large trial. Monte Carlo error: the ATE's standard error is
 * sd(per-patient difference) / sqrt(pairs) ({@link Effect#mcse}); it is 0 when the effect is
 * the same in every patient.
 */
public final class TrueEffects {

    /** Counterfactual patients for a scenario's true effects (computed once per scenario). */
    public static final int PAIRS = 2000;
    /** Replicate coordinate of the counterfactual patients: negative, where no trial draws. */
    public static final int COORDINATE = -1;

    private static final int VISITS = Visit.values().length;
    /**
     * Patients per simulation: the counterfactual patients are simulated in chunks, on the
     * available cores (a few hundred milliseconds of every run's start, while the replicate threads
     * wait for the truth). Patients do not interact, so a patient's course does not depend on
     * which others share its schedule ({@link VirtualTrial#simulate}).
     */
    private static final int CHUNK = 250;

    private final int pairs;
    private final int endpoints;
    /** [arm index][visit * endpoints + endpoint][patient]: the observed value (NaN where missing). */
    private final double[][][] observed;

    private TrueEffects(int pairs, int endpoints, double[][][] observed) {
        this.pairs = pairs;
        this.endpoints = endpoints;
        this.observed = observed;
    }

    /**
     * Simulates patients 0 .. {@code pairs - 1} once in every arm of {@code plan}.
     *
     * @param pairs  counterfactual patients (at least 2); the first k of a larger set are the k of a smaller one
     */
    public static TrueEffects of(TrialPlan plan, RandomStreams streams, int pairs) {
        if (pairs < 2) {
            throw new IllegalArgumentException("a true effect needs at least 2 counterfactual patients, got " + pairs);
        }
        TrialPlan everyoneStays = plan.withoutDropout();
        int endpoints = plan.endpointCount();
        double[][][] observed = new double[plan.arms().size()][VISITS * endpoints][pairs];
        int chunks = (pairs + CHUNK - 1) / CHUNK;
        // each (arm, chunk) writes its own patients' cells; the parallel stream runs on the calling
        // thread and the common pool, and is complete when forEach returns
        IntStream.range(0, plan.arms().size() * chunks).parallel().forEach(job -> {
            ArmPlan arm = plan.arms().get(job / chunks);
            int from = job % chunks * CHUNK;
            int to = Math.min(pairs, from + CHUNK);
            List<VirtualTrial.Enrolment> some = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                some.add(new VirtualTrial.Enrolment(arm, i));
            }
            List<PatientOutcome> patients = VirtualTrial.simulate(everyoneStays, streams, COORDINATE, some);
            for (int i = from; i < to; i++) {
                PatientOutcome p = patients.get(i - from);
                for (int v = 0; v < VISITS; v++) {
                    for (int e = 0; e < endpoints; e++) {
                        observed[arm.index()][v * endpoints + e][i] = p.observed(v, e);
                    }
                }
            }
        });
        return new TrueEffects(pairs, endpoints, observed);
    }

    /** Counterfactual patients per arm. */
    public int pairs() {
        return pairs;
    }

    /**
     * A true effect.
     *
     * @param ate    mean over patients of treatment minus control (outcome units)
     * @param sd     pooled within-arm SD of the outcome at the visit
     * @param d      ate / sd (0 when the ATE is exactly 0; NaN when the SD is 0 and the ATE is not)
     * @param mcse   Monte Carlo standard error of the ATE: sd of the per-patient differences / sqrt(pairs)
     * @param pairs  patients with both values defined
     */
    public record Effect(double ate, double sd, double d, double mcse, int pairs) {

        /** Whether the arms do not differ at all: every patient's two values are equal. */
        public boolean isNull() {
            return ate == 0 && mcse == 0;
        }
    }

    /** The effect of {@code treatment} against {@code control} at one endpoint and visit. */
    public Effect effect(ArmPlan treatment, ArmPlan control, Endpoint endpoint, Visit visit) {
        int cell = visit.ordinal() * endpoints + endpoint.ordinal();
        double[] t = observed[treatment.index()][cell];
        double[] c = observed[control.index()][cell];
        int n = 0;
        double sumDiff = 0;
        double sumT = 0;
        double sumC = 0;
        for (int i = 0; i < pairs; i++) {
            if (!Double.isNaN(t[i]) && !Double.isNaN(c[i])) {
                n++;
                sumDiff += t[i] - c[i];
                sumT += t[i];
                sumC += c[i];
            }
        }
        if (n < 2) {
            return new Effect(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double ate = sumDiff / n;
        double meanT = sumT / n;
        double meanC = sumC / n;
        double ssDiff = 0;
        double ssT = 0;
        double ssC = 0;
        for (int i = 0; i < pairs; i++) {
            if (!Double.isNaN(t[i]) && !Double.isNaN(c[i])) {
                double dev = t[i] - c[i] - ate;
                ssDiff += dev * dev;
                ssT += (t[i] - meanT) * (t[i] - meanT);
                ssC += (c[i] - meanC) * (c[i] - meanC);
            }
        }
        double sd = Math.sqrt((ssT + ssC) / (2.0 * (n - 1)));
        double d = ate == 0 ? 0 : sd > 0 ? ate / sd : Double.NaN;
        return new Effect(ate, sd, d, Math.sqrt(ssDiff / (n - 1) / n), n);
    }
}
