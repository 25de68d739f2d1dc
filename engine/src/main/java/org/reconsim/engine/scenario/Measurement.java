package org.reconsim.engine.scenario;

import org.reconsim.models.spec.Spec;
import java.util.List;
import org.reconsim.models.measurement.ClinicalScale;
import org.reconsim.models.measurement.PtsdSeverity;
import org.reconsim.models.measurement.ConnectivityEdges;
import org.reconsim.models.measurement.RegionCorrelation;
import org.reconsim.models.measurement.RoiActivation;
import org.reconsim.models.measurement.ScanSignals;
import org.reconsim.models.measurement.ScrMeasure;
import org.reconsim.models.spec.Sections;

/** Observation models from latent state to outcomes (scenario section {@code measurement}). */
public record Measurement(
        @Spec(doc = "Amygdala trauma-minus-relax beta; latent: fear expression in the scanner") RoiActivation amygdala,
        @Spec(doc = "Hippocampus beta; latent: trauma-trace strength (retrieval)") RoiActivation hippocampus,
        @Spec(doc = "vmPFC beta; latent: extinction recall in the scanner") RoiActivation vmpfc,
        @Spec(doc = "Correlations of the three regions' subject intercepts") RegionCorrelation roiSubjectCorrelation,
        @Spec(doc = "Correlations of the three regions' scan noise within one scan") RegionCorrelation roiNoiseCorrelation,
        @Spec(doc = "Trauma-script skin conductance response") ScrMeasure scr,
        @Spec(doc = "SD of site intercepts, added to every ROI beta", min = 0, source = "[assumption]") double siteSd,
        @Spec(doc = "Window-wise connectivity of amygdala, hippocampus and vmPFC (trauma minus relax Fisher z)")
        ConnectivityEdges connectivity,
        @Spec(doc = "PCL-5 self-report (0-80): reads PTSD severity (fear expression at home and measurement.symptoms)",
                source = "icc: Blevins 2015, PCL-5 test-retest r 0.82") ClinicalScale pcl5,
        @Spec(doc = "CAPS-5 clinician rating (0-80): reads PTSD severity as PCL-5 does; no expectancy",
                source = "icc: Weathers 2018, CAPS-5 total severity test-retest ICC 0.78") ClinicalScale caps5,
        @Spec(doc = "PTSD severity beyond the trauma-memory trace, read by PCL-5 and CAPS-5: trait severity, what PE "
                + "teaches beyond the trace, nonspecific improvement (docs/MODEL.md 5)") PtsdSeverity symptoms,
        @Spec(doc = "Days between weekly PCL-5 ratings (0: none)", unit = "day", min = 0, max = 90,
                source = "docs/MODEL.md 5: weekly PCL-5") double weeklyPcl5Days,
        @Spec(doc = "SD of the noise on SUDS ratings (0-100) during exposure", unit = "points", min = 0, max = 50,
                source = "[assumption]") double sudsNoiseSd,
        @Spec(doc = "Assumptions of the synthesized time series and EDA (--timeseries, --physio)") ScanSignals signals,
        @Spec(doc = "The settings of instruments added on the class path, one section each, named by the instrument",
                inline = true) Sections<Record> instruments) {

    public static Measurement defaults() {
        return new Measurement(
                new RoiActivation(0.2, 1.0, 0.25, 0.4),  // ICC 0.4: task fMRI mean 0.397 (Elliott 2020)
                new RoiActivation(0.1, 0.8, 0.25, 0.4),  // Elliott 2020
                new RoiActivation(0.0, 0.8, 0.25, 0.4),  // Elliott 2020
                new RegionCorrelation(0.6, 0.6, 0.6),   // [assumption] responses to one script co-vary strongly
                new RegionCorrelation(0.4, 0.4, 0.4),   // [assumption] shared physiological and motion noise
                ScrMeasure.defaults(),
                0.05,
                ConnectivityEdges.defaults(),
                ClinicalScale.pcl5(),
                ClinicalScale.caps5(),
                PtsdSeverity.defaults(),
                7.0,
                8.0,
                ScanSignals.defaults(),
                instrumentDefaults());
    }

    /** Every registered instrument with parameters of its own, at its defaults (none built in). */
    public static Sections<Record> instrumentDefaults() {
        List<Sections.Entry<Record>> entries = new java.util.ArrayList<>();
        for (org.reconsim.engine.sim.InstrumentType t : org.reconsim.engine.sim.Instruments.all()) {
            if (t.parameters() != null) {
                entries.add(new Sections.Entry<>(t.section(), t.doc(), t.parameters(), t.defaults()));
            }
        }
        return Sections.of(entries);
    }
}
