package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.AnalysisMethodRegistry;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;

/**
 * The analyses of one trial, in output order: contrasts x endpoints x visits x methods, over
 * every endpoint and the scanned post-baseline visits. Each {@link AnalysisKey} has a
 * flat offset
 * <pre>
 *   offset = ((contrast * E + endpoint) * V + visit) * M + method
 * </pre>
 * where each factor is the key's position in {@link #contrasts()}, {@link #endpoints()},
 * {@link #visits()} and {@link #methods()} and E, V, M their sizes; {@link #keys()} lists the
 * keys in offset order, the order of the output tables. This class is the only place that
 * knows that formula for one trial ({@link ResultLayout} adds the sample sizes).
 */
public final class AnalysisLayout {

    private final List<Contrast> contrasts;
    private final List<Visit> visits;
    private final List<AnalysisMethod> methods;
    /**
     * Position of each endpoint and visit by ordinal and of each method by its registry position,
     * -1 where it is not analysed: no search per lookup.
     */
    private final int[] endpointAt;
    private final int[] visitAt;
    private final int[] methodAt;
    private final List<AnalysisKey> keys;

    /** Every post-baseline visit ({@link TrialAnalysis#VISITS}). */
    public AnalysisLayout(List<Contrast> contrasts, List<AnalysisMethod> methods) {
        this(contrasts, TrialAnalysis.VISITS, methods);
    }

    /** The analyses of {@code contrasts} at {@code visits} (post-baseline visits in time order) with {@code methods}. */
    public AnalysisLayout(List<Contrast> contrasts, List<Visit> visits, List<AnalysisMethod> methods) {
        if (contrasts.isEmpty() || methods.isEmpty() || visits.isEmpty() || visits.contains(Visit.PRE)) {
            throw new IllegalArgumentException("an analysis needs a contrast, a post-baseline visit and a method");
        }
        this.visits = List.copyOf(visits);
        if (contrasts.stream().distinct().count() != contrasts.size() || methods.stream().distinct().count() != methods.size()) {
            throw new IllegalArgumentException("contrasts and methods must be distinct: " + contrasts + ", " + methods);
        }
        this.contrasts = List.copyOf(contrasts);
        this.methods = List.copyOf(methods);
        this.endpointAt = positions(endpoints(), Endpoint.values().length, Endpoint::ordinal);
        this.visitAt = positions(visits(), Visit.values().length, Visit::ordinal);
        this.methodAt = methodPositions(this.methods);
        List<AnalysisKey> all = new ArrayList<>(size());
        for (Contrast c : this.contrasts) {
            for (Endpoint e : endpoints()) {
                for (Visit v : visits()) {
                    for (AnalysisMethod m : this.methods) {
                        all.add(new AnalysisKey(c, e, v, m));
                    }
                }
            }
        }
        this.keys = List.copyOf(all);
    }

    /** Position in {@code order} of each value, by the value's registry or enum ordinal; -1 when absent. */
    private static <T> int[] positions(List<T> order, int constants, java.util.function.ToIntFunction<T> ordinal) {
        int[] at = new int[constants];
        Arrays.fill(at, -1);
        for (int i = 0; i < order.size(); i++) {
            at[ordinal.applyAsInt(order.get(i))] = i;
        }
        return at;
    }

    /** By registry position: analyses are an open family, numbered by registration, not an enum. */
    private static int[] methodPositions(List<AnalysisMethod> order) {
        int[] at = new int[AnalysisMethodRegistry.all().size()];
        Arrays.fill(at, -1);
        for (int i = 0; i < order.size(); i++) {
            int registered = AnalysisMethodRegistry.indexOf(order.get(i));
            if (registered < 0) {
                throw new IllegalArgumentException("analysis " + order.get(i) + " is not registered");
            }
            at[registered] = i;
        }
        return at;
    }

    public List<Contrast> contrasts() {
        return contrasts;
    }

    /** Endpoints analysed, in output order. */
    public List<Endpoint> endpoints() {
        return TrialAnalysis.ENDPOINTS;
    }

    /** Visits analysed (the scanned post-baseline visits), in output order. */
    public List<Visit> visits() {
        return visits;
    }

    public List<AnalysisMethod> methods() {
        return methods;
    }

    /** Number of analyses of one trial. */
    public int size() {
        return contrasts.size() * endpoints().size() * visits().size() * methods.size();
    }

    /**
     * Number of effects: contrasts x endpoints x visits, what the methods estimate (they share
     * one true effect). Effect {@code offset / M} is the one the analysis at {@code offset} estimates.
     */
    public int effectCount() {
        return contrasts.size() * endpoints().size() * visits().size();
    }

    /** The effect the analysis at {@code offset} estimates, 0 .. {@link #effectCount()} - 1. */
    public int effectOf(int offset) {
        return offset / methods.size();
    }

    /** Every key, in offset order (the output order). */
    public List<AnalysisKey> keys() {
        return keys;
    }

    /** The key's offset, 0 .. {@link #size()} - 1; IllegalArgumentException for a key outside this layout. */
    public int offset(AnalysisKey key) {
        int c = contrasts.indexOf(key.contrast()); // one contrast per treatment arm: a handful at most
        int e = endpointAt[key.endpoint().ordinal()];
        int v = visitAt[key.visit().ordinal()];
        int registered = AnalysisMethodRegistry.indexOf(key.method());
        int m = registered < 0 ? -1 : methodAt[registered];
        if (c < 0 || e < 0 || v < 0 || m < 0) {
            throw new IllegalArgumentException(key + " is not one of these analyses");
        }
        return ((c * endpoints().size() + e) * visits().size() + v) * methods.size() + m;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof AnalysisLayout other && contrasts.equals(other.contrasts) && visits.equals(other.visits)
                && methods.equals(other.methods);
    }

    @Override
    public int hashCode() {
        return (31 * contrasts.hashCode() + visits.hashCode()) * 31 + methods.hashCode();
    }

    @Override
    public String toString() {
        return "AnalysisLayout" + contrasts + " x " + endpoints() + " x " + visits() + " x " + methods;
    }
}
