package org.reconsim.results.power;

import java.io.Serializable;
import java.util.List;

import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.sim.TrialPlan;

/**
 * What an assurance run draws for each virtual trial: independent (or copula-correlated) priors
 * over fields ({@link AssurancePrior}, {@code power --assurance}), or whole particles of a
 * calibration's posterior ({@link PosteriorParticles}, {@code power --posterior}). Both draw from
 * trial r's own {@code ASSURANCE} stream (patient -2, replicate r), so a trial's draw depends on
 * nothing but the seed and r; both travel with a {@link PowerJob} to Spark executors.
 */
public sealed interface TrialPrior extends Serializable permits AssurancePrior, PosteriorParticles {

    /** The values trial {@code replicate} draws, in {@link #columns()} order. */
    double[] draw(RandomStreams streams, int replicate);

    /** The scenario with the drawn {@code values} set. */
    LoadedScenario scenario(LoadedScenario loaded, double[] values);

    /** The plan of one trial: its drawn scenario ({@link #scenario}) compiled, reusing {@code base}'s calibration where it can. */
    default TrialPlan plan(LoadedScenario drawn, TrialPlan base) {
        return TrialPlan.compile(drawn.scenario(), base).withoutSessionDetail();
    }

    /** Whether the draws come from a finite set (so that drawn scenarios repeat and their truths can be reused). */
    boolean discrete();

    /** The names of the drawn values, one replicates.csv column each. */
    List<String> columns();

    /** What drawn value {@code value} of column {@code column} stands for as text (a category, a label), or null for a number. */
    String category(int column, double value);

    /** The prior as one line, for power.csv's sweep_parameter ({@code assurance:TEXT}). */
    String text();

    /** The prior as a sentence, for report.html. */
    String describe();
}
