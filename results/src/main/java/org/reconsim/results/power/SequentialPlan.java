package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.Analysis;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Direction;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Interims;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.SpendingFamily;
import org.reconsim.engine.scenario.TestSides;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.results.sequential.FutilityRule;
import org.reconsim.results.sequential.GroupSequentialDesign;
import org.reconsim.results.sequential.Sidedness;
import org.reconsim.results.sequential.SpendingFunction;

/**
 * The group-sequential design of a power job ({@code design.interims}) at each of its sample
 * sizes: which patients each look analyses, the bounds there, and where each look's z statistic
 * sits in a replicate's {@link ReplicateResult#lookZ} array.
 *
 * <p>A trial of {@code n} per arm looks at {@code m_k = ceil(t_k n)} per arm
 * ({@link Interims#perArmAtLooks}); its bounds are those of the error-spending design at the
 * fractions it reaches, {@code m_k / n} (Lan &amp; DeMets 1983 spend at the information
 * actually observed), which differ from the planned {@code t_k} only by the rounding to whole
 * patients. A two-sided design has the scenario's two-sided {@code alpha}; a one-sided design
 * tests the hypothesized direction at {@code alpha / 2}, so that a design that spends nothing
 * early ends at the fixed design's bound {@code z_{1-alpha/2}}.
 *
 * <p>Look statistics, in the hypothesized direction, are laid out as
 * <pre>
 *   offset(size, contrast, hypothesis, look) = ((size * C + contrast) * 2 + hypothesis) * K + look
 * </pre>
 * over the job's sizes, its contrasts ({@link Contrast#of}), the two hypotheses (0: the
 * scenario as written, 1: its null, {@link LookStatistics#nullScenario}) and the K looks.
 */
public final class SequentialPlan {

    /** The scenario as written. */
    public static final int SCENARIO = 0;
    /** Every arm given the control arm's treatment. */
    public static final int NULL = 1;
    /** Labels of the two hypotheses, as stages.csv writes them. */
    public static final List<String> HYPOTHESES = List.of("scenario", "null");

    private final Interims interims;
    private final List<Integer> sizes;
    private final List<Contrast> contrasts;
    private final Endpoint endpoint;
    private final Visit visit;
    private final AnalysisMethod method;
    /** +1 where the hypothesized direction is higher, -1 where it is lower. */
    private final int sign;
    private final int looks;
    private final int[][] perArm;
    private final List<GroupSequentialDesign> designs;

    private SequentialPlan(Scenario s, List<Integer> sizes, List<Contrast> contrasts) {
        Analysis a = s.analysis();
        this.interims = s.design().interims();
        this.sizes = List.copyOf(sizes);
        this.contrasts = List.copyOf(contrasts);
        this.endpoint = a.primaryEndpoint();
        this.visit = a.primaryVisit();
        this.method = a.methods().get(0);
        this.sign = a.direction(endpoint) == Direction.HIGHER ? 1 : -1;
        this.looks = interims.looks();
        this.perArm = new int[sizes.size()][];
        List<GroupSequentialDesign> built = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            perArm[i] = interims.perArmAtLooks(sizes.get(i));
            built.add(design(s, sizes.get(i), perArm[i]));
        }
        this.designs = List.copyOf(built);
    }

    /**
     * The plan of a scenario with interim analyses at these sizes, or null for a fixed design.
     *
     * @throws IllegalArgumentException if a size cannot take the looks or its bounds cannot be
     *                                  computed ({@link #problem})
     */
    public static SequentialPlan of(Scenario s, List<Integer> sizes, List<Contrast> contrasts) {
        if (!s.design().interims().sequential()) {
            return null;
        }
        for (int n : sizes) {
            String why = problem(s, n);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
        }
        return new SequentialPlan(s, sizes, contrasts);
    }

    /**
     * Why a trial of {@code n} per arm cannot follow the scenario's interim plan, or null: two
     * looks on the same patients, a first look with an arm of fewer than two, or bounds that
     * cannot be computed (e.g. a conditional-power futility bound above the efficacy bound).
     */
    public static String problem(Scenario s, int n) {
        Interims in = s.design().interims();
        if (!in.sequential()) {
            return null;
        }
        String why = in.unanalysableAt(n, s.design().smallestArm().allocation());
        if (why != null) {
            return why;
        }
        try {
            design(s, n, in.perArmAtLooks(n));
            return null;
        } catch (IllegalArgumentException e) {
            return "at " + n + " per arm the bounds cannot be computed: " + e.getMessage();
        }
    }

    private static GroupSequentialDesign design(Scenario s, int n, int[] perArm) {
        Interims in = s.design().interims();
        double[] t = new double[perArm.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = (double) perArm[k] / n;
        }
        boolean oneSided = in.sides() == TestSides.ONE_SIDED;
        double alpha = s.analysis().alpha();
        return GroupSequentialDesign.of(t, oneSided ? Sidedness.ONE_SIDED : Sidedness.TWO_SIDED, oneSided ? alpha / 2 : alpha,
                spending(in.efficacySpending(), in.hsdGamma()), futility(in));
    }

    /** The spending function of a family; gamma is read for hsd only. */
    static SpendingFunction spending(SpendingFamily family, double gamma) {
        return switch (family) {
            case OBRIEN_FLEMING -> SpendingFunction.obrienFleming();
            case POCOCK -> SpendingFunction.pocock();
            case HSD -> SpendingFunction.hwangShihDeCani(gamma);
        };
    }

    /** The futility rule of {@code design.interims}. */
    static FutilityRule futility(Interims in) {
        return switch (in.futility()) {
            case NONE -> FutilityRule.none();
            case BETA_SPENDING -> FutilityRule.betaSpending(in.futilityBeta(), spending(in.futilitySpending(),
                    in.futilityHsdGamma()));
            case CONDITIONAL_POWER -> Double.isNaN(in.futilityDrift()) ? FutilityRule.conditionalPowerUnderTrend(in.futilityThreshold())
                    : FutilityRule.conditionalPower(in.futilityThreshold(), in.futilityDrift());
            case PREDICTIVE_PROBABILITY -> FutilityRule.predictiveProbability(in.futilityThreshold());
        };
    }

    public Interims interims() {
        return interims;
    }

    public List<Integer> sizes() {
        return sizes;
    }

    public List<Contrast> contrasts() {
        return contrasts;
    }

    /** The endpoint, visit and method every look tests (the primary analysis). */
    public Endpoint endpoint() {
        return endpoint;
    }

    public Visit visit() {
        return visit;
    }

    public AnalysisMethod method() {
        return method;
    }

    /** +1 where the hypothesized direction is higher, -1 where it is lower: a look's z times this points the hypothesized way. */
    public int sign() {
        return sign;
    }

    /** Number of looks K, the final analysis included. */
    public int looks() {
        return looks;
    }

    /** Patients per arm analysed at each look at size position {@code size} (a copy). */
    public int[] perArmAtLooks(int size) {
        return perArm[size].clone();
    }

    /** The design (bounds at the fractions reached) at size position {@code size}. */
    public GroupSequentialDesign design(int size) {
        return designs.get(size);
    }

    /** Length of a replicate's look statistics. */
    public int size() {
        return sizes.size() * contrasts.size() * 2 * looks;
    }

    /** Where the z of one look sits. */
    public int offset(int size, int contrast, int hypothesis, int look) {
        return ((size * contrasts.size() + contrast) * 2 + hypothesis) * looks + look;
    }
}
