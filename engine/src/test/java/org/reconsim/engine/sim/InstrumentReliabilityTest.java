package org.reconsim.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.reconsim.engine.rng.Purpose;
import org.reconsim.engine.rng.RandomStreams;
import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Measurement;
import org.reconsim.engine.scenario.Scenario;
import org.reconsim.models.measurement.Roi;
import org.reconsim.models.population.PatientGenerator;

/**
 * Realized test-retest of every scan instrument (docs/MODEL.md section 5): 10,000 patients of the
 * default scenario at their pre-visit latents (a sample drawn with another seed than the
 * calibration's), each read twice by the real scan instrument with independent noise. The
 * correlation of the two readings across patients must be the scenario's value for each ROI beta,
 * each connectivity edge and the SCR, within 0.05 (SE of a correlation near 0.3-0.55 at n 10,000
 * is 0.007-0.009; the calibration sample of 4000 adds about 0.015 to the SCR's and edges' noise sizing;
 * the time-series path is read for 4000 patients, SE 0.011-0.014).
 * Every patient gets its own site intercept, as in a trial with many sites: the site SD is true-score
 * variance the ROI noise is sized with.
 */
class InstrumentReliabilityTest {

    private static final int PATIENTS = 10_000;
    /** The time-series path synthesizes and fits 3 x 550 volumes per reading: 4000 patients (SE 0.011-0.014). */
    private static final int SERIES_PATIENTS = 4000;

    @Test
    void fastPathReadingsCorrelateAtTheScenarioTestRetest() throws Exception {
        Scenario s = VirtualTrialTest.duek();
        double[][][] readings = read(TrialPlan.compile(s), s, false, PATIENTS);
        assertRetest(readings, s.measurement());
    }

    /** The --timeseries path: betas estimated by the GLM and connectivity from the series keep the same reliability. */
    @Test
    void timeSeriesReadingsCorrelateAtTheScenarioTestRetest() throws Exception {
        Scenario s = VirtualTrialTest.duek();
        double[][][] readings = read(TrialPlan.compile(s).withRecording(true, false), s, true, SERIES_PATIENTS);
        assertRetest(readings, s.measurement());
    }

    private static void assertRetest(double[][][] readings, Measurement m) {
        double[] roiIcc = {m.amygdala().icc(), m.hippocampus().icc(), m.vmpfc().icc()};
        Endpoint[] rois = {Endpoint.AMYGDALA, Endpoint.HIPPOCAMPUS, Endpoint.VMPFC};
        for (int k = 0; k < rois.length; k++) {
            assertThat(retest(readings, rois[k])).as(rois[k].label()).isCloseTo(roiIcc[k], within(0.05));
        }
        for (Roi.Pair p : Roi.Pair.values()) {
            Endpoint e = ScanInstruments.endpoint(p);
            assertThat(retest(readings, e)).as(e.label()).isCloseTo(m.connectivity().edge(p).icc(), within(0.05));
        }
        assertThat(retest(readings, Endpoint.SCR)).as("scr").isCloseTo(m.scr().testRetest(), within(0.05));
    }

    static double retest(double[][][] readings, Endpoint e) {
        double[] a = new double[readings.length];
        double[] b = new double[readings.length];
        for (int i = 0; i < readings.length; i++) {
            a[i] = readings[i][0][e.ordinal()];
            b[i] = readings[i][1][e.ordinal()];
        }
        return new PearsonsCorrelation().correlation(a, b);
    }

    /** [patient][reading][endpoint]: two readings (visit slots 0 and 1) of each patient's pre-visit latents. */
    static double[][][] read(TrialPlan plan, Scenario s, boolean timeSeries, int patients) {
        LatentSample sample = LatentSample.draw(s, plan.population(), 314, patients);
        double[] fear = sample.fearInScanner();
        double[] trace = sample.traceStrength();
        double[] extinction = sample.extinctionRecall();
        double[] home = sample.fearAtHome();
        RandomStreams streams = new RandomStreams(2718);
        double siteSd = s.measurement().siteSd();
        double[][][] out = new double[patients][2][plan.endpointCount()];
        for (int i = 0; i < patients; i++) {
            double[] site = new double[TrialPlan.ROI_COUNT];
            var siteStream = streams.stream(Purpose.SITE, i, 0);
            for (int k = 0; k < site.length; k++) {
                site[k] = siteSd * PatientGenerator.standardNormal(siteStream);
            }
            ScanInstruments scan = new ScanInstruments(plan, streams.stream(Purpose.MEASUREMENT_TRAITS, i, 0),
                    streams.stream(Purpose.MEASUREMENT_NOISE, i, 0), streams.stream(Purpose.CONNECTIVITY_TRAITS, i, 0),
                    streams.stream(Purpose.CONNECTIVITY_NOISE, i, 0), 2, site);
            ScanRecording recording = timeSeries ? new ScanRecording(plan, scan, streams.stream(Purpose.TIMESERIES, i, 0), null) : null;
            Instrument.Latents latents = new Instrument.Latents(fear[i], trace[i], extinction[i], home[i]);
            for (int v = 0; v < 2; v++) {
                scan.observe(v, latents, out[i][v]);
                if (recording != null) {
                    recording.record(v, latents, out[i][v]);
                }
            }
        }
        return out;
    }
}
