package org.reconsim.models.population;

import org.reconsim.models.numerics.Fdlibm;

/**
 * Individual log-normal multipliers with mean 1 and a given coefficient of variation (learning
 * rates, SCR gain, drug exposure, PK random effects):
 * <pre>  m = exp(sigma z - sigma^2 / 2),   sigma^2 = ln(1 + cv^2),   E[m] = 1,   CV[m] = cv  </pre>
 * One definition, so every model's "log-normal with CV cv" is the same distribution.
 */
public final class LogNormal {

    private LogNormal() {
    }

    /** sigma, the SD of ln m, for a multiplier with coefficient of variation {@code cv}. */
    public static double logSd(double cv) {
        return Math.sqrt(Fdlibm.log1p(cv * cv));
    }

    /** The multiplier with mean 1 and coefficient of variation {@code cv} at standard-normal deviate {@code z}. */
    public static double multiplier(double cv, double z) {
        double s2 = Fdlibm.log1p(cv * cv);
        return Math.exp(Math.sqrt(s2) * z - s2 / 2);
    }
}
