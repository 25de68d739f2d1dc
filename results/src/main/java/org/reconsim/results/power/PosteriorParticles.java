package org.reconsim.results.power;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.models.population.PatientGenerator;

/**
 * An assurance prior that is a calibration's posterior itself: the empirical distribution of the
 * weighted particles of the last ABC-SMC generation (Toni et al. 2009; Beaumont et al. 2009),
 * P(particle k) = w_k / sum_j w_j. Each virtual trial draws one particle and takes all of it:
 * its hypothesis ({@code mechanisms.active}, labels joined by '+', {@code null} for none) and its
 * value of every free field. The draw thus keeps the posterior's dependence between the fields,
 * and between the hypothesis and the fields, which a fit of independent marginals (even with a
 * Gaussian copula, as calibrate's assurance.txt) loses: a pilot that identifies only a product
 * of two parameters leaves a ridge in their joint posterior, and the marginals spread trials
 * across combinations the pilot ruled out.
 *
 * <p>Draw (fixed): trial r opens its own {@link Purpose#ASSURANCE} stream (patient -2,
 * replicate r), as {@link AssurancePrior} does, takes one uniform u in (0, 1) and draws the first
 * particle k, in file order, whose cumulative weight W_k = w_1 + ... + w_k exceeds u W_N (inversion
 * of the categorical distribution function; a particle of weight 0 is never drawn).
 *
 * <p>Drawn values, one replicates.csv column each: the particle's number (its {@code particle}
 * cell in posterior.csv), its hypothesis, then its free-field values; the first two are held as
 * the particle's position in {@link #particles()} and written as text ({@link #category}).
 *
 * @param source      the posterior file's name (for labels: not its folder, so that a run and its
 *                    resumption, which has the absolute path, say the same)
 * @param sha256      SHA-256 of the file's bytes, hexadecimal: the identity a checkpoint holds
 * @param generation  the generation the particles are from (the last in the file)
 * @param fields      the free fields, in the file's column order
 * @param particles   the particles of that generation, in file order
 */
public record PosteriorParticles(String source, String sha256, int generation, List<String> fields, List<Particle> particles)
        implements TrialPrior {

    private static final long serialVersionUID = 1L;

    /** The first drawn column: the particle's number in posterior.csv. */
    public static final String PARTICLE = "particle";

    /**
     * One weighted particle.
     *
     * @param number      its {@code particle} cell in posterior.csv
     * @param hypothesis  its hypothesis as written: mechanism labels joined by '+', or {@code null}
     * @param weight      its importance weight (need not be normalized), finite and at least 0
     * @param values      its value of each free field, in field order
     */
    public record Particle(int number, String hypothesis, double weight, double[] values) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Particle {
            if (hypothesis == null || hypothesis.isEmpty()) {
                throw new IllegalArgumentException("particle " + number + " has no hypothesis");
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("particle " + number + ": weight must be finite and at least 0, got " + weight);
            }
            values = values.clone();
            if (Arrays.stream(values).anyMatch(v -> !Double.isFinite(v))) {
                throw new IllegalArgumentException("particle " + number + ": values must be finite, got " + Arrays.toString(values));
            }
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Particle p && number == p.number && hypothesis.equals(p.hypothesis)
                    && Double.compare(weight, p.weight) == 0 && Arrays.equals(values, p.values);
        }

        @Override
        public int hashCode() {
            return ((31 * number + hypothesis.hashCode()) * 31 + Double.hashCode(weight)) * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Particle[" + number + ", " + hypothesis + ", w=" + weight + ", " + Arrays.toString(values) + "]";
        }
    }

    public PosteriorParticles {
        fields = List.copyOf(fields);
        particles = List.copyOf(particles);
        if (particles.isEmpty()) {
            throw new IllegalArgumentException("a posterior needs at least one particle");
        }
        if (fields.stream().distinct().count() != fields.size()) {
            throw new IllegalArgumentException("a free field is given twice: " + fields);
        }
        if (fields.contains(AssurancePrior.MECHANISMS)) {
            throw new IllegalArgumentException(AssurancePrior.MECHANISMS + " is each particle's hypothesis, not a free field");
        }
        for (Particle p : particles) {
            if (p.values.length != fields.size()) {
                throw new IllegalArgumentException("particle " + p.number() + " has " + p.values.length + " values for "
                        + fields.size() + " free fields");
            }
        }
        if (!(total(particles) > 0)) {
            throw new IllegalArgumentException("the particles' weights are all 0");
        }
    }

    private static double total(List<Particle> particles) {
        double sum = 0;
        for (Particle p : particles) {
            sum += p.weight;
        }
        return sum;
    }

    /** The position in {@link #particles()} of the particle trial {@code replicate} draws. */
    public int drawIndex(RandomStreams streams, int replicate) {
        UniformRandomProvider stream = streams.stream(Purpose.ASSURANCE, -2, replicate);
        double target = PatientGenerator.open(stream) * total(particles);
        double cumulative = 0;
        int lastPositive = -1;
        for (int k = 0; k < particles.size(); k++) {
            double w = particles.get(k).weight;
            if (w > 0) {
                cumulative += w;
                lastPositive = k;
                if (target < cumulative) {
                    return k;
                }
            }
        }
        // u W_N rounded up to W_N (u within 2^-53 of 1): the last particle that has weight
        return lastPositive;
    }

    /** The particle's number, its hypothesis (both as its position k), then its free-field values. */
    @Override
    public double[] draw(RandomStreams streams, int replicate) {
        int k = drawIndex(streams, replicate);
        double[] v = particles.get(k).values;
        double[] drawn = new double[2 + v.length];
        drawn[0] = k;
        drawn[1] = k;
        System.arraycopy(v, 0, drawn, 2, v.length);
        return drawn;
    }

    /** The scenario under the drawn particle's hypothesis with every free field at its value (one edit, one validation). */
    @Override
    public LoadedScenario scenario(LoadedScenario loaded, double[] values) {
        try {
            return ScenarioEdit.set(loaded, edits(fields, particles.get((int) values[0])));
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("a checked particle was refused: " + e.getMessage(), e);
        }
    }

    /**
     * What particle {@code p} of a posterior over {@code fields} sets: {@code mechanisms.active} to
     * its hypothesis's labels, each free field to its value (the edit the command line checks
     * before any trial runs, and each trial makes).
     */
    public static Map<String, Object> edits(List<String> fields, Particle p) {
        Map<String, Object> edits = new LinkedHashMap<>();
        edits.put(AssurancePrior.MECHANISMS, AssurancePrior.mechanisms(p.hypothesis()));
        for (int j = 0; j < fields.size(); j++) {
            edits.put(fields.get(j), p.values[j]);
        }
        return edits;
    }

    /** The particles are finite in number: a drawn scenario repeats whenever its particle is drawn again. */
    @Override
    public boolean discrete() {
        return true;
    }

    @Override
    public List<String> columns() {
        List<String> c = new ArrayList<>(List.of(PARTICLE, AssurancePrior.MECHANISMS));
        c.addAll(fields);
        return c;
    }

    @Override
    public String category(int column, double value) {
        return switch (column) {
            case 0 -> Integer.toString(particles.get((int) value).number());
            case 1 -> particles.get((int) value).hypothesis();
            default -> null;
        };
    }

    /** Each hypothesis's posterior probability, the sum of its particles' normalized weights, in order of first appearance. */
    public Map<String, Double> hypothesisProbabilities() {
        double total = total(particles);
        Map<String, Double> p = new LinkedHashMap<>();
        for (Particle q : particles) {
            p.merge(q.hypothesis(), q.weight / total, Double::sum);
        }
        return p;
    }

    @Override
    public String text() {
        return "posterior(" + source + ",generation=" + generation + ",particles=" + particles.size() + ",sha256=" + sha256 + ")";
    }

    @Override
    public String describe() {
        List<String> hypotheses = new ArrayList<>();
        hypothesisProbabilities().forEach((h, p) -> hypotheses.add(String.format(Locale.ROOT, "%s %.3f", h, p)));
        return "each virtual trial drew one particle of generation " + generation + " of " + source + " (" + particles.size()
                + " particles, sha256 " + sha256 + ") with probability proportional to its weight, and ran under its hypothesis"
                + (fields.isEmpty() ? "" : " with its values of " + String.join(", ", fields) + " together (the joint posterior)")
                + "; hypotheses by posterior weight: " + String.join(", ", hypotheses);
    }
}
