package org.reconsim.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.reconsim.engine.scenario.ScenarioEdit;

import picocli.CommandLine.ITypeConverter;

/**
 * power's --sweep FIELD=VALUES: one numeric scenario field and the values it takes, a list
 * ({@code 0,0.5,1}) or from:to:step ({@code -0.3:0:0.1}). Whether the field exists and accepts
 * each value is for the scenario to say (PowerService), not for the syntax; whether it may vary
 * at all is said here ({@link #fixedReason}). {@code text} is kept as typed because the
 * checkpoint stores the option as typed.
 *
 * <p>A from:to:step grid is computed in decimal ({@link BigDecimal}: from + i step, exactly),
 * and each value is then the double nearest that decimal: {@code -0.3:0:0.1} is -0.3, -0.2, -0.1
 * and 0, where repeated double addition would give -0.19999999999999998 and 5.55e-17.
 */
record SweepSpec(String text, String field, List<Double> values) {

    /** Most values a from:to:step grid may have. */
    static final int MAX_VALUES = 1000;

    SweepSpec {
        values = List.copyOf(values);
    }

    static SweepSpec parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InvalidInputException("reconsim: --sweep: expected FIELD=VALUES such as "
                    + "mechanisms.restabilization_blockade.k_block=0,0.5,1, got '" + text + "'");
        }
        String field = text.substring(0, eq);
        String fixed = fixedReason(field);
        if (fixed != null) {
            throw new InvalidInputException("reconsim: --sweep " + field + ": cannot vary: " + fixed);
        }
        return new SweepSpec(text, field, values(text.substring(eq + 1)));
    }

    /**
     * Why power cannot sweep {@code field}, or null when it may. The fields
     * {@link ScenarioEdit#fixedReason} names as not parameters of a trial, less an arm's
     * allocation: power simulates a trial of the sizes it is given, so a swept allocation is a
     * design a designer may compare (calibrate and sensitivity refuse it because a published trial's
     * allocation is fixed), while a swept design.n_per_arm, simulation.seed or
     * simulation.replicates would be overridden by --n-per-arm, --seed and --replicates and give
     * the same table under every label.
     */
    static String fixedReason(String field) {
        if (ScenarioEdit.fixedReason(field) == null || field.matches("design\\.arms\\[\\d+]\\.allocation")) {
            return null;
        }
        return switch (field) {
            case "design.n_per_arm" -> "the sample sizes are the power curve's axis; give them with --n-per-arm (e.g. 12,24,48 or 10:60:10)";
            case "simulation.seed" -> "the seed addresses the virtual trials, it is not a parameter; give it with --seed";
            default -> "the replicate count is how many virtual trials each point runs, not a parameter; give it with --replicates";
        };
    }

    /** A list, or from:to:step (in decimal) with at most {@link #MAX_VALUES} values. */
    static List<Double> values(String text) {
        try {
            List<Double> out = new ArrayList<>();
            if (text.contains(":")) {
                String[] p = text.split(":", -1);
                if (p.length != 3) {
                    throw new NumberFormatException();
                }
                BigDecimal from = new BigDecimal(p[0].trim());
                BigDecimal to = new BigDecimal(p[1].trim());
                BigDecimal step = new BigDecimal(p[2].trim());
                if (step.signum() <= 0 || to.compareTo(from) < 0
                        || to.subtract(from).divide(step, java.math.MathContext.DECIMAL64).compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0) {
                    throw new InvalidInputException("reconsim: --sweep: expected from <= to, step > 0 and at most " + MAX_VALUES
                            + " values in '" + text + "'");
                }
                for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                    out.add(v.doubleValue());
                }
            } else {
                for (String v : text.split(",")) {
                    double d = Double.parseDouble(v.trim());
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    out.add(d == 0 ? 0.0 : d); // -0 is 0
                }
            }
            return out;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("reconsim: --sweep: expected numbers such as 0,0.5,1 or -0.3:0:0.1, got '" + text + "'");
        }
    }

    /** The values as written everywhere ({@link org.reconsim.results.power.SweepValues#label}), comma-separated. */
    String valueLabels() {
        return String.join(", ", values.stream().map(org.reconsim.results.power.SweepValues::label).toList());
    }

    static final class Converter implements ITypeConverter<SweepSpec> {
        @Override
        public SweepSpec convert(String text) {
            return parse(text);
        }
    }
}
