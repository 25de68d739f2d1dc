package org.reconsim.results.power;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.models.population.PatientGenerator;
import org.reconsim.models.population.StandardNormal;

/**
 * A joint prior for assurance: one or more scenario fields drawn per virtual trial, each from
 * its {@link PriorDistribution}, optionally correlated through a Gaussian copula.
 *
 * <p>Draw order (fixed): trial r opens its own {@link Purpose#ASSURANCE} stream (patient -2,
 * replicate r) and takes one uniform per field in the order the fields were given; a field
 * that is in no correlation takes its value at that uniform (so a one-field prior draws what it
 * always drew). Correlated fields turn their uniforms into normal scores z = Phi^-1(u),
 * correlate them as L z with L the Cholesky factor of the correlation matrix, and take their
 * values at Phi(L z). The correlation is thus that of the normal scores: for untruncated
 * normal priors exactly the correlation of the values, for the others a rank-preserving one.
 *
 * @param fields       the drawn fields, in draw order
 * @param correlation  correlation matrix over the fields (identity when none is given);
 *                     symmetric, unit diagonal, positive definite (checked)
 */
public record AssurancePrior(List<Field> fields, double[][] correlation) implements TrialPrior {

    private static final long serialVersionUID = 2L;

    /**
     * One drawn field.
     *
     * @param field         dotted path of the field, as for {@code --sweep}; {@code mechanisms.active} for a discrete
     *                      prior over mechanism hypotheses
     * @param text          the distribution as the user wrote it (for tables and manifests)
     * @param distribution  its prior
     */
    public record Field(String field, String text, PriorDistribution distribution) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Whether the field is a set of mechanism labels rather than a number. */
        public boolean mechanisms() {
            return field.equals(MECHANISMS);
        }

        /** The category a drawn value stands for under a discrete prior, as written; null for a number. */
        public String category(double value) {
            return distribution instanceof PriorDistribution.Discrete d ? d.value((int) value) : null;
        }
    }

    /** The field a discrete prior over mechanism hypotheses sets. */
    public static final String MECHANISMS = "mechanisms.active";

    public AssurancePrior {
        fields = List.copyOf(fields);
        int n = fields.size();
        if (n == 0) {
            throw new IllegalArgumentException("a prior draws at least one field");
        }
        if (correlation.length != n || Arrays.stream(correlation).anyMatch(row -> row.length != n)) {
            throw new IllegalArgumentException("the correlation matrix must be " + n + " x " + n);
        }
        correlation = Arrays.stream(correlation).map(double[]::clone).toArray(double[][]::new);
        if (cholesky(correlation) == null) {
            throw new IllegalArgumentException("the correlations are not a valid correlation matrix (not positive definite)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof AssurancePrior other && fields.equals(other.fields)
                && Arrays.deepEquals(correlation, other.correlation);
    }

    @Override
    public int hashCode() {
        return 31 * fields.hashCode() + Arrays.deepHashCode(correlation);
    }

    @Override
    public String toString() {
        return "AssurancePrior[" + text() + "]";
    }

    /** One field with no correlation: the prior {@code --assurance FIELD=PRIOR} always was. */
    public static AssurancePrior of(Field field) {
        return new AssurancePrior(List.of(field), new double[][] {{1}});
    }

    @Override
    public double[][] correlation() {
        return Arrays.stream(correlation).map(double[]::clone).toArray(double[][]::new);
    }

    /** The prior as text: each field's {@code field~prior}, then each correlation, joined by ';'. */
    @Override
    public String text() {
        List<String> parts = new ArrayList<>();
        for (Field f : fields) {
            parts.add(f.field() + "~" + f.text());
        }
        for (int i = 0; i < fields.size(); i++) {
            for (int j = i + 1; j < fields.size(); j++) {
                if (correlation[i][j] != 0) {
                    parts.add("corr(" + fields.get(i).field() + "," + fields.get(j).field() + ")="
                            + correlation[i][j]);
                }
            }
        }
        return String.join(";", parts);
    }

    /** The values trial {@code replicate} draws, in field order (a discrete field's value is its category's index). */
    @Override
    public double[] draw(RandomStreams streams, int replicate) {
        UniformRandomProvider stream = streams.stream(Purpose.ASSURANCE, -2, replicate);
        int n = fields.size();
        double[] u = new double[n];
        for (int j = 0; j < n; j++) {
            u[j] = PatientGenerator.open(stream);
        }
        double[][] l = cholesky(correlation);
        double[] z = null;
        double[] values = new double[n];
        for (int j = 0; j < n; j++) {
            double uj = u[j];
            if (correlated(j)) {
                if (z == null) {
                    z = new double[n];
                    for (int k = 0; k < n; k++) {
                        z[k] = StandardNormal.quantile(u[k]);
                    }
                }
                double zj = 0;
                for (int k = 0; k <= j; k++) {
                    zj += l[j][k] * z[k];
                }
                uj = Math.min(0.5 * Erf.erfc(-zj / Math.sqrt(2)), Math.nextDown(1.0));
            }
            values[j] = fields.get(j).distribution().quantile(uj);
        }
        return values;
    }

    private boolean correlated(int j) {
        for (int k = 0; k < correlation.length; k++) {
            if (k != j && correlation[j][k] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether every field has a discrete prior (so that draws repeat). */
    @Override
    public boolean discrete() {
        return fields.stream().allMatch(f -> f.distribution() instanceof PriorDistribution.Discrete);
    }

    /** The fields, in draw order: each drawn value's replicates.csv column. */
    @Override
    public List<String> columns() {
        return fields.stream().map(Field::field).toList();
    }

    /** A discrete field's category as written; null for a number. */
    @Override
    public String category(int column, double value) {
        return fields.get(column).category(value);
    }

    @Override
    public String describe() {
        return "each virtual trial drew its own " + String.join(", ", columns()) + " from the prior " + text();
    }

    /** The scenario with the drawn {@code values} set. */
    @Override
    public LoadedScenario scenario(LoadedScenario loaded, double[] values) {
        Map<String, Object> edits = new LinkedHashMap<>();
        for (int j = 0; j < fields.size(); j++) {
            edits.put(fields.get(j).field(), value(fields.get(j), values[j]));
        }
        try {
            return ScenarioEdit.set(loaded, edits);
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("a value inside the prior's checked bounds was refused: " + e.getMessage(), e);
        }
    }

    /** What one field's value sets: a number, or the list of mechanism labels of a category ("null": none). */
    public static Object value(Field f, double value) {
        if (f.distribution() instanceof PriorDistribution.Discrete d) {
            String category = d.value((int) value);
            if (f.mechanisms()) {
                return mechanisms(category);
            }
            return Double.parseDouble(category);
        }
        return value;
    }

    /**
     * The {@code mechanisms.active} labels of a mechanism hypothesis as written: {@code null} is
     * none, '+' joins mechanisms true together ({@code restabilization-blockade+plasticity-window}).
     * Whether the labels exist is for the scenario to say (its binder names the allowed ones).
     */
    public static List<String> mechanisms(String hypothesis) {
        return hypothesis.equals("null") ? List.of() : List.of(hypothesis.split("\\+", -1));
    }

    /** The lower Cholesky factor of a symmetric matrix with unit diagonal, or null when it is not a positive definite correlation matrix. */
    static double[][] cholesky(double[][] r) {
        int n = r.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (r[i][i] != 1) {
                return null;
            }
            for (int j = 0; j <= i; j++) {
                if (r[i][j] != r[j][i] || Math.abs(r[i][j]) > 1) {
                    return null;
                }
                double sum = r[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 1e-12)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }
}
