package org.reconsim.results.sequential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The designs and reference values that {@code fixtures/sequential/make_fixtures.R} wrote with
 * rpact 3.3.4 (R 4.2.2), and the Java design each row describes.
 */
final class RpactFixtures {

    private static final String FOLDER = "/fixtures/sequential/";

    private RpactFixtures() {
    }

    /** One row of designs.csv, with the stages and probabilities of that design. */
    record Case(int id, int looks, int sided, double alpha, double beta, String efficacy, double efficacyGamma,
            String futility, double futilityGamma, double[] informationRates, double[] fixedFutility,
            double shift, double inflationFactor, double power, double asn1, double asn01, double asn0,
            List<StageRow> stages, List<ProbabilityRow> probabilities) {

        /** The Java design this case describes. */
        GroupSequentialDesign design() {
            Sidedness sides = sided == 1 ? Sidedness.ONE_SIDED : Sidedness.TWO_SIDED;
            return GroupSequentialDesign.of(informationRates, sides, alpha, family(efficacy, efficacyGamma),
                    futilityRule());
        }

        boolean betaSpending() {
            return futility.startsWith("bs");
        }

        private FutilityRule futilityRule() {
            if (futility.equals("none")) {
                return FutilityRule.none();
            }
            if (futility.equals("fixed")) {
                return FutilityRule.fixedBounds(fixedFutility);
            }
            return FutilityRule.betaSpending(beta, family("as" + futility.substring(2), futilityGamma));
        }

        @Override
        public String toString() {
            return "#" + id + " K=" + looks + " t=" + Arrays.toString(informationRates) + " sided=" + sided + " "
                    + efficacy + (Double.isNaN(efficacyGamma) ? "" : "(" + efficacyGamma + ")") + " futility="
                    + futility + (Double.isNaN(futilityGamma) ? "" : "(" + futilityGamma + ")");
        }
    }

    /** One row of stages.csv. */
    record StageRow(int stage, double informationRate, double criticalValue, double futilityBound,
            double alphaSpent, double stageLevel, double betaSpent) {
    }

    /** One row of probabilities.csv. */
    record ProbabilityRow(double drift, int stage, double reject, double futility, double expectedInformation) {
    }

    static SpendingFunction family(String rpactName, double gamma) {
        return switch (rpactName) {
            case "asOF" -> SpendingFunction.obrienFleming();
            case "asP" -> SpendingFunction.pocock();
            case "asHSD" -> SpendingFunction.hwangShihDeCani(gamma);
            default -> throw new IllegalArgumentException("unknown spending type " + rpactName);
        };
    }

    static List<Case> cases() throws IOException {
        Map<Integer, List<StageRow>> stages = new LinkedHashMap<>();
        for (String[] f : read("stages.csv", "design,stage,information_rate,critical_value,futility_bound,"
                + "alpha_spent,stage_level,beta_spent")) {
            stages.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(new StageRow(
                    Integer.parseInt(f[1]), number(f[2]), number(f[3]), number(f[4]), number(f[5]), number(f[6]),
                    number(f[7])));
        }
        Map<Integer, List<ProbabilityRow>> probabilities = new LinkedHashMap<>();
        for (String[] f : read("probabilities.csv", "design,drift,stage,reject,futility,expected_information")) {
            probabilities.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(new ProbabilityRow(
                    number(f[1]), Integer.parseInt(f[2]), number(f[3]), number(f[4]), number(f[5])));
        }
        List<Case> cases = new ArrayList<>();
        for (String[] f : read("designs.csv", "design,looks,sided,alpha,beta,efficacy,efficacy_gamma,futility,"
                + "futility_gamma,information_rates,fixed_futility,shift,inflation_factor,power,asn1,asn01,asn0")) {
            int id = Integer.parseInt(f[0]);
            cases.add(new Case(id, Integer.parseInt(f[1]), Integer.parseInt(f[2]), number(f[3]), number(f[4]), f[5],
                    number(f[6]), f[7], number(f[8]), numbers(f[9]), numbers(f[10]), number(f[11]), number(f[12]),
                    number(f[13]), number(f[14]), number(f[15]), number(f[16]), stages.get(id),
                    probabilities.get(id)));
        }
        return cases;
    }

    private static List<String[]> read(String file, String header) throws IOException {
        try (InputStream in = RpactFixtures.class.getResourceAsStream(FOLDER + file)) {
            assertThat(in).as(file).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo(header);
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        }
    }

    private static double number(String field) {
        return field.equals("NA") ? Double.NaN : Double.parseDouble(field);
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.split(";")).mapToDouble(RpactFixtures::number).toArray();
    }
}
