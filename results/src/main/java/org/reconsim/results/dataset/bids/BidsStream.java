package org.reconsim.results.dataset.bids;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.reconsim.results.dataset.PartialFile;
import org.reconsim.results.dataset.CsvTable;

/**
 * A BIDS dataset written as it is handed over: participants, their runs and derivative rows,
 * subject by subject, so a dataset of any size needs the memory of one subject's images and traces.
 * A run's files are written when the run is handed over; participants.tsv and the derivative
 * tables grow under {@code .partial} names; {@link #finish()} writes the files that summarize the
 * whole dataset (sidecars, READMEs, sessions files) and renames the tables into place. Closed
 * without a finish, the partial tables are removed (the runs already written stay).
 *
 * <p>The bytes are those {@link BidsWriter#write} writes for the same content, and
 * {@link #finish()} lists the files in its order. The checks of {@link BidsDataset} are made as
 * the content arrives: a participant listed twice, a run for an unknown participant, two runs for
 * one subject and session, a row for an unknown table.
 */
public final class BidsStream implements AutoCloseable {

    private static final String DERIVATIVES = "derivatives/reconsim/";

    private final BidsWriter writer;
    private final Path root;
    private final String name;
    private final List<BidsDerivative> tables;
    private final PartialFile participants;
    private final Map<String, PartialFile> tableFiles = new LinkedHashMap<>();
    private final Map<String, Integer> tableColumns = new LinkedHashMap<>();
    /** Sessions per participant, in the order the participants and their runs came: each one's sessions.tsv. */
    private final Map<String, List<String>> sessions = new LinkedHashMap<>();
    private final Set<String> runKeys = new HashSet<>();
    private final Set<String> trialTypes = new LinkedHashSet<>();
    private final List<String> runFiles = new ArrayList<>();
    /** The ROI names every run so far shares; null once two runs differ. */
    private List<String> roiNames = List.of();
    private boolean anyRun;
    private boolean finished;

    BidsStream(BidsWriter writer, Path root, String name, List<BidsDerivative> derivatives) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dataset name is required");
        }
        this.writer = writer;
        this.root = root;
        this.name = name;
        this.tables = List.copyOf(derivatives);
        for (BidsDerivative d : tables) {
            if (tableColumns.put(d.name(), d.columns().size()) != null) {
                throw new IllegalArgumentException("two derivative tables named " + d.name());
            }
        }
        this.participants = AtomicFile.appending(root.resolve("participants.tsv"));
        participants.append(BidsWriter.PARTICIPANTS_HEADER);
        for (BidsDerivative d : tables) {
            PartialFile file = AtomicFile.appending(root.resolve(DERIVATIVES + d.name() + ".tsv"));
            tableFiles.put(d.name(), file);
            file.append(String.join("\t", d.header()) + "\n");
            d.rows().forEach(r -> file.append(BidsWriter.derivativeLine(r)));
        }
    }

    /** Adds a row of participants.tsv. */
    public void participant(BidsParticipant p) {
        if (sessions.putIfAbsent(p.label(), new ArrayList<>()) != null) {
            throw new IllegalArgumentException("participant sub-" + p.label() + " listed twice");
        }
        participants.append(BidsWriter.participantLine(p));
    }

    /** Writes one run's image, sidecars, events and physiology now; its participant must have been added. */
    public void run(BidsRun run) {
        List<String> subjectSessions = sessions.get(run.participant());
        if (subjectSessions == null) {
            throw new IllegalArgumentException("run for sub-" + run.participant() + " who is not in participants");
        }
        if (!runKeys.add(run.participant() + "/" + run.session())) {
            throw new IllegalArgumentException("two runs for sub-" + run.participant() + " ses-" + run.session());
        }
        subjectSessions.add(run.session());
        if (!anyRun) {
            roiNames = run.roiNames();
            anyRun = true;
        } else if (roiNames != null && !roiNames.equals(run.roiNames())) {
            roiNames = null;
        }
        run.events().forEach(e -> trialTypes.add(e.trialType()));
        writeRun(run);
    }

    /** Appends a row to the derivative table {@code table}. */
    public void row(String table, List<Object> row) {
        PartialFile file = tableFiles.get(table);
        if (file == null) {
            throw new IllegalArgumentException("no derivative table named " + table + " (tables: " + tableFiles.keySet() + ")");
        }
        file.append(BidsWriter.derivativeLine(BidsDerivative.checkedRow(table, tableColumns.get(table), row)));
    }

    /**
     * Writes the files that describe the whole dataset and renames the tables into place.
     *
     * @return every file written, relative to root, with '/' separators, in the order of {@link BidsWriter#write}
     */
    public List<String> finish() {
        List<String> written = new ArrayList<>();
        BidsWriter.text(root, "dataset_description.json", BidsWriter.json(writer.description(name, "raw")), written);
        BidsWriter.text(root, "README", BidsWriter.readme(name, anyRun ? roiNames : List.of()), written);
        participants.commit();
        written.add("participants.tsv");
        BidsWriter.text(root, "participants.json", BidsWriter.json(BidsWriter.participantsJson()), written);
        BidsWriter.text(root, "task-" + BidsWriter.TASK + "_events.json", BidsWriter.json(BidsWriter.eventsJson(trialTypes)), written);
        written.addAll(runFiles);
        for (Map.Entry<String, List<String>> e : sessions.entrySet()) {
            if (!e.getValue().isEmpty()) {
                String sub = "sub-" + e.getKey();
                StringBuilder tsv = new StringBuilder("session_id\n");
                e.getValue().forEach(s -> tsv.append("ses-").append(s).append('\n'));
                BidsWriter.text(root, sub + "/" + sub + "_sessions.tsv", tsv.toString(), written);
            }
        }
        BidsWriter.text(root, DERIVATIVES + "dataset_description.json",
                BidsWriter.json(writer.description(name + " (reconsim derivatives)", "derivative")), written);
        BidsWriter.text(root, DERIVATIVES + "README", BidsWriter.derivativesReadme(tables), written);
        for (BidsDerivative d : tables) {
            tableFiles.get(d.name()).commit();
            written.add(DERIVATIVES + d.name() + ".tsv");
            BidsWriter.text(root, DERIVATIVES + d.name() + ".json", BidsWriter.json(BidsWriter.derivativeJson(d)), written);
        }
        finished = true;
        return written;
    }

    /** Without a finish, removes the partial tables. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        participants.close();
        tableFiles.values().forEach(PartialFile::close);
    }

    private void writeRun(BidsRun run) {
        String stem = "sub-" + run.participant() + "_ses-" + run.session() + "_task-" + BidsWriter.TASK;
        String dir = "sub-" + run.participant() + "/ses-" + run.session() + "/func/";

        String bold = dir + stem + "_bold.nii.gz";
        Nifti1Writer.write(root.resolve(bold), run.roiSeries(), run.repetitionTime(),
                "reconsim: voxel x=i is ROI i of ReconsimROIs in the sidecar");
        runFiles.add(bold);
        BidsWriter.text(root, dir + stem + "_bold.json", BidsWriter.json(BidsWriter.boldJson(run)), runFiles);

        StringBuilder events = new StringBuilder("onset\tduration\ttrial_type\n");
        for (BidsEvent e : run.events()) {
            events.append(BidsWriter.number(e.onset())).append('\t').append(BidsWriter.number(e.duration())).append('\t')
                    .append(e.trialType()).append('\n');
        }
        BidsWriter.text(root, dir + stem + "_events.tsv", events.toString(), runFiles);

        double[] eda = run.eda();
        if (eda != null) {
            String physio = dir + stem + "_physio.tsv.gz";
            AtomicFile.write(root.resolve(physio), out -> {
                GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
                Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8));
                for (double v : eda) {
                    w.write(Double.isNaN(v) ? "n/a" : CsvTable.fixed(v, 5)); // 10 nS resolution is far below any EDA noise
                    w.write('\n');
                }
                w.flush();
                gz.finish();
            });
            runFiles.add(physio);
            BidsWriter.text(root, dir + stem + "_physio.json", BidsWriter.json(BidsWriter.physioJson(run)), runFiles);
        }
    }
}
