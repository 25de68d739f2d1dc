package org.reconsim.results.power;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.reconsim.engine.scenario.PatientsPerArm;

/** Parses the {@code --n-per-arm} option: {@code 10:60:10} (from:to:step) or {@code 12,24,48}. */
public final class SampleSizes {

    private SampleSizes() {
    }

    /** The sorted distinct sample sizes; IllegalArgumentException with a one-line reason when malformed. */
    public static List<Integer> parse(String text) {
        String s = text.trim();
        TreeSet<Integer> out = new TreeSet<>();
        if (s.contains(":")) {
            String[] parts = s.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("expected from:to:step such as 10:60:10, got '" + text + "'");
            }
            int from = number(parts[0], text);
            int to = number(parts[1], text);
            int step;
            try {
                step = Integer.parseInt(parts[2].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected from:to:step such as 10:60:10, got '" + text + "'");
            }
            if (step < 1 || to < from) {
                throw new IllegalArgumentException("expected from <= to and step >= 1 in '" + text + "'");
            }
            for (long n = from; n <= to; n += step) {
                out.add((int) n);
            }
        } else {
            for (String part : s.split(",", -1)) {
                out.add(number(part, text));
            }
        }
        return new ArrayList<>(out);
    }

    private static int number(String part, String text) {
        try {
            int n = Integer.parseInt(part.trim());
            if (!PatientsPerArm.allows(n)) {
                throw new IllegalArgumentException("patients per arm must be within " + PatientsPerArm.RANGE + ", got " + n + " in '"
                        + text + "'");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected whole numbers such as 12,24,48 or 10:60:10, got '" + text + "'");
        }
    }
}
