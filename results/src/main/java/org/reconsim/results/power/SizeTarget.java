package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.sim.TrialPlan;

/**
 * What a sample size is sized for: the power row of one contrast, endpoint, visit and analysis
 * that must reach {@code power}. By default the scenario's primary endpoint and visit
 * ({@code analysis.primary_endpoint}, {@code analysis.primary_visit}), its first analysis method
 * and its first contrast (the first treatment arm against the control arm).
 *
 * @param power     target power, in (0, 1)
 * @param contrast  contrast label (the {@code contrast} column of power.csv)
 * @param endpoint  endpoint label
 * @param visit     visit label
 * @param analysis  analysis label (one of {@code analysis.methods})
 */
public record SizeTarget(double power, String contrast, String endpoint, String visit, String analysis) {

    public SizeTarget {
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("target power must be within (0, 1), got " + power);
        }
    }

    /**
     * The target for {@code plan}, each of {@code contrast}, {@code endpoint}, {@code visit} and
     * {@code analysis} the plan's default when null.
     *
     * @throws IllegalArgumentException listing, one line per problem, every name the plan does not have and what it has
     */
    public static SizeTarget of(TrialPlan plan, double power, String contrast, String endpoint, String visit, String analysis) {
        var a = plan.scenario().analysis();
        List<String> contrasts = Contrast.of(plan).stream().map(Contrast::label).toList();
        List<String> endpoints = TrialAnalysis.ENDPOINTS.stream().map(Endpoint::label).toList();
        List<String> visits = TrialAnalysis.VISITS.stream().map(Visit::label).toList();
        List<String> methods = a.methods().stream().map(AnalysisMethod::label).toList();
        List<String> problems = new ArrayList<>();
        String c = pick("--contrast", contrast, contrasts.get(0), contrasts, problems);
        String e = pick("--endpoint", endpoint, a.primaryEndpoint().label(), endpoints, problems);
        String v = pick("--visit", visit, a.primaryVisit().label(), visits, problems);
        String m = pick("--analysis", analysis, methods.get(0), methods, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new SizeTarget(power, c, e, v, m);
    }

    private static String pick(String option, String given, String fallback, List<String> allowed, List<String> problems) {
        if (given == null) {
            return fallback;
        }
        if (!allowed.contains(given)) {
            problems.add(option + " " + given + ": expected one of " + String.join(", ", allowed)
                    + (option.equals("--analysis") ? " (the scenario's analysis.methods)" : ""));
        }
        return given;
    }

    /** Whether {@code row} is the row sized for (at any sample size). */
    public boolean matches(PowerRow row) {
        return row.contrast().equals(contrast) && row.endpoint().equals(endpoint) && row.visit().equals(visit)
                && row.analysis().equals(analysis);
    }

    /** {@code power >= 0.80 for caps5 at post (ancova, ketamine-vs-midazolam)}. */
    public String describe() {
        return String.format(Locale.ROOT, "power >= %.2f for %s at %s (%s, %s)", power, endpoint, visit, analysis, contrast);
    }
}
