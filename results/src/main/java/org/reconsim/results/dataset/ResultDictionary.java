package org.reconsim.results.dataset;

import static org.reconsim.results.dataset.DataColumn.of;

import java.util.List;

/**
 * The data dictionary of the result tables: power, pk, phenomena, check, calibrate, discriminate
 * and sensitivity (docs/DATA.md; DataDictionaryTest checks each writer's header against it).
 */
public final class ResultDictionary {

    private static final String NO_SWEEP = "the run has no --sweep";
    private static final String UNDEFINED = "no trial gave a defined value";

    public static final DataTable POWER = new DataTable("power", "power.csv",
            "per sweep point, sample size, contrast, endpoint, visit and analysis", List.of(
            of("n_per_arm", "integer", "patients", "patients per arm"), of("contrast", "text", "-", "treatment arm against control"),
            of("endpoint", "text", "-", "endpoint label"), of("visit", "text", "-", "visit label"),
            of("analysis", "text", "-", "analysis method"), of("replicates", "integer", "-", "virtual trials"),
            of("rejections", "integer", "-", "trials with p < alpha (an undefined test counts as no rejection)"),
            of("failed", "integer", "-", "trials whose analysis was undefined (too few patients with values, flat REML criterion, "
                    + "...): counted in replicates, never a rejection"),
            of("failure_rate", "number", "0..1", "failed / replicates"),
            of("failure_reasons", "text", "-", "count per reason, e.g. too_few_observations:100;flat_reml:8", "no trial failed"),
            of("power", "number", "0..1", "rejections / replicates (failed trials included in the denominator)"),
            of("ci_low", "number", "0..1", "Wilson 95% interval of power, low"), of("ci_high", "number", "0..1", "Wilson 95% interval, high"),
            of("mean_estimate", "number", "endpoint units", "mean estimate over trials where it is defined", UNDEFINED),
            of("sd_estimate", "number", "endpoint units", "SD of the estimate", "fewer than two defined estimates"),
            of("cp_low", "number", "0..1", "Clopper-Pearson 95% interval of power, low"),
            of("cp_high", "number", "0..1", "Clopper-Pearson 95% interval, high"),
            of("type_s", "number", "0..1", "among significant trials with a nonzero true effect, the share with the wrong sign "
                    + "(Gelman and Carlin 2014)", "no such trial"),
            of("exaggeration_ratio", "number", "-", "among those trials, mean |estimate| / mean |true effect| (type M)", "no such trial"),
            of("power_directional", "number", "0..1", "share of trials significant in the hypothesized direction", "no direction"),
            of("mean_z", "number", "-", "mean of estimate / standard error", UNDEFINED),
            of("effect_d", "number", "-", "true standardized effect (under assurance: its mean over trials)", "not computed"),
            of("sweep_parameter", "text", "-", "the swept field", NO_SWEEP),
            of("sweep_value", "number", "field units", "its value at this point", NO_SWEEP)), null);

    private static final String NOT_REACHED = "the target was not reached up to max_n_per_arm";

    public static final DataTable SAMPLE_SIZE = new DataTable("power", "sample-size.csv",
            "per sweep point, with --target-power: the size reaching the target power", List.of(
            of("target_power", "number", "0..1", "--target-power"),
            of("contrast", "text", "-", "the contrast sized for (--contrast)"), of("endpoint", "text", "-", "the endpoint sized for (--endpoint)"),
            of("visit", "text", "-", "the visit sized for (--visit)"), of("analysis", "text", "-", "the analysis sized for (--analysis)"),
            of("n_per_arm", "integer", "patients", "the smallest size whose estimated power reaches the target", NOT_REACHED),
            of("power", "number", "0..1", "estimated power at n_per_arm", NOT_REACHED),
            of("ci_low", "number", "0..1", "its Wilson 95% interval, low", NOT_REACHED),
            of("ci_high", "number", "0..1", "its Wilson 95% interval, high", NOT_REACHED),
            of("n_low", "integer", "patients", "the smallest size whose power interval reaches the target: the size's 95% "
                    + "interval, low end", "no size up to max_n_per_arm has its interval reach the target"),
            of("n_high", "integer", "patients", "the smallest size whose power interval lies wholly at or above the target: "
                    + "the size's 95% interval, high end", "no size up to max_n_per_arm has its interval wholly above the target"),
            of("replicates", "integer", "-", "virtual trials per size simulated (the same trials at every size)"),
            of("max_n_per_arm", "integer", "patients", "the largest size the search could simulate (--n-per-arm's largest, "
                    + "default 1000)"),
            of("sizes_simulated", "integer", "-", "how many sizes the search simulated (their rows are in power.csv)"),
            of("sweep_parameter", "text", "-", "the swept field", NO_SWEEP),
            of("sweep_value", "number", "field units", "its value at this point", NO_SWEEP)), null);

    public static final DataTable REPLICATES = new DataTable("power", "replicates.csv",
            "per replicate, sweep point, sample size, contrast, endpoint, visit and analysis", List.of(
            of("replicate", "integer", "-", "virtual trial index"), of("sweep_parameter", "text", "-", "the swept field", NO_SWEEP),
            of("sweep_value", "number", "field units", "its value", NO_SWEEP), of("n_per_arm", "integer", "patients", "patients per arm"),
            of("contrast", "text", "-", "treatment arm against control"), of("endpoint", "text", "-", "endpoint label"),
            of("visit", "text", "-", "visit label"), of("analysis", "text", "-", "analysis method"),
            of("estimate", "number", "endpoint units", "the trial's estimate (as in estimates.csv)", "the analysis is undefined"),
            of("p_value", "number", "-", "two-sided p-value", "the analysis is undefined"),
            of("std_error", "number", "endpoint units", "standard error", "the analysis is undefined"),
            of("true_effect", "number", "endpoint units", "the true average treatment effect the estimate estimates", "not computed"),
            of("true_d", "number", "-", "the true effect standardized", "not computed"),
            of("failure", "text", "-", "why the analysis was undefined (a reason code of power.csv's failure_reasons)",
                    "the analysis was defined")),
            "under --assurance one column per drawn field, named by the field: that trial's draw");

    private static final String NO_DESIGN_VALUE = "the drift is unknown (no defined final z) or the look has no such bound";

    /**
     * A simulated share of trials: its count, the share, the Wilson 95% interval and the
     * design's probability of the same event (docs/SEQUENTIAL.md).
     */
    private static List<DataColumn> share(String count, String share, String what) {
        return List.of(of(count, "integer", "-", "trials " + what), of(share, "number", "0..1", "their share of the trials"),
                of(share + "_low", "number", "0..1", "Wilson 95% interval, low"), of(share + "_high", "number", "0..1", "high"),
                of("analytic_" + share, "number", "0..1", "the design's probability of the same event at the row's drift "
                        + "(recursive integration)", NO_DESIGN_VALUE));
    }

    public static final DataTable STAGES = new DataTable("power", "stages.csv",
            "per sweep point, sample size, contrast, hypothesis and look of a design with design.interims", concat(concat(concat(concat(
            List.of(of("n_per_arm", "integer", "patients", "patients per arm of the whole trial"),
            of("contrast", "text", "-", "treatment arm against control"), of("look", "integer", "-", "1..K, K the final analysis"),
            of("information_fraction", "number", "0..1", "patients per arm at the look over n_per_arm, the fraction the bounds are "
                    + "computed at"),
            of("n_per_arm_at_look", "integer", "patients", "patients per arm analysed at the look (the first enrolled)"),
            of("efficacy_z", "number", "-", "efficacy bound on the z scale, hypothesized direction (two-sided: |z|)"),
            of("futility_z", "number", "-", "non-binding futility bound", "no futility bound at this look"),
            of("alpha_spent", "number", "0..1", "the design's cumulative type I error by this look, futility ignored"),
            of("hypothesis", "text", "-", "scenario (as written) or null (every arm the control arm's treatment, no direct effects)"),
            of("replicates", "integer", "-", "virtual trials"),
            of("drift", "number", "-", "mean final z in the hypothesized direction of these trials (null: 0), where the analytic "
                    + "values are computed", "no defined final z")),
            share("stop_efficacy", "p_stop_efficacy", "stopping at this look for efficacy, futility obeyed")),
            share("stop_futility", "p_stop_futility", "stopping at this look for futility")),
            share("rejected_by_look", "p_rejected_by_look", "that crossed an efficacy bound at or before this look, futility ignored")),
            List.of(of("undefined", "integer", "-", "trials whose test at this look was undefined (they continue)"),
            of("sweep_parameter", "text", "-", "the swept field", NO_SWEEP),
            of("sweep_value", "number", "field units", "its value at this point", NO_SWEEP))), null);

    public static final DataTable SEQUENTIAL = new DataTable("power", "sequential.csv",
            "per sweep point, sample size, contrast and hypothesis of a design with design.interims", concat(concat(concat(concat(concat(
            concat(List.of(of("n_per_arm", "integer", "patients", "patients per arm of the whole trial (the maximum)"),
            of("contrast", "text", "-", "treatment arm against control"),
            of("hypothesis", "text", "-", "scenario or null, as in stages.csv"), of("replicates", "integer", "-", "virtual trials"),
            of("drift", "number", "-", "as in stages.csv", "no defined final z")),
            share("rejections", "power", "rejecting at some look (either side when two-sided), futility obeyed: power; under the "
                    + "null the type I error")),
            share("rejections_directional", "power_directional", "rejecting at some look in the hypothesized direction")),
            share("rejections_ignoring_futility", "rejection_ignoring_futility", "rejecting at some look with the futility bounds "
                    + "ignored (non-binding futility: under the null, the design's type I error)")),
            share("futility_stops", "p_futility", "stopping for futility")),
            share("early_stops", "p_early_stop", "stopping before the final analysis")),
            List.of(of("expected_n_per_arm", "number", "patients", "mean patients per arm analysed when the trial stopped, E[N] / arms"),
            of("expected_n_per_arm_low", "number", "patients", "normal 95% interval, low"),
            of("expected_n_per_arm_high", "number", "patients", "high"),
            of("analytic_expected_n_per_arm", "number", "patients", "the design's sum_k m_k P(stop at k) at the drift", NO_DESIGN_VALUE),
            of("sweep_parameter", "text", "-", "the swept field", NO_SWEEP),
            of("sweep_value", "number", "field units", "its value at this point", NO_SWEEP))), null);

    public static final DataTable PK = new DataTable("pk", "pk.csv", "per arm, time and quantity", List.of(
            of("arm", "text", "-", "arm"), of("drug", "text", "-", "the arm's drug"),
            of("hours_after_infusion_start", "number", "h", "time since the infusion started"),
            of("quantity", "text", "-", "concentration (ng/mL) or occupancy (0..1) and the like"),
            of("p05", "number", "quantity units", "5% quantile over virtual patients"), of("median", "number", "quantity units", "median"),
            of("p95", "number", "quantity units", "95% quantile")), null);

    public static final DataTable PHENOMENA = new DataTable("phenomena", "phenomena.csv", "per experiment, model, mechanism and contrast",
            List.of(of("phenomenon", "integer", "-", "number of the canonical phenomenon (docs/PHENOMENA.md)"),
            of("experiment", "text", "-", "experiment"), of("memory_model", "text", "-", "memory model"),
            of("mechanism", "text", "-", "mechanism, - when none"), of("higher", "text", "-", "group expected higher"),
            of("lower", "text", "-", "group expected lower"), of("mean_higher", "number", "0..1", "mean response of the higher group"),
            of("mean_lower", "number", "0..1", "mean response of the lower group"), of("contrast", "number", "0..1", "mean_higher - mean_lower"),
            of("ci_low", "number", "0..1", "95% interval of the contrast, low"), of("ci_high", "number", "0..1", "95% interval, high"),
            of("hedges_g", "number", "-", "standardized contrast"), of("expected", "text", "-", "the published finding"),
            of("verdict", "text", "-", "reproduced, consistent, or not")), null);

    public static final DataTable CHECK = new DataTable("check", "check.csv", "per hypothesis and target, then the pattern", List.of(
            of("hypothesis", "text", "-", "hypothesis"), of("target", "text", "-", "finding id, or the pattern row"),
            of("claim", "text", "-", "the finding's claim", "the pattern row"),
            of("observed_z", "number", "-", "published estimate / SD", "a claim-only finding, the pattern"),
            of("sim_median_z", "number", "-", "median simulated z"), of("sim_low_z", "number", "-", "2.5% quantile of the simulated z"),
            of("sim_high_z", "number", "-", "97.5% quantile"),
            of("p_predictive", "number", "0..1", "two-sided predictive p-value of the published z", "no published z"),
            of("p_claim", "number", "0..1", "share of simulated trials on which the claim holds"),
            of("p_claim_low", "number", "0..1", "Clopper-Pearson 95% interval, low"), of("p_claim_high", "number", "0..1", "high"),
            of("trials", "integer", "-", "simulated trials"), of("undefined_z", "integer", "-", "trials whose z was undefined")), null);

    private static final List<DataColumn> CONFUSION_CELL = List.of(of("true_hypothesis", "text", "-", "the hypothesis simulated"),
            of("inferred_hypothesis", "text", "-", "the hypothesis inferred"), of("proportion", "number", "0..1", "share of its trials"),
            of("ci_low", "number", "0..1", "Wilson 95% interval, low"), of("ci_high", "number", "0..1", "high"));

    public static final DataTable RECOVERY = new DataTable("calibrate", "recovery.csv", "per true and inferred hypothesis", CONFUSION_CELL,
            null);

    public static final DataTable POSTERIOR = new DataTable("calibrate", "posterior.csv", "per ABC generation and particle", List.of(
            of("generation", "integer", "-", "ABC-SMC generation"), of("particle", "integer", "-", "particle index"),
            of("hypothesis", "text", "-", "the particle's hypothesis"), of("weight", "number", "-", "importance weight"),
            of("distance", "number", "-", "distance of its simulated statistics to the observed")),
            "one column per free field, named by the field: the particle's value");

    public static final DataTable SUMMARY = new DataTable("calibrate", "summary.csv", "per hypothesis, then per hypothesis and parameter",
            List.of(of("hypothesis", "text", "-", "hypothesis"), of("posterior_probability", "number", "0..1", "its posterior probability"),
            of("parameter", "text", "-", "free field", "the hypothesis row"), of("median", "number", "field units", "posterior median",
                    "the hypothesis row"), of("q05", "number", "field units", "5% quantile", "the hypothesis row"),
            of("q95", "number", "field units", "95% quantile", "the hypothesis row"),
            of("ess", "number", "-", "effective sample size"), of("particles", "integer", "-", "particles of the hypothesis")), null);

    public static final DataTable CONFUSION = new DataTable("discriminate", "confusion.csv", "per design, size, true and inferred hypothesis",
            concat(List.of(of("design", "text", "-", "design"), of("n_per_arm", "integer", "patients", "patients per arm")), CONFUSION_CELL),
            null);

    public static final DataTable ACCURACY = new DataTable("discriminate", "accuracy.csv", "per design and size", List.of(
            of("design", "text", "-", "design"), of("n_per_arm", "integer", "patients", "patients per arm"),
            of("trials_per_hypothesis", "integer", "-", "test trials per hypothesis"), of("statistics", "integer", "-", "statistics used"),
            of("p_correct", "number", "0..1", "probability of correct identification"), of("ci_low", "number", "0..1", "Wilson 95%, low"),
            of("ci_high", "number", "0..1", "high")), null);

    public static final DataTable SENSITIVITY = new DataTable("sensitivity", "sensitivity.csv", "per varied field", List.of(
            of("field", "text", "-", "varied field"), of("prior", "text", "-", "its prior as written"),
            of("first_order", "number", "0..1", "first-order Sobol index"), of("first_low", "number", "-", "95% interval, low"),
            of("first_high", "number", "-", "high"), of("total", "number", "0..1", "total-order Sobol index"),
            of("total_low", "number", "-", "95% interval, low"), of("total_high", "number", "-", "high"),
            of("samples", "integer", "-", "Saltelli base samples"), of("replicates", "integer", "-", "virtual trials per point"),
            of("output", "text", "-", "the output read"), of("variance", "number", "output units^2", "variance of the output")), null);

    public static final DataTable EVALUATIONS = new DataTable("sensitivity", "evaluations.csv", "per model evaluation", List.of(
            of("row", "integer", "-", "row j of the design"), of("matrix", "text", "-", "A, B or AB:<field>")),
            "one column per varied field (its value at the point), then output: the output there");

    public static final List<DataTable> TABLES = List.of(POWER, SAMPLE_SIZE, REPLICATES, STAGES, SEQUENTIAL, PK, PHENOMENA, CHECK, POSTERIOR, SUMMARY, RECOVERY, CONFUSION,
            ACCURACY, SENSITIVITY, EVALUATIONS);

    private ResultDictionary() {
    }

    private static List<DataColumn> concat(List<DataColumn> a, List<DataColumn> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
