package org.reconsim.cli;

import org.reconsim.results.power.SampleSizes;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for numeric options that have a range. Each option's range and message live in one
 * place (the options used to check them by hand, some in several commands). A value that is not
 * a number gets picocli's own message, as with its built-in converters; one out of range is an
 * {@link InvalidInputException}, which ReconsimCommand reports as the single line it carries.
 */
final class Bounds {

    private Bounds() {
    }

    /** A whole number within min..max, read as picocli's built-in converter reads it. */
    abstract static class WholeNumber implements ITypeConverter<Integer> {
        private final String option;
        private final int min;
        private final int max;

        WholeNumber(String option, int min, int max) {
            this.option = option;
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String text) {
            int n;
            try {
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not an int");
            }
            if (n < min || n > max) {
                throw new InvalidInputException("reconsim: " + option + " must be "
                        + (max == Integer.MAX_VALUE ? "at least " + min : "within " + min + ".." + max) + ", got " + n);
            }
            return n;
        }
    }

    /** A decimal number the option allows, read as picocli's built-in converter reads it. */
    abstract static class Decimal implements ITypeConverter<Double> {
        private final String option;
        private final String rule;

        /** {@code rule} completes "OPTION must be ...", e.g. "within 0.001..0.5". */
        Decimal(String option, String rule) {
            this.option = option;
            this.rule = rule;
        }

        /** False for NaN too: every comparison with it is false, so write the test as "inside", not "outside". */
        abstract boolean allows(double x);

        @Override
        public Double convert(String text) {
            Double x;
            try {
                x = Double.valueOf(text);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a double");
            }
            if (!allows(x)) {
                throw new InvalidInputException("reconsim: " + option + " must be " + rule + ", got " + x);
            }
            return x;
        }
    }

    static final class Replicates extends WholeNumber {
        Replicates() {
            super("--replicates", 1, Integer.MAX_VALUE);
        }
    }

    /** Trials classified per hypothesis by discriminate: a proportion of fewer than 2 says nothing. */
    static final class DiscriminationReplicates extends WholeNumber {
        DiscriminationReplicates() {
            super("--replicates", 2, 1_000_000);
        }
    }

    /** Training trials per hypothesis of discriminate: a class's spread needs at least 2. */
    static final class DiscriminationTraining extends WholeNumber {
        DiscriminationTraining() {
            super("--training", 2, 1_000_000);
        }
    }

    static final class PatientsPerArm extends WholeNumber {
        PatientsPerArm() {
            super("--n-per-arm", org.reconsim.engine.scenario.PatientsPerArm.MIN, org.reconsim.engine.scenario.PatientsPerArm.MAX);
        }
    }

    /** Spark partitions per sweep point: more than a million would only be scheduling overhead. */
    static final class Partitions extends WholeNumber {
        Partitions() {
            super("--partitions", 1, 1_000_000);
        }
    }

    /** Virtual patients per arm for pk. */
    static final class Subjects extends WholeNumber {
        Subjects() {
            super("--subjects", 2, 1_000_000);
        }
    }

    /** A Wilson half-width: below 0.001 needs millions of replicates, above 0.5 says nothing. */
    static final class Precision extends Decimal {
        Precision() {
            super("--precision", "within 0.001..0.5");
        }

        @Override
        boolean allows(double x) {
            return x >= 0.001 && x <= 0.5;
        }
    }

    /** A power strictly between 0 and 1: 0 is reached by any size and 1 by none. */
    static final class TargetPower extends Decimal {
        TargetPower() {
            super("--target-power", "between 0 and 1");
        }

        @Override
        boolean allows(double x) {
            return x > 0 && x < 1;
        }
    }

    /** The pk time span after the infusion start: up to 30 days. */
    static final class Hours extends Decimal {
        Hours() {
            super("--hours", "within 0..720");
        }

        @Override
        boolean allows(double x) {
            return x > 0 && x <= 24 * 30;
        }
    }
}
