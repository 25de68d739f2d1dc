package org.reconsim.results.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.results.evaluation.Batches;
import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.Evaluator;
import org.reconsim.results.evaluation.LocalEvaluationEngine;
import org.reconsim.models.population.PatientGenerator;
import org.reconsim.models.population.StandardNormal;

/**
 * ABC-SMC with model choice: sequential Monte Carlo approximate Bayesian computation (Toni et
 * al. 2009, J R Soc Interface 6:187) over the hypotheses and free parameters of a
 * {@link SummarySimulator}, with
 * <ul>
 *   <li>importance weights as in Beaumont et al. 2009 (Biometrika 96:983): a Gaussian
 *       perturbation kernel per hypothesis with twice the weighted covariance of that
 *       hypothesis's previous particles ({@link GaussianKernel});</li>
 *   <li>an adaptive tolerance schedule (Del Moral et al. 2012, Stat Comput 22:1009): each
 *       generation's tolerance is a quantile ({@link AbcSettings#quantile()}) of the previous
 *       generation's distances;</li>
 *   <li>the model index as a parameter (Toni &amp; Stumpf 2010, Bioinformatics 26:104): a proposal
 *       picks a hypothesis from the previous generation's model probabilities, perturbs it
 *       (kept with probability {@link AbcSettings#modelStay()}, else another surviving one),
 *       then perturbs one of that hypothesis's particles. A hypothesis whose probability falls to
 *       0 stays dead. Posterior model probabilities are the sums of the particles' weights.</li>
 * </ul>
 * A particle's weight is its joint prior density over its proposal density,
 * pi(m) pi(theta) / ([sum_m' p(m') KM(m | m')] [sum_j w_j K_m(theta | theta_j) / sum_j w_j]), j over
 * hypothesis m's previous particles; generation 0 samples the prior and accepts every finite distance.
 *
 * <p>Determinism: proposal {@code a} of generation {@code g} draws all its random numbers from its
 * own stream ({@link #STREAM}, counter (g, a)) and simulates draw {@code P_g + a}, P_g the number of
 * proposals of the generations before (so every proposal has its own draw, and draws stay below
 * 2^31 as a trial's replicate index must, for any budget a run can afford); each batch
 * of proposals is simulated on an {@link EvaluationEngine} (local threads or Spark), but accepted
 * in proposal order, and batch sizes depend only on past acceptance rates. Results are therefore
 * identical on any engine and number of threads, and a journal of the simulations' outputs
 * replays a run exactly ({@link org.reconsim.results.evaluation.Journal}).
 */
public final class AbcSmc {

    /** The named random stream of the proposals. */
    public static final String STREAM = "inference/abc-smc";

    /** Sees each generation when it completes (progress). */
    public interface Listener {
        void generation(AbcGeneration generation, long simulationsSoFar);
    }

    private final SummarySimulator simulator;
    private final double[] observed;
    private final AbcPrior prior;
    private final AbcSettings settings;
    private final RandomStreams streams;
    private final double[] fallbackVariance;

    public AbcSmc(SummarySimulator simulator, double[] observed, AbcPrior prior, AbcSettings settings) {
        if (observed.length != simulator.statistics().size()) {
            throw new IllegalArgumentException(observed.length + " observed statistics for " + simulator.statistics().size());
        }
        if (prior.dimension() != simulator.parameters().size() || prior.hypotheses().length != simulator.hypotheses().size()) {
            throw new IllegalArgumentException("the prior does not match the simulator's parameters and hypotheses");
        }
        this.simulator = simulator;
        this.observed = observed.clone();
        this.prior = prior;
        this.settings = settings;
        this.streams = new RandomStreams(settings.seed());
        this.fallbackVariance = new double[prior.dimension()];
        for (int i = 0; i < prior.dimension(); i++) {
            double a = prior.parameters().get(i).quantile(0.16);
            double b = prior.parameters().get(i).quantile(0.84);
            double half = prior.logScale(i) ? (Math.log(b) - Math.log(a)) / 2 : (b - a) / 2;
            fallbackVariance[i] = half > 0 ? half * half : 1;
        }
    }

    /**
     * Euclidean distance between simulated and observed statistics over the observed entries
     * that are not NaN; +infinity when the simulation leaves one of them undefined.
     */
    public static double distance(double[] simulated, double[] observed) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            if (!Double.isNaN(observed[i])) {
                double d = simulated[i] - observed[i];
                if (Double.isNaN(d)) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += d * d;
            }
        }
        return Math.sqrt(sum);
    }

    public AbcResult run() {
        return run((g, s) -> { });
    }

    /** Runs on local threads ({@link AbcSettings#threads()}). */
    public AbcResult run(Listener listener) {
        try (LocalEvaluationEngine engine = new LocalEvaluationEngine(settings.threads())) {
            return run(engine, listener);
        }
    }

    /**
     * Runs with the simulations on {@code engine} (the same result on every engine); the
     * importance weights are computed on {@link AbcSettings#threads()} local threads.
     */
    public AbcResult run(EvaluationEngine engine, Listener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "abc-smc");
            t.setDaemon(true);
            return t;
        });
        try (Evaluator simulations = engine.open(Simulations.of(simulator))) {
            return run(pool, simulations, listener);
        } finally {
            pool.shutdownNow();
        }
    }

    private AbcResult run(ExecutorService pool, Evaluator evaluator, Listener listener) {
        List<AbcGeneration> done = new ArrayList<>();
        long simulations = 0;
        double tolerance = Double.POSITIVE_INFINITY;
        double rate = 1;
        long firstDraw = 0;
        String stop;
        for (int g = 0; ; g++) {
            Population previous = g == 0 ? null : new Population(done.get(g - 1));
            double eps = tolerance;
            List<Proposal> accepted = new ArrayList<>();
            long generationSims = 0;
            long attempt = 0;
            boolean cut = false;
            while (accepted.size() < settings.particles()) {
                int missing = settings.particles() - accepted.size();
                long batch = (long) Math.ceil(missing / Math.max(rate, 1e-3) * 1.1);
                batch = Math.max(64, Math.min(batch, 20L * settings.particles()));
                batch = Math.min(batch, settings.budget() - simulations);
                if (batch <= 0) {
                    cut = true;
                    break;
                }
                List<Proposal> results = proposeAndSimulate(evaluator, g, attempt, (int) batch, firstDraw, previous);
                attempt += batch;
                for (Proposal p : results) {
                    if (p.simulated) {
                        generationSims++;
                        simulations++;
                    }
                    if (p.simulated && p.distance <= eps && p.distance < Double.POSITIVE_INFINITY
                            && accepted.size() < settings.particles()) {
                        accepted.add(p);
                    }
                }
                rate = generationSims == 0 ? rate : Math.max(accepted.size(), 1) / (double) generationSims;
            }
            if (cut) {
                stop = "simulation budget of " + settings.budget() + " reached during generation " + g;
                break;
            }
            firstDraw += attempt;
            AbcGeneration generation = weigh(pool, g, eps, accepted, previous, generationSims, attempt);
            done.add(generation);
            listener.generation(generation, simulations);
            if (eps <= settings.minTolerance()) {
                stop = "minimum tolerance " + settings.minTolerance() + " reached";
                break;
            }
            if (g + 1 >= settings.maxGenerations()) {
                stop = "maximum of " + settings.maxGenerations() + " generations reached";
                break;
            }
            if (simulations >= settings.budget()) {
                stop = "simulation budget of " + settings.budget() + " reached";
                break;
            }
            double next = Math.max(settings.minTolerance(), quantile(generation, settings.quantile()));
            if (!(next < eps)) {
                stop = "tolerance no longer decreases (" + next + ")";
                break;
            }
            tolerance = next;
        }
        return new AbcResult(simulator.hypotheses(), simulator.parameters(), done, simulations, stop);
    }

    /** One proposal and, when it lies in the prior's support, its simulation's distance. */
    private record Proposal(int hypothesis, double[] theta, double logPrior, boolean simulated, double distance) {
    }

    /**
     * Proposals {@code first .. first + count - 1} of generation {@code g} (drawn here, in order),
     * those in the prior's support simulated as one list on the engine (proposal a simulates draw
     * {@code drawOffset + a}).
     */
    private List<Proposal> proposeAndSimulate(Evaluator simulations, int g, long first, int count, long drawOffset, Population previous) {
        List<Proposal> proposals = new ArrayList<>(count);
        List<double[]> inputs = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Proposal p = propose(g, first + k, previous);
            proposals.add(p);
            if (p.simulated) {
                inputs.add(Simulations.input(p.hypothesis, p.theta, drawOffset + first + k));
            }
        }
        List<double[]> statistics = Batches.evaluate(simulations, inputs, done -> { });
        List<Proposal> out = new ArrayList<>(count);
        int next = 0;
        for (Proposal p : proposals) {
            out.add(p.simulated ? new Proposal(p.hypothesis, p.theta, p.logPrior, true, distance(statistics.get(next++), observed)) : p);
        }
        return out;
    }

    /** Proposal {@code attempt} of generation {@code g}, from its own stream; not yet simulated. */
    private Proposal propose(int g, long attempt, Population previous) {
        UniformRandomProvider rng = streams.stream(STREAM, g, attempt);
        int d = prior.dimension();
        int m;
        double[] theta;
        if (previous == null) {
            m = pick(prior.hypotheses(), PatientGenerator.open(rng));
            theta = new double[d];
            for (int i = 0; i < d; i++) {
                theta[i] = prior.parameters().get(i).quantile(PatientGenerator.open(rng));
            }
        } else {
            double uModel = PatientGenerator.open(rng);
            double uStay = PatientGenerator.open(rng);
            double uOther = PatientGenerator.open(rng);
            double uParticle = PatientGenerator.open(rng);
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = StandardNormal.quantile(PatientGenerator.open(rng));
            }
            m = previous.perturbModel(pick(previous.probabilities, uModel), uStay, uOther, settings.modelStay());
            int j = pick(previous.withinWeights[m], uParticle);
            theta = prior.fromKernel(previous.kernels[m].perturb(previous.points[m][j], z));
        }
        double logPrior = prior.logDensityOnKernelScale(theta);
        boolean inSupport = logPrior != Double.NEGATIVE_INFINITY && prior.hypothesis(m) != 0;
        return new Proposal(m, theta, logPrior, inSupport, Double.NaN);
    }

    private AbcGeneration weigh(ExecutorService pool, int g, double eps, List<Proposal> accepted, Population previous,
                                long sims, long proposals) {
        double[] logW = new double[accepted.size()];
        if (previous != null) {
            List<Double> computed = parallel(pool, accepted.size(), k -> previous.logWeight(accepted.get(k)));
            for (int k = 0; k < logW.length; k++) {
                logW[k] = computed.get(k);
            }
        }
        double max = Arrays.stream(logW).max().orElse(0);
        double total = 0;
        double[] w = new double[logW.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.exp(logW[k] - max);
            total += w[k];
        }
        List<AbcParticle> particles = new ArrayList<>(accepted.size());
        for (int k = 0; k < w.length; k++) {
            Proposal p = accepted.get(k);
            particles.add(new AbcParticle(p.hypothesis, p.theta, w[k] / total, p.distance));
        }
        return new AbcGeneration(g, eps, particles, sims, proposals);
    }

    /** The previous generation as proposals see it: per hypothesis its particles on the kernel scale, weights and kernel. */
    private final class Population {
        final double[] probabilities;
        final double[][][] points;
        final double[][] withinWeights;
        final GaussianKernel[] kernels;
        final int alive;

        Population(AbcGeneration generation) {
            int models = prior.hypotheses().length;
            probabilities = generation.modelProbabilities(models);
            points = new double[models][][];
            withinWeights = new double[models][];
            kernels = new GaussianKernel[models];
            int count = 0;
            for (int m = 0; m < models; m++) {
                int mm = m;
                List<AbcParticle> of = generation.particles().stream().filter(p -> p.hypothesis() == mm).toList();
                points[m] = of.stream().map(p -> prior.toKernel(p.theta())).toArray(double[][]::new);
                withinWeights[m] = of.stream().mapToDouble(p -> p.weight() / probabilities[mm]).toArray();
                if (!of.isEmpty()) {
                    count++;
                    kernels[m] = GaussianKernel.of(points[m], withinWeights[m], fallbackVariance);
                }
            }
            alive = count;
        }

        /** The hypothesis the model kernel moves {@code m} to: kept with probability {@code stay}, else another surviving one. */
        int perturbModel(int m, double uStay, double uOther, double stay) {
            if (alive == 1 || uStay < stay) {
                return m;
            }
            int k = (int) (uOther * (alive - 1));
            for (int other = 0; other < probabilities.length; other++) {
                if (other != m && probabilities[other] > 0 && k-- == 0) {
                    return other;
                }
            }
            return m;
        }

        /** KM(to | from) among the surviving hypotheses. */
        double modelKernel(int to, int from, double stay) {
            if (alive == 1) {
                return to == from ? 1 : 0;
            }
            return to == from ? stay : (1 - stay) / (alive - 1);
        }

        double logWeight(Proposal p) {
            int m = p.hypothesis;
            double modelProposal = 0;
            for (int from = 0; from < probabilities.length; from++) {
                if (probabilities[from] > 0) {
                    modelProposal += probabilities[from] * modelKernel(m, from, settings.modelStay());
                }
            }
            double[] phi = prior.toKernel(p.theta);
            double[] terms = new double[points[m].length];
            double top = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < terms.length; j++) {
                terms[j] = Math.log(withinWeights[m][j]) + kernels[m].logDensity(phi, points[m][j]);
                top = Math.max(top, terms[j]);
            }
            double sum = 0;
            for (double t : terms) {
                sum += Math.exp(t - top);
            }
            double logProposal = Math.log(modelProposal) + top + Math.log(sum);
            return Math.log(prior.hypothesis(m)) + p.logPrior - logProposal;
        }
    }

    /** The index at which cumulative {@code weights} (summing to about 1) first exceed {@code u}. */
    private static int pick(double[] weights, double u) {
        double total = Arrays.stream(weights).sum();
        double c = 0;
        int last = -1;
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] > 0) {
                c += weights[k] / total;
                last = k;
                if (u < c) {
                    return k;
                }
            }
        }
        return last;
    }

    /** The {@code q} quantile of a generation's distances (unweighted, as the schedule of Del Moral et al. takes it). */
    private static double quantile(AbcGeneration generation, double q) {
        double[] d = generation.particles().stream().mapToDouble(AbcParticle::distance).sorted().toArray();
        int k = Math.max(0, (int) Math.ceil(q * d.length) - 1);
        return d[k];
    }

    /** {@code count} tasks on the pool in chunks, results in task order. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> parallel(ExecutorService pool, int count, IntFunction<T> task) {
        Object[] out = new Object[count];
        int chunk = Math.max(1, Math.min(64, count / 32 + 1));
        List<Future<?>> futures = new ArrayList<>();
        for (int start = 0; start < count; start += chunk) {
            int from = start;
            int to = Math.min(count, start + chunk);
            futures.add(pool.submit(() -> {
                for (int k = from; k < to; k++) {
                    out[k] = task.apply(k);
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        List<T> results = new ArrayList<>(count);
        for (Object o : out) {
            results.add((T) o);
        }
        return results;
    }
}
