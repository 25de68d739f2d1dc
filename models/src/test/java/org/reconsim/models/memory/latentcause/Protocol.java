package org.reconsim.models.memory.latentcause;

import java.util.ArrayList;
import java.util.List;

/**
 * A conditioning protocol laid out as in the paper's simulations: blocks of identical trials one
 * time unit apart; a block starts one unit after the previous block's last trial plus its gap.
 * Protein-synthesis inhibition can follow any trial.
 */
final class Protocol {

    private final List<double[]> stimuli = new ArrayList<>();
    private final List<Double> outcomes = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private final List<Integer> psiAfter = new ArrayList<>();
    private double next;

    /** {@code n} trials of stimulus {@code x} with outcome {@code r}. */
    Protocol block(int n, double r, double... x) {
        for (int i = 0; i < n; i++) {
            stimuli.add(x.clone());
            outcomes.add(r);
            times.add(next);
            next += 1;
        }
        return this;
    }

    /** Extra time before the next block. */
    Protocol gap(double units) {
        next += units;
        return this;
    }

    /** Protein-synthesis inhibition (psi = 1) after the last trial added so far. */
    Protocol inhibitAfterLastTrial() {
        psiAfter.add(times.size() - 1);
        return this;
    }

    /** Changes the outcome of trial {@code index} (0-based). */
    Protocol outcome(int index, double r) {
        outcomes.set(index, r);
        return this;
    }

    int size() {
        return times.size();
    }

    double time(int i) {
        return times.get(i);
    }

    /** Runs a fresh subject through the protocol; returns the response on every trial. */
    double[] run(LatentCauseParameters p) {
        return run(new LatentCauseMemory(p, stimuli.get(0).length));
    }

    double[] run(LatentCauseMemory m) {
        double[] cr = new double[times.size()];
        for (int i = 0; i < cr.length; i++) {
            cr[i] = m.trial(times.get(i), stimuli.get(i), outcomes.get(i));
            if (psiAfter.contains(i)) {
                m.inhibitProteinSynthesis(1);
            }
        }
        return cr;
    }
}
