package org.reconsim.results.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;

/**
 * A tidy CSV table written to a temporary name and renamed into place by {@link #commit()}:
 * an interrupted run never leaves a truncated file that looks finished. Numbers are written
 * with 10 significant digits in plain notation where sensible, NaN as {@code NA} (read as
 * missing by R and pandas).
 */
public final class CsvTable implements AutoCloseable {

    private static final MathContext DIGITS = new MathContext(10);

    private final PartialFile file;
    private final Writer out;
    private final int columns;

    public CsvTable(Path target, List<String> header) {
        this.file = new PartialFile(target);
        this.out = file.writer();
        this.columns = header.size();
        try {
            out.write(String.join(",", header));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one row; values are Strings, Numbers or Booleans. */
    public void row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("row has " + values.length + " values, table has " + columns + " columns");
        }
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(values[i]));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the file and renames it into place. */
    public void commit() {
        file.commit();
    }

    /** Without a commit, removes the partial file. */
    @Override
    public void close() {
        file.close();
    }

    static String cell(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f);
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        String s = String.valueOf(v);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** A double as text: NA for NaN, Inf/-Inf, else 10 significant digits. */
    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "NA";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return "0";
        }
        double mag = Math.abs(d);
        if (mag >= 1e-3 && mag < 1e9) {
            return plain(d);
        }
        BigDecimal b = new BigDecimal(d).round(DIGITS).stripTrailingZeros();
        return mag >= 1e-6 && mag < 1e15 ? b.toPlainString() : b.toString();
    }

    /** A finite double with exactly {@code decimals} digits after the point (rounded half up), fast. */
    public static String fixed(double d, int decimals) {
        long scaled = (long) Math.floor(Math.abs(d) * POW10[decimals] + 0.5);
        String digits = Long.toString(scaled);
        StringBuilder out = new StringBuilder(digits.length() + 3);
        if (d < 0 && scaled != 0) {
            out.append('-');
        }
        if (digits.length() <= decimals) {
            out.append("0.");
            for (int i = digits.length(); i < decimals; i++) {
                out.append('0');
            }
            return out.append(digits).toString();
        }
        return out.append(digits, 0, digits.length() - decimals).append('.').append(digits, digits.length() - decimals, digits.length())
                .toString();
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L,
        10000000000L, 100000000000L, 1000000000000L};

    /**
     * The fast path for ordinary magnitudes (datasets write millions of numbers): 10 significant
     * digits by scaling in floating point and rounding half up. It can differ from the exact
     * decimal rounding in the last digit for values within an ulp of a tie, never between runs.
     */
    private static String plain(double d) {
        double mag = Math.abs(d);
        int exp = (int) Math.floor(Math.log10(mag));
        int decimals = 9 - exp; // digits after the point that give 10 significant digits
        if (decimals < 0 || decimals >= POW10.length) {
            return new BigDecimal(d).round(DIGITS).stripTrailingZeros().toPlainString();
        }
        long scaled = (long) Math.floor(mag * POW10[decimals] + 0.5);
        if (scaled >= 10_000_000_000L) { // the log10 guess was one low, or rounding carried into an 11th digit
            decimals--;
            scaled = (long) Math.floor(mag * POW10[decimals] + 0.5);
        } else if (scaled < 1_000_000_000L && decimals + 1 < POW10.length) { // the guess was one high
            decimals++;
            scaled = (long) Math.floor(mag * POW10[decimals] + 0.5);
        }
        while (decimals > 0 && scaled % 10 == 0) {
            scaled /= 10;
            decimals--;
        }
        String digits = Long.toString(scaled);
        StringBuilder out = new StringBuilder(16);
        if (d < 0) {
            out.append('-');
        }
        if (decimals <= 0) {
            out.append(digits);
        } else if (digits.length() > decimals) {
            out.append(digits, 0, digits.length() - decimals).append('.').append(digits, digits.length() - decimals, digits.length());
        } else {
            out.append("0.");
            for (int i = digits.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        return out.toString();
    }
}
