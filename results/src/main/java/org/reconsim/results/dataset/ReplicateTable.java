package org.reconsim.results.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.reconsim.engine.scenario.AnalysisMethod;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.results.power.TrialPrior;
import org.reconsim.results.power.PowerSweep;
import org.reconsim.results.power.ReplicateResult;
import org.reconsim.results.power.ResultKey;
import org.reconsim.results.power.ResultLayout;
import org.reconsim.results.power.SweepValues;
import org.reconsim.results.stats.UndefinedReason;

/**
 * {@code replicates.csv}: every virtual trial's estimate, p-value and standard error with the
 * true effect (ATE and d) it estimates and, where the analysis was undefined (estimate, p-value
 * and standard error NA), the code of why in {@code failure} ({@link UndefinedReason#code()}; NA
 * where it was defined), one row per replicate, sweep point, sample size,
 * endpoint, visit and analysis; under assurance one more column per drawn value
 * ({@link TrialPrior#columns()}: each drawn field, named by the field; under a posterior the
 * particle's number and hypothesis first) with that trial's draw (a number, or a category or
 * label as written). Streamed in replicate order as the
 * run goes (the aggregates in power.csv are computed from exactly these values). Written to
 * {@code replicates.csv.partial} and renamed when the run has finished; a resumed run cuts the
 * partial file back to the length its checkpoint recorded and appends from there, so the final
 * file is byte-identical to an uninterrupted run's.
 */
public final class ReplicateTable implements PowerSweep.ResultLog, AutoCloseable {

    public static final List<String> COLUMNS = List.of("replicate", "sweep_parameter", "sweep_value", "n_per_arm", "contrast", "endpoint",
            "visit", "analysis", "estimate", "p_value", "std_error", "true_effect", "true_d", "failure");

    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private final BufferedWriter out;
    private final String parameter;
    private final List<Double> values;
    private final List<Integer> sizes;
    private final List<String> methods;
    /** The prior whose draws are written, or null. */
    private final TrialPrior prior;
    /** The last layout found to match the columns (sweep points share one), so the check runs once. */
    private ResultLayout checked;

    /**
     * @param target      final file
     * @param resumeAt    length to cut an existing partial file back to, or -1 to start a new file
     * @param parameter   swept field, or NA
     * @param values      value per sweep point (NaN without a sweep)
     * @param sizes       sample sizes in the order of the results
     * @param methods     analysis labels in the order of the results
     * @param prior       the assurance prior whose draws get a column each, or null
     */
    public ReplicateTable(Path target, long resumeAt, String parameter, List<Double> values, List<Integer> sizes,
                          List<String> methods, TrialPrior prior) {
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".partial");
        this.parameter = parameter;
        this.values = List.copyOf(values);
        this.sizes = List.copyOf(sizes);
        this.methods = List.copyOf(methods);
        this.prior = prior;
        try {
            if (resumeAt >= 0) {
                if (!Files.exists(partial) && Files.isRegularFile(target)) {
                    // killed after the rename but before the checkpoint was removed
                    Files.move(target, partial, StandardCopyOption.ATOMIC_MOVE);
                }
                if (!Files.isRegularFile(partial) || Files.size(partial) < resumeAt) {
                    throw new IOException(partial + " is missing or shorter than the checkpoint recorded");
                }
                this.channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                channel.truncate(resumeAt);
                channel.position(resumeAt);
            } else {
                this.channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            }
            this.out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
            if (resumeAt < 0) {
                out.write(String.join(",", COLUMNS));
                if (prior != null) {
                    for (String column : prior.columns()) {
                        out.write(',');
                        out.write(CsvTable.cell(column));
                    }
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void append(int point, ReplicateResult r) {
        ResultLayout layout = r.layout();
        if (!layout.equals(checked)) {
            // the columns were promised at construction; a result of another shape would write rows that do not match them
            List<String> labels = layout.analyses().methods().stream().map(AnalysisMethod::label).toList();
            if (!layout.sizes().equals(sizes) || !labels.equals(methods)) {
                throw new IllegalArgumentException("a result of " + layout + " does not match the table's sizes " + sizes
                        + " and analyses " + methods);
            }
            checked = layout;
        }
        String prefix = r.replicate() + "," + CsvTable.cell(parameter) + "," + SweepValues.label(values.get(point)) + ",";
        String draws = drawn(r);
        try {
            for (ResultKey key : layout.keys()) {
                out.write(prefix);
                out.write(Integer.toString(key.nPerArm()));
                out.write(',');
                out.write(CsvTable.cell(key.contrast().label()));
                out.write(',');
                out.write(key.endpoint().label());
                out.write(',');
                out.write(key.visit().label());
                out.write(',');
                out.write(key.method().label());
                out.write(',');
                out.write(CsvTable.number(r.estimate(key)));
                out.write(',');
                out.write(CsvTable.number(r.pValue(key)));
                out.write(',');
                out.write(CsvTable.number(r.stdError(key)));
                out.write(',');
                out.write(CsvTable.number(r.trueEffect(key)));
                out.write(',');
                out.write(CsvTable.number(r.trueD(key)));
                out.write(',');
                UndefinedReason failure = r.failure(key);
                out.write(failure == null ? "NA" : failure.code());
                out.write(draws);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trial's drawn values as the row's last cells (each after a comma); empty without a prior. */
    private String drawn(ReplicateResult r) {
        if (prior == null) {
            return "";
        }
        double[] v = r.drawn();
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < v.length; j++) {
            String category = prior.category(j, v[j]);
            s.append(',').append(category == null ? CsvTable.number(v[j]) : CsvTable.cell(category));
        }
        return s.toString();
    }

    @Override
    public long flush() throws IOException {
        out.flush();
        channel.force(false);
        return channel.position();
    }

    /** Closes the file and renames it into place. */
    public void commit() {
        try {
            out.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the file, leaving the partial file for a resume. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
