package org.reconsim.results.sensitivity;

import java.util.List;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.TrueEffects;
import org.reconsim.results.power.AssurancePrior;
import org.reconsim.results.power.PowerAccumulator;
import org.reconsim.results.power.PowerJob;

/**
 * The virtual trial as a sensitivity {@link Model}: coordinate i of a point of the unit cube is
 * mapped through the quantile function of field i's prior to the field's value, the scenario is
 * edited to those values ({@link AssurancePrior#scenario}, which validates them), and the output
 * is read from the power table of R virtual trials at the scenario's n_per_arm, run through the
 * power machinery ({@link PowerJob#simulate}, {@link PowerAccumulator}) with the master seed.
 *
 * <p>Common random numbers: every point simulates replicates 0 .. R-1 under the same master
 * seed, so trial r of every point has the same patients, allocation and noise draws
 * (docs/ARCHITECTURE.md, Determinism); only the edited fields differ. The Monte Carlo error of
 * the output at one point is then largely shared by all points, and the differences the
 * estimators average (f(A_B^i) - f(A)) carry much less of it than independent trials would.
 * The replicates of one point run in order on the thread that evaluates it, so each point is a
 * pure function of its coordinates.
 */
public final class TrialModel implements Model {

    private static final long serialVersionUID = 1L;

    private final LoadedScenario base;
    private final AssurancePrior fields;
    private final long seed;
    private final int replicates;
    private final int nPerArm;
    private final TrialOutput output;

    /**
     * @param base        the scenario
     * @param fields      the varied fields and their priors (independent: no correlation)
     * @param seed        master seed of the trials
     * @param replicates  R, virtual trials per point
     * @param nPerArm     patients per arm
     * @param output      the number read from each point's power table
     */
    public TrialModel(LoadedScenario base, AssurancePrior fields, long seed, int replicates, int nPerArm, TrialOutput output) {
        double[][] r = fields.correlation();
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r.length; j++) {
                if (i != j && r[i][j] != 0) {
                    throw new IllegalArgumentException("Sobol indices need independent inputs: no correlation");
                }
            }
        }
        this.base = base;
        this.fields = fields;
        this.seed = seed;
        this.replicates = replicates;
        this.nPerArm = nPerArm;
        this.output = output;
    }

    /** The varied fields, in coordinate order. */
    public List<AssurancePrior.Field> fields() {
        return fields.fields();
    }

    /** The field values at {@code u}. */
    public double[] values(double[] u) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = fields.fields().get(i).distribution().quantile(u[i]);
        }
        return x;
    }

    @Override
    public double evaluate(double[] u) {
        // the true effects are simulated only when they are the output: they would cost most of a point's time
        int truthPairs = output.quantity() == TrialOutput.Quantity.EFFECT_D ? TrueEffects.PAIRS : 0;
        PowerJob job = new PowerJob(fields.scenario(base, values(u)), seed, List.of(nPerArm), null, false, truthPairs);
        PowerAccumulator acc = job.accumulator();
        for (int r = 0; r < replicates; r++) {
            acc.add(job.simulate(r));
        }
        return output.of(acc.rows());
    }

    /** Serialized as the scenario's canonical JSON with the rest; rebuilt by parsing it again (checked by its sha256). */
    private Object writeReplace() {
        return new Form(base.source(), base.canonical().json(), base.canonical().sha256(), fields, seed, replicates, nPerArm, output);
    }

    private record Form(String source, String json, String sha256, AssurancePrior fields, long seed, int replicates, int nPerArm,
                        TrialOutput output) implements java.io.Serializable {
        private Object readResolve() {
            try {
                LoadedScenario loaded = org.reconsim.engine.scenario.ScenarioLoader.parse(source + ".json", json);
                if (!loaded.canonical().sha256().equals(sha256)) {
                    throw new IllegalStateException("the scenario did not survive its canonical form: " + source);
                }
                return new TrialModel(loaded, fields, seed, replicates, nPerArm, output);
            } catch (org.reconsim.engine.scenario.InvalidScenarioException e) {
                throw new IllegalStateException("a checked scenario was refused when rebuilt: " + e.getMessage(), e);
            }
        }
    }
}
