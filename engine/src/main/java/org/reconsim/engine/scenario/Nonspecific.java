package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;

/** Nonspecific drug effects true under every hypothesis ({@code mechanisms.nonspecific}). */
public record Nonspecific(
        @Spec(doc = "Probability of believing one got the active drug without any drug effect", min = 0, max = 1,
                source = "[assumption] guessing near chance is rare in ketamine trials") double unblindingBase,
        @Spec(doc = "Added probability per unit of peak dissociation", min = 0, max = 1,
                source = "[assumption] functional unblinding by dissociation (Feder 2014; Abdallah 2022)") double unblindingPerDissociation,
        @Spec(doc = "Added probability per unit of peak sedation", min = 0, max = 1,
                source = "[assumption] midazolam's sedation is why it is the active placebo (Feder 2014)") double unblindingPerSedation,
        @Spec(doc = "Improvement of self-reported scores (PCL-5 points) in patients who believe they got the active drug",
                unit = "points", min = 0, max = 80, source = "[assumption] expectancy about 0.3 SD of PCL-5") double expectancyPcl5) {

    public static Nonspecific defaults() {
        return new Nonspecific(0.1, 0.7, 0.3, 3.0);
    }
}
