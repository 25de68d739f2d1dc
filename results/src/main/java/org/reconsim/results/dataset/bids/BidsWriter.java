package org.reconsim.results.dataset.bids;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.reconsim.engine.EngineVersion;
import org.reconsim.results.dataset.CsvTable;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link BidsDataset} as a BIDS 1.9 raw dataset with a {@code derivatives/reconsim/}
 * folder, so analysts can run their own fMRI and physiology pipelines on synthetic subjects whose
 * ground truth is known. Every file goes to a temporary name and is renamed when complete.
 * Output is deterministic: no timestamps, fixed gzip headers, numbers at 10 significant digits.
 *
 * <pre>
 * dataset_description.json  README  participants.tsv  participants.json  task-memory_events.json
 * sub-001/sub-001_sessions.tsv
 * sub-001/ses-pre/func/sub-001_ses-pre_task-memory_bold.nii.gz (+ _bold.json)
 *                      sub-001_ses-pre_task-memory_events.tsv
 *                      sub-001_ses-pre_task-memory_physio.tsv.gz (+ _physio.json)   when EDA is given
 * derivatives/reconsim/dataset_description.json  README  &lt;table&gt;.tsv  &lt;table&gt;.json
 * </pre>
 */
public final class BidsWriter {

    /** The BIDS version the layout and sidecars follow. */
    public static final String BIDS_VERSION = "1.9.0";
    /** The task label: retrieval of the trauma memory by scripts (docs/TRIALS.md B). */
    public static final String TASK = "memory";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final String generatorVersion;

    /** A writer that records the running reconsim version in GeneratedBy. */
    public BidsWriter() {
        this(EngineVersion.RECONSIM);
    }

    /** A writer that records {@code generatorVersion} in GeneratedBy (fixed in tests for stable bytes). */
    public BidsWriter(String generatorVersion) {
        this.generatorVersion = generatorVersion;
    }

    /**
     * Writes the dataset under {@code root} (created if needed).
     *
     * @return the files written, relative to root, with '/' separators, for the run manifest
     */
    public List<String> write(BidsDataset dataset, Path root) {
        try (BidsStream stream = open(root, dataset.name(), dataset.derivatives())) {
            dataset.participants().forEach(stream::participant);
            dataset.runs().forEach(stream::run);
            return stream.finish();
        }
    }

    /**
     * Starts a dataset under {@code root} that is written as it is handed over, subject by
     * subject ({@link BidsStream}): the same files, byte for byte, as {@link #write} of the same
     * content, without holding it all in memory.
     *
     * @param derivatives the tables of {@code derivatives/reconsim/}, with any rows known up front
     */
    public BidsStream open(Path root, String name, List<BidsDerivative> derivatives) {
        return new BidsStream(this, root, name, derivatives);
    }

    ObjectNode description(String name, String type) {
        ObjectNode d = JSON.createObjectNode();
        d.put("Name", name);
        d.put("BIDSVersion", BIDS_VERSION);
        d.put("DatasetType", type);
        ObjectNode gen = d.putArray("GeneratedBy").addObject();
        gen.put("Name", "reconsim");
        gen.put("Version", generatorVersion);
        gen.put("Description", "virtual PTSD trial simulator: synthetic subjects with known ground truth");
        return d;
    }

    static final String PARTICIPANTS_HEADER = "participant_id\tage\tsex\tarm\tsite\n";

    /** One line of participants.tsv. */
    static String participantLine(BidsParticipant p) {
        return "sub-" + p.label() + '\t' + number(p.ageYears()) + '\t' + cell(p.sex()) + '\t' + cell(p.arm()) + '\t' + cell(p.site())
                + '\n';
    }

    static ObjectNode participantsJson() {
        ObjectNode j = JSON.createObjectNode();
        j.putObject("participant_id").put("Description", "subject label, sub-<label>");
        j.putObject("age").put("Description", "age at enrolment").put("Units", "year");
        ObjectNode sex = j.putObject("sex");
        sex.put("Description", "sex of the participant");
        sex.putObject("Levels").put("M", "male").put("F", "female").put("O", "other");
        j.putObject("arm").put("Description", "randomized treatment arm (e.g. ketamine or midazolam after retrieval)");
        j.putObject("site").put("Description", "recruiting site");
        return j;
    }

    /** The events sidecar: {@code types} are the trial types of every run, in the order first seen. */
    static ObjectNode eventsJson(Set<String> types) {
        ObjectNode j = JSON.createObjectNode();
        j.putObject("onset").put("Description", "script onset from the first volume").put("Units", "s");
        j.putObject("duration").put("Description", "script window length").put("Units", "s");
        ObjectNode tt = j.putObject("trial_type");
        tt.put("Description", "script played in the scanner (Duek et al. 2023: trauma, sad and relax scripts)");
        ObjectNode levels = tt.putObject("Levels");
        for (String t : types) {
            levels.put(t, switch (t) {
                case "trauma" -> "personal trauma script";
                case "sad" -> "personal sad script (negative, non-traumatic control)";
                case "relax" -> "relaxing script (neutral baseline)";
                default -> t;
            });
        }
        return j;
    }

    static ObjectNode boldJson(BidsRun run) {
        ObjectNode j = JSON.createObjectNode();
        j.put("TaskName", TASK);
        j.put("TaskDescription", "Retrieval of the trauma memory by scripts (trauma, sad, relax) in 30-s windows");
        j.put("RepetitionTime", run.repetitionTime());
        // one slice: every ROI value is sampled at the start of its volume
        j.putArray("SliceTiming").add(0.0);
        ArrayNode rois = j.putArray("ReconsimROIs");
        run.roiNames().forEach(rois::add);
        j.put("ReconsimLayout", "synthetic ROI time series, not an image: voxel (i,0,0) holds ReconsimROIs[i]");
        return j;
    }

    static ObjectNode physioJson(BidsRun run) {
        ObjectNode j = JSON.createObjectNode();
        j.put("SamplingFrequency", run.edaSamplingHz());
        j.put("StartTime", 0.0);
        j.putArray("Columns").add("eda");
        j.putObject("eda").put("Description", "skin conductance (electrodermal activity)").put("Units", "uS");
        return j;
    }

    /** One row of a derivative table: n/a for null or NaN, true/false for booleans. */
    static String derivativeLine(List<Object> row) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                s.append('\t');
            }
            Object v = row.get(i);
            s.append(v instanceof Number n ? number(n.doubleValue())
                    : v instanceof Boolean b ? (b ? "true" : "false") : cell(v == null ? null : v.toString()));
        }
        return s.append('\n').toString();
    }

    static ObjectNode derivativeJson(BidsDerivative d) {
        // keys are column names only (a BIDS data dictionary); the table's description is in the README
        ObjectNode j = JSON.createObjectNode();
        for (BidsDerivative.Column c : d.columns()) {
            ObjectNode col = j.putObject(c.name());
            col.put("Description", c.description());
            if (c.units() != null) {
                col.put("Units", c.units());
            }
        }
        return j;
    }

    static String derivativesReadme(List<BidsDerivative> tables) {
        StringBuilder s = new StringBuilder("""
                # reconsim derivatives

                Tidy tables (one observation per row, tab-separated, n/a for missing), each with a JSON
                data dictionary of the same name. participant_id and session join them to the raw data.

                """);
        tables.forEach(t -> s.append("- ").append(t.name()).append(".tsv: ").append(t.description()).append('\n'));
        return s.toString();
    }

    /**
     * The dataset's README; {@code roiNames} are the ROI names every run shares, empty without
     * runs, null when runs differ.
     */
    static String readme(String name, List<String> roiNames) {
        StringBuilder roiTable = new StringBuilder();
        List<String> first = roiNames == null ? List.of() : roiNames;
        if (roiNames != null) {
            for (int i = 0; i < first.size(); i++) {
                roiTable.append(String.format(Locale.ROOT, "    x = %d  ->  %s%n", i, first.get(i)));
            }
        } else {
            roiTable.append("    (differs between runs: see each sidecar)\n");
        }
        return """
                # %s

                Synthetic data generated by reconsim, a virtual PTSD trial simulator. Every subject is
                virtual: nothing here was acquired from a person. The latent state that produced the
                observations is in derivatives/reconsim/ (ground truth), so analysis pipelines can be
                scored against it.

                ## Task
                task-memory: retrieval of the trauma memory by personal scripts (trauma, sad, relax),
                30-s windows, TR as in each bold sidecar (1 s in the published design); see the
                events files and task-memory_events.json. Sessions: pre (before treatment), post
                (end of treatment), fu30 and fu90 (30- and 90-day follow-up).

                ## Layout of the BOLD images (read this before analysing them)
                The *_bold.nii.gz files are NOT brain images. Each holds region-of-interest (ROI) time
                series: a NIfTI-1 float32 4-D image of shape R x 1 x 1 x T (R ROIs, T volumes), one
                voxel per ROI along x. Voxel (i, 0, 0) at volume t is ROI i at time t * TR. The ROI
                order is listed in each bold sidecar's ReconsimROIs field; in this dataset:

                %s
                Voxels are 2-mm cubes; qform and sform are a scaled identity (scanner space) that
                centres the row of ROIs on x = 0. pixdim[4] equals RepetitionTime.
                Values are in arbitrary simulator units, not percent signal change.

                ## Physiology
                *_physio.tsv.gz: skin conductance (column eda, microsiemens), no header, sampling rate
                and start time in the physio sidecar; StartTime 0 = first volume.

                ## Derivatives
                derivatives/reconsim/*.tsv: tidy tables (one observation per row), each with a JSON
                data dictionary: ROI betas, ROI-to-ROI connectivity within script windows, ground truth.
                """.formatted(name, roiTable.length() == 0 ? "    (no runs)\n" : roiTable.toString());
    }

    static void text(Path root, String relative, String content, List<String> written) {
        AtomicFile.writeText(root.resolve(relative), content);
        written.add(relative);
    }

    static String json(ObjectNode node) {
        return JSON.writeValueAsString(node) + "\n";
    }

    /** BIDS writes missing values as n/a. */
    static String number(double d) {
        return Double.isNaN(d) ? "n/a" : CsvTable.number(d);
    }

    static String cell(String s) {
        return s == null || s.isEmpty() ? "n/a" : s;
    }
}
