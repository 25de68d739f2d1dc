package org.reconsim.results.dataset.bids;

import java.util.List;

/**
 * One scanner run of the memory task at one session: the ROI time series that become the BOLD
 * image, the script events, and optionally the skin conductance recorded alongside.
 * Arrays are copied in and out, so a run cannot change after it is built.
 *
 * @param participant    subject label without {@code sub-}, matching a {@link BidsParticipant}
 * @param session        session label without {@code ses-}: {@code pre}, {@code post}, {@code fu30}, {@code fu90}
 * @param repetitionTime seconds between volumes (1 s in docs/TRIALS.md B)
 * @param roiNames       one name per ROI, in voxel order (ROI i is voxel x = i of the image)
 * @param roiSeries      {@code [roi][volume]}, every ROI with the same number of volumes
 * @param events         script windows, onsets relative to the first volume
 * @param eda            skin conductance in microsiemens, starting with the first volume; may be null
 * @param edaSamplingHz  samples per second of {@code eda} (100 Hz in docs/TRIALS.md B); ignored when eda is null
 */
public record BidsRun(String participant, String session, double repetitionTime, List<String> roiNames,
                      double[][] roiSeries, List<BidsEvent> events, double[] eda, double edaSamplingHz) {

    public BidsRun {
        BidsLabels.label("participant", participant);
        BidsLabels.label("session", session);
        if (!(repetitionTime > 0)) {
            throw new IllegalArgumentException("repetition time must be > 0, got " + repetitionTime);
        }
        roiNames = List.copyOf(roiNames);
        roiNames.forEach(n -> BidsLabels.cell("ROI name", n));
        events = List.copyOf(events);
        if (roiSeries.length == 0 || roiSeries.length != roiNames.size()) {
            throw new IllegalArgumentException(roiSeries.length + " ROI series for " + roiNames.size() + " ROI names");
        }
        roiSeries = copy(roiSeries);
        for (double[] s : roiSeries) {
            if (s.length == 0 || s.length != roiSeries[0].length) {
                throw new IllegalArgumentException("every ROI series needs the same, non-zero number of volumes");
            }
        }
        if (eda != null) {
            if (!(edaSamplingHz > 0)) {
                throw new IllegalArgumentException("EDA sampling rate must be > 0, got " + edaSamplingHz);
            }
            eda = eda.clone();
        }
    }

    /** The number of volumes. */
    public int volumes() {
        return roiSeries[0].length;
    }

    @Override
    public double[][] roiSeries() {
        return copy(roiSeries);
    }

    @Override
    public double[] eda() {
        return eda == null ? null : eda.clone();
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
