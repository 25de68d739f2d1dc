package org.reconsim.results.power;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.stats.TestResult;

/**
 * One point of a power sweep, described by values alone (the scenario's canonical JSON, the
 * seed, the sample sizes, an optional assurance prior) so that it can be shipped to a Spark
 * executor or written into a checkpoint and rebuilt there. Every executor, local or remote,
 * compiles the scenario from that same JSON, so they simulate the same trials.
 *
 * <p>{@link #simulate(int)} runs one replicate: the virtual trial at the largest size, analysed
 * at every size through its first allocation blocks ({@link TrialOutcome#firstPerArm}), which
 * are exactly the trials those sizes would simulate (common random numbers).
 */
public final class PowerJob implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String scenarioJson;
    private final String scenarioSha256;
    private final long seed;
    private final int[] sizes;
    private final int largest;
    private final AssurancePrior prior;
    private final boolean keepArmMeans;
    private transient volatile Compiled compiled;

    /**
     * @param loaded        the scenario of this sweep point
     * @param seed          master seed
     * @param sizes         patients per arm, in output order
     * @param prior         assurance prior, or null
     * @param keepArmMeans  whether results carry the arm means of the largest trial (for the report)
     */
    public PowerJob(LoadedScenario loaded, long seed, List<Integer> sizes, AssurancePrior prior, boolean keepArmMeans) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no sample sizes");
        }
        this.source = loaded.source();
        this.scenarioJson = loaded.canonical().json();
        this.scenarioSha256 = loaded.canonical().sha256();
        this.seed = seed;
        this.sizes = sizes.stream().mapToInt(Integer::intValue).toArray();
        this.largest = Arrays.stream(this.sizes).max().orElseThrow();
        this.prior = prior;
        this.keepArmMeans = keepArmMeans;
    }

    /** What a job compiles to, once per JVM. */
    private record Compiled(LoadedScenario loaded, TrialPlan plan, RandomStreams streams, TrialAnalysis analysis) {
    }

    private Compiled compiled() {
        Compiled c = compiled;
        if (c == null) {
            synchronized (this) {
                c = compiled;
                if (c == null) {
                    LoadedScenario loaded;
                    try {
                        loaded = ScenarioLoader.parse(source + ".json", scenarioJson);
                    } catch (InvalidScenarioException e) {
                        throw new IllegalStateException("a checked scenario was refused when rebuilt: " + e.getMessage(), e);
                    }
                    if (!loaded.canonical().sha256().equals(scenarioSha256)) {
                        throw new IllegalStateException("the scenario did not survive its canonical form: " + source);
                    }
                    TrialPlan plan = TrialPlan.compile(loaded.scenario()).withoutSessionDetail();
                    c = new Compiled(loaded, plan, new RandomStreams(seed),
                            new TrialAnalysis(loaded.scenario().analysis(), plan.controlArm().index()));
                    compiled = c;
                }
            }
        }
        return c;
    }

    public Scenario scenario() {
        return compiled().loaded().scenario();
    }

    /** The compiled plan of the scenario as written (without a prior draw). */
    public TrialPlan plan() {
        return compiled().plan();
    }

    public long seed() {
        return seed;
    }

    public String scenarioSha256() {
        return scenarioSha256;
    }

    public List<Integer> sizes() {
        return Arrays.stream(sizes).boxed().toList();
    }

    /** The largest sample size: the one every replicate is simulated at. */
    public int largestSize() {
        return largest;
    }

    public AssurancePrior prior() {
        return prior;
    }

    public boolean keepsArmMeans() {
        return keepArmMeans;
    }

    /** Analysis methods in output order. */
    public List<Scenario.Method> methods() {
        return compiled().analysis().methods();
    }

    /** An empty accumulator for this job's results. */
    public PowerAccumulator accumulator() {
        return new PowerAccumulator(this);
    }

    /** Simulates and analyses replicate {@code r}. Thread-safe. */
    public ReplicateResult simulate(int r) {
        Compiled c = compiled();
        TrialPlan plan = prior == null ? c.plan() : prior.plan(c.loaded(), c.plan(), c.streams(), r).withoutSessionDetail();
        TrialOutcome trial = VirtualTrial.run(plan, c.streams(), r, largest);
        int cells = TrialAnalysis.ENDPOINTS.size() * TrialAnalysis.VISITS.size() * c.analysis().methods().size();
        double[] estimates = new double[sizes.length * cells];
        double[] pValues = new double[estimates.length];
        int block = plan.allocationBlock();
        int i = 0;
        for (int n : sizes) {
            TestResult[][][] results = c.analysis().run(trial.firstPerArm(n, block));
            for (TestResult[][] byVisit : results) {
                for (TestResult[] byMethod : byVisit) {
                    for (TestResult t : byMethod) {
                        boolean defined = t.isDefined();
                        estimates[i] = defined ? t.estimate() : Double.NaN;
                        pValues[i] = defined ? t.pValue() : Double.NaN;
                        i++;
                    }
                }
            }
        }
        return new ReplicateResult(r, estimates, pValues, keepArmMeans ? armMeans(trial, plan.arms().size()) : new double[0]);
    }

    /** Mean observed value per arm, visit and endpoint in one trial (NaN where nobody was measured), [arm][visit][endpoint] flattened. */
    private static double[] armMeans(TrialOutcome trial, int arms) {
        int visits = Scenario.Visit.values().length;
        int endpoints = Scenario.Endpoint.values().length;
        double[] sum = new double[arms * visits * endpoints];
        int[] count = new int[sum.length];
        for (var p : trial.patients()) {
            for (int v = 0; v < visits; v++) {
                for (int k = 0; k < endpoints; k++) {
                    double x = p.observed()[v][k];
                    if (!Double.isNaN(x)) {
                        int at = (p.arm() * visits + v) * endpoints + k;
                        sum[at] += x;
                        count[at]++;
                    }
                }
            }
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] = count[j] == 0 ? Double.NaN : sum[j] / count[j];
        }
        return sum;
    }
}
