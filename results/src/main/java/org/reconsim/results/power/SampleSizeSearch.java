package org.reconsim.results.power;

import java.util.List;
import java.util.Optional;

/**
 * The smallest simulated sample size that reaches a target power for one endpoint, visit and
 * analysis: where the estimate first reaches it, and where the whole Wilson interval first
 * lies above it (the conservative answer, robust to Monte Carlo error).
 *
 * @param endpoint     endpoint label
 * @param visit        visit label
 * @param analysis     analysis label
 * @param target       target power
 * @param estimate     first size whose estimated power reaches the target
 * @param assured      first size whose Wilson interval lies at or above the target
 */
public record SampleSizeSearch(String endpoint, String visit, String analysis, double target, Optional<PowerRow> estimate,
                               Optional<PowerRow> assured) {

    public static SampleSizeSearch of(List<PowerRow> rows, String endpoint, String visit, String analysis, double target) {
        List<PowerRow> curve = rows.stream()
                .filter(r -> r.endpoint().equals(endpoint) && r.visit().equals(visit) && r.analysis().equals(analysis))
                .sorted((a, b) -> Integer.compare(a.nPerArm(), b.nPerArm())).toList();
        return new SampleSizeSearch(endpoint, visit, analysis, target,
                curve.stream().filter(r -> r.power() >= target).findFirst(),
                curve.stream().filter(r -> r.ciLow() >= target).findFirst());
    }

    /** One or two lines for the terminal and the report. */
    public String describe() {
        String what = String.format(java.util.Locale.ROOT, "power >= %.2f for %s at %s (%s)", target, endpoint, visit, analysis);
        if (estimate.isEmpty()) {
            return "Target " + what + ": not reached within the sample sizes simulated; try larger --n-per-arm.";
        }
        PowerRow e = estimate.get();
        String s = String.format(java.util.Locale.ROOT, "Target %s: %d patients per arm (power %.3f, 95%% CI %.3f-%.3f)", what,
                e.nPerArm(), e.power(), e.ciLow(), e.ciHigh());
        s += assured.map(a -> String.format(java.util.Locale.ROOT, "; interval wholly above the target from %d per arm",
                a.nPerArm())).orElse("; no simulated size has its interval wholly above the target");
        return s + ".";
    }
}
