package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.reconsim.models.mechanism.MechanismSet;
import org.reconsim.models.mechanism.RestabilizationBlockade;
import org.reconsim.models.memory.Context;
import org.reconsim.models.memory.latentcause.LatentCauseMemory;
import org.reconsim.models.memory.latentcause.LatentCauseParameters;
import org.reconsim.models.memory.latentcause.LatentCauseTrace;

/**
 * Issue 12: the choreography works out a window's restabilization when the window opens, so
 * the latent-cause model's blockade acts within the retrieval trial (Gershman 2017) and the
 * trials that follow inside the window (a PE session's, extinction 10 min later) learn from
 * blocked weights; on e839419 it acted at the window's close, after them.
 */
class ReconsolidationTest {

    /** An antagonist at a constant occupancy through the window. */
    private static final Reconsolidation.DrugExposure CONSTANT = new Reconsolidation.DrugExposure() {
        @Override
        public double occupancyAt(double t) {
            return 0.4;
        }

        @Override
        public double meanOccupancy(double from, double to) {
            return 0.4;
        }

        @Override
        public double peakOccupancy() {
            return 0.4;
        }

        @Override
        public double hoursSinceDose(double t) {
            return t;
        }
    };

    @Test
    void theLatentCauseBlockadeActsWithinTheRetrievalTrialBeforeTheSessionsTrials() {
        LatentCauseParameters p = LatentCauseParameters.defaults();
        RestabilizationBlockade m1 = RestabilizationBlockade.defaults();
        double rho = m1.restabilizationEfficiency(0.4);
        assertThat(rho).isLessThan(1);
        double[] hours = new double[12];
        hours[1] = 24; // the retelling: retrieval and its trial
        for (int i = 2; i < 11; i++) {
            hours[i] = 24 + (i - 1) * 5 / 60.0; // the session's trials, inside the window
        }
        hours[11] = 24 + 720; // a month later
        double[] x = new double[1 + Context.values().length];
        x[0] = 1;
        x[1 + Context.THERAPY.ordinal()] = 1;
        LatentCauseMemory reference = new LatentCauseMemory(p, x.length);
        double u = 0;
        reference.trial(u, x, 1);
        double expected = 0;
        for (int i = 1; i < hours.length; i++) {
            u += p.maxGapUnits() * -Math.expm1(-p.unitsPerHour() * (hours[i] - hours[i - 1]) / p.maxGapUnits());
            expected = reference.trial(u, x, 0);
            if (i == 1) {
                reference.inhibitProteinSynthesis(1 - rho); // psi = (1 - rho) s, s = 1
            }
        }

        LatentCauseTrace memory = new LatentCauseTrace(p, p.unitsPerHour(), p.maxGapUnits(), 6);
        memory.trial(Context.THERAPY, 0, 1, 1);
        Reconsolidation r = new Reconsolidation(memory, MechanismSet.of(m1), CONSTANT, 1.0);
        assertThat(r.destabilize(Context.THERAPY, 24, 40, 0, 0.0, 0.4, 1.0)).isTrue();
        for (int i = 1; i < 11; i++) {
            r.trial(Context.THERAPY, hours[i], 0);
        }
        Reconsolidation.Restabilization closed = r.restabilize();
        assertThat(closed.meanOccupancy()).isEqualTo(0.4);
        assertThat(closed.efficiency()).isEqualTo(rho);
        assertThat(r.trial(Context.THERAPY, hours[11], 0)).isCloseTo(expected, within(1e-12));
    }
}
