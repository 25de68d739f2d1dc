package org.reconsim.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.ITypeConverter;

/**
 * power's --sweep FIELD=VALUES: one numeric scenario field and the values it takes, a list
 * ({@code 0,0.5,1}) or from:to:step ({@code -0.3:0:0.1}). Whether the field exists and accepts
 * each value is for the scenario to say (PowerService), not for the syntax. {@code text} is kept
 * as typed because the checkpoint stores the option as typed.
 */
record SweepSpec(String text, String field, List<Double> values) {

    SweepSpec {
        values = List.copyOf(values);
    }

    static SweepSpec parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InvalidInputException("reconsim: --sweep: expected FIELD=VALUES such as "
                    + "mechanisms.restabilization_blockade.k_block=0,0.5,1, got '" + text + "'");
        }
        return new SweepSpec(text, text.substring(0, eq), values(text.substring(eq + 1)));
    }

    /** A list, or from:to:step with at most 1000 values (the end is reached despite rounding: 1e-9 of a step). */
    static List<Double> values(String text) {
        try {
            List<Double> out = new ArrayList<>();
            if (text.contains(":")) {
                String[] p = text.split(":", -1);
                if (p.length != 3) {
                    throw new NumberFormatException();
                }
                double from = Double.parseDouble(p[0]);
                double to = Double.parseDouble(p[1]);
                double step = Double.parseDouble(p[2]);
                if (!(step > 0) || to < from || (to - from) / step > 1000) {
                    throw new InvalidInputException("reconsim: --sweep: expected from <= to, step > 0 and at most 1000 values in '"
                            + text + "'");
                }
                for (int i = 0; from + i * step <= to + 1e-9 * step; i++) {
                    out.add(from + i * step);
                }
            } else {
                for (String v : text.split(",")) {
                    out.add(Double.parseDouble(v.trim()));
                }
            }
            return out;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("reconsim: --sweep: expected numbers such as 0,0.5,1 or -0.3:0:0.1, got '" + text + "'");
        }
    }

    static final class Converter implements ITypeConverter<SweepSpec> {
        @Override
        public SweepSpec convert(String text) {
            return parse(text);
        }
    }
}
