package org.reconsim.cli;

import java.util.ArrayList;
import java.util.List;

import org.reconsim.results.inference.FreeField;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.PriorDistribution;

/**
 * power's {@code --assurance FIELD=PRIOR} (repeatable: the fields are drawn jointly) and
 * {@code --assurance-correlation FIELD,FIELD=r} (a Gaussian copula between two drawn fields):
 * each virtual trial draws every FIELD from its PRIOR, one of
 * <pre>
 *   uniform(lo,hi)  normal(mean,sd,lo,hi)  lognormal(meanlog,sdlog[,lo,hi])  loguniform(lo,hi)
 *   beta(a,b[,lo,hi])  discrete(value:p,value:p,...)
 * </pre>
 * where {@code mechanisms.active=discrete(restabilization-blockade:0.4,plasticity-window:0.3,null:0.3)}
 * is a prior over mechanism hypotheses ('+' joins mechanisms true together, {@code null} is
 * none). Every problem is reported, one line each. Whether the scenario accepts the values is for
 * the scenario to say (PowerService). The texts are kept as typed: the checkpoint stores them.
 *
 * @param texts         each {@code --assurance} as typed
 * @param correlations  each {@code --assurance-correlation} as typed
 * @param prior         the joint prior they describe
 */
record AssuranceSpec(List<String> texts, List<String> correlations, AssurancePrior prior) {

    static final String PRIORS = "uniform(lo,hi), normal(mean,sd,lo,hi), lognormal(meanlog,sdlog[,lo,hi]), loguniform(lo,hi), "
            + "beta(a,b[,lo,hi]) or discrete(value:p,...)";

    AssuranceSpec {
        texts = List.copyOf(texts);
        correlations = List.copyOf(correlations);
    }

    /** One field drawn alone. */
    static AssuranceSpec parse(String text) {
        return of(List.of(text), List.of());
    }

    /** The joint prior of several {@code --assurance} and {@code --assurance-correlation} options; every problem at once. */
    static AssuranceSpec of(List<String> texts, List<String> correlations) {
        List<String> problems = new ArrayList<>();
        if (texts.isEmpty()) {
            problems.add("reconsim: --assurance-correlation needs --assurance");
            throw new InvalidInputException(problems);
        }
        List<AssurancePrior.Field> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String text : texts) {
            AssurancePrior.Field f = field("--assurance", text, problems);
            if (f != null) {
                if (names.contains(f.field())) {
                    problems.add("reconsim: --assurance " + f.field() + ": drawn twice");
                } else {
                    fields.add(f);
                    names.add(f.field());
                }
            }
        }
        double[][] r = new double[fields.size()][fields.size()];
        for (int i = 0; i < r.length; i++) {
            r[i][i] = 1;
        }
        for (String c : correlations) {
            correlation(c, names, r, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            return new AssuranceSpec(texts, correlations, new AssurancePrior(fields, r));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reconsim: --assurance-correlation: " + e.getMessage());
        }
    }

    /**
     * The free fields of an inference command's {@code --free FIELD=PRIOR} options, in the
     * syntax of {@code --assurance}; every problem at once. Whether the scenario lets a field
     * vary is for the simulator to say (ScenarioSummarySimulator).
     */
    static List<FreeField> free(List<String> texts) {
        List<String> problems = new ArrayList<>();
        List<FreeField> out = new ArrayList<>();
        for (String text : texts) {
            AssurancePrior.Field f = field("--free", text, problems);
            if (f != null) {
                out.add(new FreeField(f.field(), f.text(), f.distribution()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(out);
    }

    /** One FIELD=PRIOR given to {@code option}, or null after adding its problem. */
    private static AssurancePrior.Field field(String option, String text, List<String> problems) {
        String bad = "reconsim: " + option + ": expected FIELD=PRIOR with PRIOR " + PRIORS + ", got '" + text + "'";
        int eq = text.indexOf('=');
        int open = text.indexOf('(', eq);
        String dist = eq < 0 ? "" : text.substring(eq + 1).replace(" ", "");
        if (eq <= 0 || open < 0 || !dist.endsWith(")")) {
            problems.add(bad);
            return null;
        }
        String field = text.substring(0, eq).trim();
        String name = dist.substring(0, dist.indexOf('('));
        String[] p = dist.substring(name.length() + 1, dist.length() - 1).split(",", -1);
        String what = "reconsim: " + option + " " + field + "=" + dist + ": ";
        boolean mechanisms = field.equals(AssurancePrior.MECHANISMS);
        if (mechanisms && !name.equals("discrete")) {
            problems.add(what + AssurancePrior.MECHANISMS + " takes a discrete prior over mechanism hypotheses, e.g. "
                    + "discrete(restabilization-blockade:0.5,null:0.5)");
            return null;
        }
        try {
            String problem = null;
            PriorDistribution d = null;
            switch (name) {
                case "uniform" -> {
                    double[] x = numbers(p, 2, 2);
                    problem = x[0] < x[1] ? null : "uniform needs lo < hi";
                    d = new PriorDistribution.Uniform(x[0], x[1]);
                }
                case "normal" -> {
                    double[] x = numbers(p, 4, 4);
                    problem = !(x[1] > 0) ? "normal needs sd > 0" : x[2] < x[3] ? null : "normal needs lo < hi";
                    d = new PriorDistribution.Normal(x[0], x[1], x[2], x[3]);
                }
                case "lognormal" -> {
                    double[] x = numbers(p, 2, 4);
                    double lo = x.length == 4 ? x[2] : 0;
                    double hi = x.length == 4 ? x[3] : Double.POSITIVE_INFINITY;
                    problem = !(x[1] > 0) ? "lognormal needs sdlog > 0" : 0 <= lo && lo < hi ? null : "lognormal needs 0 <= lo < hi";
                    d = new PriorDistribution.LogNormal(x[0], x[1], lo, hi);
                }
                case "loguniform" -> {
                    double[] x = numbers(p, 2, 2);
                    problem = 0 < x[0] && x[0] < x[1] ? null : "loguniform needs 0 < lo < hi";
                    d = new PriorDistribution.LogUniform(x[0], x[1]);
                }
                case "beta" -> {
                    double[] x = numbers(p, 2, 4);
                    double lo = x.length == 4 ? x[2] : 0;
                    double hi = x.length == 4 ? x[3] : 1;
                    problem = !(x[0] > 0 && x[1] > 0) ? "beta needs a > 0 and b > 0" : lo < hi ? null : "beta needs lo < hi";
                    d = new PriorDistribution.Beta(x[0], x[1], lo, hi);
                }
                case "discrete" -> {
                    return discrete(field, dist, p, mechanisms, what, problems);
                }
                default -> {
                    problems.add(bad);
                    return null;
                }
            }
            if (problem != null) {
                problems.add(what + problem);
                return null;
            }
            return new AssurancePrior.Field(field, dist, d);
        } catch (NumberFormatException e) {
            // too few or too many numbers, or not numbers: the same one-line message as any other malformed prior
            problems.add(bad);
            return null;
        }
    }

    private static AssurancePrior.Field discrete(String field, String dist, String[] entries, boolean mechanisms,
                                                 String what, List<String> problems) {
        List<String> values = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        double sum = 0;
        int before = problems.size();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            double prob;
            try {
                prob = colon <= 0 ? Double.NaN : Double.parseDouble(entry.substring(colon + 1));
            } catch (NumberFormatException e) {
                prob = Double.NaN;
            }
            if (!(prob > 0 && prob <= 1)) {
                problems.add(what + "expected value:probability with 0 < probability <= 1, got '" + entry + "'");
                continue;
            }
            String value = entry.substring(0, colon);
            if (!mechanisms && !isNumber(value)) {
                problems.add(what + "'" + value + "' is not a number (only " + AssurancePrior.MECHANISMS + " takes labels)");
                continue;
            }
            if (values.contains(value)) {
                problems.add(what + "'" + value + "' is listed twice");
                continue;
            }
            values.add(value);
            probabilities.add(prob);
            sum += prob;
        }
        if (problems.size() > before) {
            return null;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            problems.add(what + "the probabilities sum to " + sum + ", not 1");
            return null;
        }
        return new AssurancePrior.Field(field, dist, new PriorDistribution.Discrete(values, probabilities));
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Between {@code min} and {@code max} finite numbers; NumberFormatException otherwise. */
    private static double[] numbers(String[] p, int min, int max) {
        if (p.length != min && p.length != max) {
            throw new NumberFormatException(p.length + " numbers");
        }
        double[] x = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            x[i] = Double.parseDouble(p[i]);
            if (!Double.isFinite(x[i])) {
                throw new NumberFormatException(p[i]);
            }
        }
        return x;
    }

    /** One FIELD,FIELD=r into {@code r}, or its problem. */
    private static void correlation(String text, List<String> names, double[][] r, List<String> problems) {
        String bad = "reconsim: --assurance-correlation: expected FIELD,FIELD=r with -1 < r < 1, got '" + text + "'";
        int eq = text.lastIndexOf('=');
        int comma = eq < 0 ? -1 : text.substring(0, eq).indexOf(',');
        double value;
        try {
            value = eq < 0 ? Double.NaN : Double.parseDouble(text.substring(eq + 1).trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (comma <= 0 || !(value > -1 && value < 1)) {
            problems.add(bad);
            return;
        }
        String a = text.substring(0, comma).trim();
        String b = text.substring(comma + 1, eq).trim();
        String what = "reconsim: --assurance-correlation " + text + ": ";
        int i = names.indexOf(a);
        int j = names.indexOf(b);
        if (i < 0 || j < 0) {
            problems.add(what + (i < 0 ? a : b) + " is not a field drawn by --assurance");
        } else if (i == j) {
            problems.add(what + "a field is not correlated with itself");
        } else if (r[i][j] != 0) {
            problems.add(what + "the pair is given twice");
        } else {
            r[i][j] = value;
            r[j][i] = value;
        }
    }
}
