package org.reconsim.cli;

import org.reconsim.results.power.AssurancePrior;

import picocli.CommandLine.ITypeConverter;

/**
 * power's --assurance FIELD=PRIOR: each virtual trial draws FIELD from uniform(lo,hi) or the
 * truncated normal(mean,sd,lo,hi). Whether the field accepts lo and hi is for the scenario to say
 * (PowerService). {@code text} is kept as typed because the checkpoint stores the option as typed.
 */
record AssuranceSpec(String text, AssurancePrior prior) {

    static AssuranceSpec parse(String text) {
        int eq = text.indexOf('=');
        String bad = "reconsim: --assurance: expected FIELD=uniform(lo,hi) or FIELD=normal(mean,sd,lo,hi), got '" + text + "'";
        if (eq <= 0) {
            throw new InvalidInputException(bad);
        }
        String field = text.substring(0, eq);
        String dist = text.substring(eq + 1).replace(" ", "");
        try {
            if (dist.startsWith("uniform(") && dist.endsWith(")")) {
                String[] p = dist.substring(8, dist.length() - 1).split(",");
                double lo = Double.parseDouble(p[0]);
                double hi = Double.parseDouble(p[1]);
                if (p.length == 2 && lo < hi) {
                    return new AssuranceSpec(text, new AssurancePrior(field, dist, false, lo, hi, lo, hi));
                }
            } else if (dist.startsWith("normal(") && dist.endsWith(")")) {
                String[] p = dist.substring(7, dist.length() - 1).split(",");
                double lo = Double.parseDouble(p[2]);
                double hi = Double.parseDouble(p[3]);
                double sd = Double.parseDouble(p[1]);
                if (p.length == 4 && lo < hi && sd > 0) {
                    return new AssuranceSpec(text, new AssurancePrior(field, dist, true, Double.parseDouble(p[0]), sd, lo, hi));
                }
            }
        } catch (RuntimeException e) {
            // too few numbers or not numbers: the same one-line message as any other malformed prior
            throw new InvalidInputException(bad);
        }
        throw new InvalidInputException(bad);
    }

    static final class Converter implements ITypeConverter<AssuranceSpec> {
        @Override
        public AssuranceSpec convert(String text) {
            return parse(text);
        }
    }
}
