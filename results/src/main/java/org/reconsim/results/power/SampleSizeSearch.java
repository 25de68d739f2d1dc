package org.reconsim.results.power;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sample size reaching a target power, with the 95% interval of that size from the Monte
 * Carlo error of the power estimates: {@code estimate} is the smallest simulated size whose
 * estimated power reaches the target, {@code low} the smallest whose Wilson 95% interval reaches
 * it (below it the target is missed with 95% confidence) and {@code assured} the smallest whose
 * interval lies wholly at or above it (the conservative answer). Found by
 * {@link SampleSizeSolver} ({@link #of(SampleSizeSolver.Solution, List, SizeTarget)}), or read off
 * a grid of simulated sizes ({@link #of(List, SizeTarget)}).
 *
 * @param target     what is sized for
 * @param estimate   the row at the estimated size
 * @param low        the row at the interval's lower end
 * @param assured    the row at its upper end
 * @param searched   the largest size the search could go to, or 0 for a grid read-off
 */
public record SampleSizeSearch(SizeTarget target, Optional<PowerRow> estimate, Optional<PowerRow> low, Optional<PowerRow> assured,
                               int searched) {

    /** Read off the simulated sizes in {@code rows}. */
    public static SampleSizeSearch of(List<PowerRow> rows, SizeTarget target) {
        List<PowerRow> curve = curve(rows, target);
        return new SampleSizeSearch(target, curve.stream().filter(r -> r.power() >= target.power()).findFirst(),
                curve.stream().filter(r -> r.ciHigh() >= target.power()).findFirst(),
                curve.stream().filter(r -> r.ciLow() >= target.power()).findFirst(), 0);
    }

    /** The solver's answer, with the rows it simulated ({@code rows} holds every size of {@code solution.points()}). */
    public static SampleSizeSearch of(SampleSizeSolver.Solution solution, List<PowerRow> rows, SizeTarget target, int max) {
        List<PowerRow> curve = curve(rows, target);
        java.util.function.Function<SampleSizeSolver.Point, PowerRow> row = p -> curve.stream()
                .filter(r -> r.nPerArm() == p.nPerArm()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row at " + p.nPerArm() + " per arm"));
        return new SampleSizeSearch(target, solution.estimate().map(row), solution.low().map(row), solution.high().map(row), max);
    }

    private static List<PowerRow> curve(List<PowerRow> rows, SizeTarget target) {
        return rows.stream().filter(target::matches).sorted(Comparator.comparingInt(PowerRow::nPerArm)).toList();
    }

    /** One line for the terminal and the report. */
    public String describe() {
        String what = "Target " + target.describe();
        if (estimate.isEmpty()) {
            return what + ": not reached " + (searched > 0 ? "up to " + searched + " patients per arm (the largest size "
                    + "searched; give --n-per-arm FROM:TO to search further)." : "within the sample sizes simulated; try larger --n-per-arm.");
        }
        PowerRow e = estimate.get();
        String s = String.format(Locale.ROOT, "%s: %d patients per arm (power %.3f, 95%% CI %.3f-%.3f", what, e.nPerArm(), e.power(),
                e.ciLow(), e.ciHigh());
        s += searched > 0 ? String.format(Locale.ROOT, ", %d virtual trials per size)", e.replicates()) : ")";
        String from = low.map(r -> Integer.toString(r.nPerArm())).orElse("?");
        s += assured.map(a -> searched > 0
                ? String.format(Locale.ROOT, "; 95%% interval of the size %s-%d per arm", from, a.nPerArm())
                : String.format(Locale.ROOT, "; interval wholly above the target from %d per arm", a.nPerArm()))
                .orElse(searched > 0 ? "; 95% interval of the size from " + from + " per arm, no size up to " + searched
                        + " has its power's interval wholly above the target" : "; no simulated size has its interval wholly above the target");
        return s + ".";
    }
}
