package org.reconsim.cli;

import org.reconsim.models.mechanism.MechanismRegistry;
import org.reconsim.models.mechanism.MechanismType;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.reconsim.cli.ScenarioFields.Field;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Arm;
import org.reconsim.engine.scenario.DropoutMechanism;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;
import org.reconsim.engine.scenario.ScenarioEdit;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.Timeline;
import org.reconsim.engine.sim.PatientOutcome;
import org.reconsim.engine.sim.TrialOutcome;
import org.reconsim.engine.sim.TrialPlan;
import org.reconsim.engine.sim.VirtualTrial;
import org.reconsim.results.dataset.TrialTables;
import org.reconsim.results.power.AnalysisKey;
import org.reconsim.results.power.TrialAnalysis;
import org.reconsim.results.power.TrialResults;
import org.reconsim.results.stats.TestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random valid scenarios through the library, below the command line: {@link TrialPlan#compile},
 * {@link VirtualTrial#run}, {@link TrialAnalysis} with every method, and the CSV tables of
 * {@code reconsim run} (ScenarioPropertiesTest runs {@code generate} and {@code power} on the
 * same scenarios). A scenario is the bundled one with either memory model, any set of mechanisms (or none, with or without a direct effect), any
 * dropout mechanism, and 1-6 numeric fields set by {@link ScenarioEdit#set} anywhere their
 * {@code @Spec} range allows, except that fields which set the size of a run are capped
 * ({@link #CAPS}) so that each try takes tens of milliseconds. Unbounded fields take values up
 * to 3x their default or, one time in five, of any magnitude from 1e-300 to 1e300.
 *
 * <p>Properties: no exception; a combination that the cross-field checks refuse is an
 * {@link InvalidScenarioException} with one message per problem; every latent state and every
 * observed value of an attended visit is finite, and NaN marks exactly the visits after a dropout;
 * every analysis is either defined (finite estimate, standard error and statistic, df > 0, p in
 * [0, 1]) or undefined in every number; the tables hold no NaN or infinity.
 *
 * <p>CI runs a fixed seed; search further with {@code -Dreconsim.tries=N -Dreconsim.seed=random}
 * ({@link PropertySearch}).
 */
@AddLifecycleHook(PropertySearch.class)
class TrialPropertiesTest {

    /**
     * Upper bounds for the fields that set the size (and so the cost) of a run, below their
     * documented maxima; the run itself uses 2-8 patients per arm whatever design.n_per_arm says.
     */
    static final Map<String, Double> CAPS = Map.ofEntries(
            Map.entry("design.n_per_arm", 10.0),
            Map.entry("design.sites", 4.0),
            Map.entry("allocation", 3.0),
            Map.entry("protocol.pe_sessions.count", 10.0),
            Map.entry("protocol.pe_sessions.trials_per_session", 10.0),
            Map.entry("memory.latent_cause.max_iter", 10.0),
            Map.entry("memory.latent_cause.max_causes", 20.0),
            Map.entry("memory.latent_cause.trauma_trials", 20.0),
            Map.entry("simulation.replicates", 10.0));
    /** Weekly ratings: 0 (none) or at least every half day, not every minute of ten years. */
    private static final double MIN_RATING_DAYS = 0.5;
    private static final Pattern ARM_FIELD = Pattern.compile("design\\.arms\\[0]\\.(dose_mg_per_kg|infusion_minutes|allocation)");

    /** One edit, as {@code ScenarioEdit.set} takes it. */
    record Edit(String path, double value) {
        @Override
        public String toString() {
            return path + "=" + value;
        }
    }

    /** A random valid (or cross-field invalid) scenario and the trial to run on it. */
    record Case(org.reconsim.models.memory.MemoryModel<?> model, Set<MechanismType<?>> mechanisms, DropoutMechanism dropout,
                Endpoint directEffect, double directEffectSize, List<Edit> edits, int nPerArm, long seed, int replicate) {
    }

    // ---- generators -----------------------------------------------------------------------

    private static double cap(Field f) {
        String key = f.dotted().replaceFirst("^design\\.arms\\[\\d]\\.", "");
        Double c = CAPS.get(key);
        return c == null ? Double.POSITIVE_INFINITY : c;
    }

    /** Values of {@code f} inside its documented range; {@code current} scales unbounded ranges. */
    static Arbitrary<Double> values(Field f, double current) {
        if (f.dotted().equals("measurement.weekly_pcl5_days")) {
            return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(MIN_RATING_DAYS, f.max()).ofScale(2));
        }
        if (f.dotted().equals("simulation.seed")) {
            return Arbitraries.longs().between(0, 1L << 52).map(Long::doubleValue);
        }
        double spread = 3 * Math.abs(current) + 1;
        double lo = f.min() != null ? f.min() : -spread;
        double hi = Math.min(cap(f), f.max() != null ? f.max() : Math.max(lo, 0) + spread);
        boolean loIn = f.min() == null || !f.exclusiveMin();
        boolean hiIn = f.max() == null || !f.exclusiveMax() || hi < f.max();
        if (f.integer()) {
            return Arbitraries.integers().between((int) Math.ceil(loIn ? lo : lo + 1), (int) Math.floor(hiIn ? hi : hi - 1))
                    .map(Integer::doubleValue);
        }
        List<Tuple.Tuple2<Integer, Arbitrary<Double>>> choices = new ArrayList<>();
        double from = lo;
        double width = hi - lo;
        choices.add(Tuple.of(5, Arbitraries.doubles().between(0, loIn, 1, hiIn).ofScale(6).map(u -> from + u * width)));
        if (loIn) {
            choices.add(Tuple.of(1, Arbitraries.just(lo)));
        }
        if (hiIn) {
            choices.add(Tuple.of(1, Arbitraries.just(hi)));
        }
        if (f.max() == null) {
            Arbitrary<Double> signed = magnitudes(f.min() == null);
            double floor = f.min() == null ? Double.NEGATIVE_INFINITY : f.min();
            choices.add(Tuple.of(2, signed.filter(v -> v > floor || (v == floor && loIn))));
        }
        return Arbitraries.frequencyOf(choices);
    }

    /** Any magnitude from 1e-300 to 1e300, negative too if {@code signed}. */
    static Arbitrary<Double> magnitudes(boolean signed) {
        Arbitrary<Double> m = Arbitraries.doubles().between(-300, 300).map(e -> Math.pow(10, e));
        return signed ? Combinators.combine(m, Arbitraries.of(-1.0, 1.0)).as((x, sign) -> x * sign) : m;
    }

    /** Numeric fields of the scenario, both arms' fields included. */
    static List<Field> numericFields() {
        JsonNode t = ScenarioFields.tree();
        List<Field> out = new ArrayList<>();
        for (Field f : ScenarioFields.ALL) {
            if (!f.numeric()) {
                continue;
            }
            List<Field> entries = ARM_FIELD.matcher(f.dotted()).matches() ? List.of(f, f.entry(1)) : List.of(f);
            for (Field e : entries) {
                JsonNode current = ScenarioFields.at(t, e.path());
                if (current != null && current.isNumber()) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<Case> cases() {
        return scenarios();
    }

    /** Random scenarios and trials (shared with ScenarioPropertiesTest, which runs them through the command line). */
    static Arbitrary<Case> scenarios() {
        JsonNode t = ScenarioFields.tree();
        List<Arbitrary<Edit>> perField = new ArrayList<>();
        for (Field f : numericFields()) {
            perField.add(values(f, ScenarioFields.at(t, f.path()).asDouble()).map(v -> new Edit(f.dotted(), v)));
        }
        Arbitrary<Edit> edit = Arbitraries.oneOf(perField);
        return Combinators.combine(
                Arbitraries.of(org.reconsim.models.memory.MemoryModel.values()),
                Arbitraries.of(MechanismRegistry.all()).set().ofMaxSize(3),
                Arbitraries.of(DropoutMechanism.class),
                Arbitraries.of(Endpoint.values()).injectNull(0.5),
                Arbitraries.oneOf(Arbitraries.doubles().between(-10, 10).ofScale(2), magnitudes(true)),
                edit.list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.integers().between(2, 8),
                Arbitraries.longs().between(0, 1_000_000))
                .as((model, mechanisms, dropout, direct, size, edits, n, seed) ->
                        new Case(model, mechanisms, dropout, mechanisms.isEmpty() ? direct : null, size, edits, n, seed, (int) (seed % 7)));
    }

    /** The scenario of {@code c}: the enum and list choices written into the tree, then each numeric edit. */
    static LoadedScenario build(Case c) throws InvalidScenarioException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode t = (ObjectNode) ScenarioFields.tree();
        ((ObjectNode) t.get("memory")).put("model", c.model().label());
        ArrayNode active = f.arrayNode();
        c.mechanisms().stream().sorted(java.util.Comparator.comparingInt(MechanismRegistry::indexOf))
                .forEach(m -> active.add(m.label()));
        ((ObjectNode) t.get("mechanisms")).set("active", active);
        ((ObjectNode) t.get("therapy").get("dropout")).put("mechanism", c.dropout().label());
        ArrayNode methods = f.arrayNode();
        for (AnalysisMethod m : AnalysisMethod.values()) {
            methods.add(m.label());
        }
        ((ObjectNode) t.get("analysis")).set("methods", methods);
        if (c.directEffect() != null) {
            t.set("direct_effects", f.arrayNode().add(f.objectNode().put("endpoint", c.directEffect().label())
                    .put("effect", c.directEffectSize())));
        }
        LoadedScenario s = ScenarioLoader.parse("random.json", ScenarioFields.JSON.writeValueAsString(t));
        for (Edit e : c.edits()) {
            s = ScenarioEdit.set(s, e.path(), e.value());
        }
        return s;
    }

    // ---- the property -----------------------------------------------------------------------

    @Property(tries = 40, seed = "20261128")
    void validScenariosGiveFiniteStatesObservationsAndAnalyses(@ForAll("cases") Case c) throws IOException {
        LoadedScenario loaded;
        try {
            loaded = build(c);
        } catch (InvalidScenarioException e) {
            // a combination the cross-field checks refuse (e.g. a post scan before the last session): a clear message
            assertThat(e.problems()).as(c.toString()).isNotEmpty();
            for (Problem p : e.problems()) {
                assertThat(p.message()).as(c.toString()).isNotBlank();
                assertThat(p.toString()).as(c.toString()).startsWith("random.json").doesNotContain("Exception");
            }
            Assume.that(false);
            return;
        }
        Scenario s = loaded.scenario();
        TrialPlan plan = TrialPlan.compile(s);
        TrialOutcome trial = VirtualTrial.run(plan, new RandomStreams(c.seed()), c.replicate(), c.nPerArm());
        int expected = 0;
        for (Arm a : s.design().arms()) {
            expected += c.nPerArm() * a.allocation();
        }
        assertThat(trial.patients()).as(c.toString()).hasSize(expected);
        for (PatientOutcome p : trial.patients()) {
            checkPatient(plan, p, c);
        }
        TrialAnalysis analysis = new TrialAnalysis(s.analysis(), plan);
        TrialResults results = analysis.analyse(trial);
        for (AnalysisKey key : results.keys()) {
            checkResult(results.get(key), key.method(), c);
        }
        Path dir = ScenarioFields.tempDir();
        try {
            try (TrialTables tables = new TrialTables(plan, dir)) {
                tables.add(trial, results);
                tables.commit();
            }
            for (String file : List.of("observations.csv", "subjects.csv", "ground_truth.csv", "sessions.csv", "estimates.csv")) {
                checkTable(dir.resolve(file), c);
            }
        } finally {
            ScenarioFields.delete(dir);
        }
    }

    /** Latent states and observations finite at every attended visit, NaN at exactly the visits after a dropout. */
    static void checkPatient(TrialPlan plan, PatientOutcome p, Case c) {
        String who = "subject " + p.subjectId() + " of " + c;
        var cov = p.covariates();
        for (double d : new double[] {cov.ageYears(), cov.weightKg(), cov.memoryAgeYears(), cov.traceStrength(), cov.extinction(),
            cov.learningRate(), p.restabilizationEfficiency(), p.peakConcentration(), p.peakOccupancy(), p.labileOccupancy(),
            p.peakDissociation(), p.peakSedation()}) {
            assertThat(d).as(who).isFinite();
        }
        Timeline t = plan.timeline();
        int sessions = t.sessionStarts().length;
        assertThat(p.dropoutSession()).as(who).isBetween(0, sessions);
        // a dropout leaves at the start of session k; a scan at that very hour runs first (events of one hour run in kind order)
        double leftAt = p.dropoutSession() == 0 ? Double.POSITIVE_INFINITY : t.sessionStarts()[p.dropoutSession() - 1];
        assertThat(t.visitHours(Visit.PRE)).as("%s: therapy before the baseline", who).isLessThanOrEqualTo(leftAt);
        for (Visit v : Visit.values()) {
            boolean attended = t.visitHours(v) <= leftAt;
            double[] states = {p.traceStrength(v), p.fearExpression(v), p.extinctionRecall(v), p.fearAtHome(v)};
            for (double d : states) {
                if (attended) {
                    assertThat(d).as("%s: latent at %s", who, v).isFinite();
                } else {
                    assertThat(d).as("%s: latent at %s after dropping out", who, v).isNaN();
                }
            }
            for (Endpoint e : Endpoint.values()) {
                double y = p.observed(v, e);
                if (attended) {
                    assertThat(y).as("%s: %s at %s", who, e, v).isFinite();
                } else {
                    assertThat(y).as("%s: %s at %s after dropping out", who, e, v).isNaN();
                }
            }
        }
        for (PatientOutcome.Rating r : p.weeklyPcl5()) {
            assertThat(r.value()).as(who).isBetween(0.0, 80.0);
            assertThat(r.day()).as(who).isFinite();
        }
        for (PatientOutcome.Suds r : p.suds()) {
            assertThat(r.value()).as(who).isBetween(0.0, 100.0);
        }
    }

    /** The analyses whose reference distribution is the normal: their df is infinite. */
    private static final Set<AnalysisMethod> NORMAL_REFERENCE = Set.of(AnalysisMethod.BAYES, AnalysisMethod.CMI,
            AnalysisMethod.CMI_J2R, AnalysisMethod.CMI_CR);

    /** Defined in every number (df may be infinite: the normal posterior, the cmi jackknife), or undefined in every number. */
    static void checkResult(TestResult r, AnalysisMethod method, Case c) {
        String what = method + " " + r + " " + c;
        if (!r.isDefined()) {
            assertThat(r.reason()).as("undefined without a reason: " + what).isNotNull();
            assertThat(r).as("partly undefined: " + what).isEqualTo(TestResult.undefined(r.reason()));
            return;
        }
        assertThat(r.estimate()).as(what).isFinite();
        assertThat(r.stdError()).as(what).isFinite().isPositive();
        assertThat(r.statistic()).as(what).isFinite();
        assertThat(r.df()).as(what).isPositive();
        if (!NORMAL_REFERENCE.contains(method)) {
            assertThat(r.df()).as(what).isFinite();
        }
        assertThat(r.pValue()).as(what).isBetween(0.0, 1.0);
    }

    /** No NaN or infinity in any cell; the one infinity allowed is the df of a normal reference, written Inf. */
    static void checkTable(Path csv, Case c) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).as(csv + " " + c).isNotEmpty();
        String text = String.join("\n", lines);
        assertThat(text).as(csv + " " + c).doesNotContain("NaN").doesNotContain("Infinity");
        List<String> header = List.of(lines.get(0).split(",", -1));
        int df = header.indexOf("df");
        int analysis = header.indexOf("analysis");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).as(csv + " " + c).hasSize(header.size());
            for (int i = 0; i < cells.length; i++) {
                boolean normalDf = i == df && cells[i].equals("Inf")
                        && NORMAL_REFERENCE.stream().anyMatch(m -> m.label().equals(cells[analysis]));
                if (!normalDf) {
                    assertThat(cells[i]).as("%s in %s %s", line, csv.getFileName(), c).isNotIn("Inf", "-Inf");
                }
            }
        }
    }
}
