package org.reconsim.results.analysis;

import java.util.Arrays;
import java.util.List;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.engine.scenario.Visit;

/**
 * One endpoint of one virtual trial as the analyses see it: every patient's observed value at
 * every visit (NaN where the patient missed it), baseline first, and whether the patient is in
 * the treatment arm. Immutable: the arrays are copied in and every accessor hands out a copy,
 * so that no analysis can change what the next one reads.
 */
public final class EndpointData {

    private final Endpoint endpoint;
    private final List<Visit> visits;
    private final List<Visit> testedVisits;
    private final boolean[] treated;
    /** [visit][patient], visits in {@link #visits()} order. */
    private final double[][] values;

    /**
     * @param endpoint      the outcome measure
     * @param visits        every observed visit, the baseline first
     * @param testedVisits  the post-baseline visits an effect is estimated at, in output order
     * @param treated       per patient: in the treatment arm (else the control arm)
     * @param values        [visit][patient] observed values, visits in {@code visits} order
     */
    public EndpointData(Endpoint endpoint, List<Visit> visits, List<Visit> testedVisits,
                        boolean[] treated, double[][] values) {
        this.endpoint = endpoint;
        this.visits = List.copyOf(visits);
        this.testedVisits = List.copyOf(testedVisits);
        if (visits.isEmpty() || !this.visits.containsAll(this.testedVisits) || this.testedVisits.contains(this.visits.get(0))) {
            throw new IllegalArgumentException("tested visits " + testedVisits + " must be post-baseline visits of " + visits);
        }
        if (values.length != this.visits.size()) {
            throw new IllegalArgumentException(values.length + " rows of values for visits " + visits);
        }
        this.treated = treated.clone();
        this.values = new double[values.length][];
        for (int v = 0; v < values.length; v++) {
            if (values[v].length != treated.length) {
                throw new IllegalArgumentException("visit " + this.visits.get(v) + ": " + values[v].length + " values for "
                        + treated.length + " patients");
            }
            this.values[v] = values[v].clone();
        }
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** Every observed visit, the baseline first: the visit factor of a repeated-measures model. */
    public List<Visit> visits() {
        return visits;
    }

    /** The visits an analysis returns an effect for, in this order. */
    public List<Visit> testedVisits() {
        return testedVisits;
    }

    /** Number of patients. */
    public int size() {
        return treated.length;
    }

    public boolean isTreated(int patient) {
        return treated[patient];
    }

    /** Per patient: in the treatment arm. */
    public boolean[] treated() {
        return treated.clone();
    }

    /** The value of {@code patient} at {@code visit}, NaN when missed. */
    public double value(int patient, Visit visit) {
        return values[row(visit)][patient];
    }

    /** Every patient's value at {@code visit}, NaN where missed. */
    public double[] valuesAt(Visit visit) {
        return values[row(visit)].clone();
    }

    /** The visits after baseline, in order: the columns of {@link #postBaselineValues()}. */
    public List<Visit> postBaselineVisits() {
        return visits.subList(1, visits.size());
    }

    /** {@code [post-baseline visit][patient]} values, NaN where missed (copies): what repeated-measures models fit. */
    public double[][] postBaselineValues() {
        double[][] out = new double[visits.size() - 1][];
        for (int j = 0; j < out.length; j++) {
            out[j] = values[j + 1].clone();
        }
        return out;
    }

    /** Every patient's value at the baseline visit. */
    public double[] baseline() {
        return values[0].clone();
    }

    private int row(Visit visit) {
        int v = visits.indexOf(visit);
        if (v < 0) {
            throw new IllegalArgumentException(visit + " is not one of the visits " + visits);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof EndpointData d && endpoint == d.endpoint && visits.equals(d.visits)
                && testedVisits.equals(d.testedVisits) && Arrays.equals(treated, d.treated) && Arrays.deepEquals(values, d.values);
    }

    @Override
    public int hashCode() {
        return (endpoint.hashCode() * 31 + Arrays.hashCode(treated)) * 31 + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "EndpointData[" + endpoint + ", " + size() + " patients, visits " + visits + "]";
    }
}
