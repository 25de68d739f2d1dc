package org.reconsim.results.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.sim.PkSummary;
import org.reconsim.results.dataset.CsvTable;

/** {@code pk.csv}, {@code pk.svg} and the printed exposure summary of {@code reconsim pk}. */
public final class PkReport {

    public static final List<String> COLUMNS = List.of("arm", "drug", "hours_after_infusion_start", "quantity", "p05", "median", "p95");

    private PkReport() {
    }

    public static void writeCsv(Path file, List<PkSummary.ArmExposure> arms) {
        try (CsvTable t = new CsvTable(file, COLUMNS)) {
            for (PkSummary.ArmExposure a : arms) {
                for (int k = 0; k < a.hours().size(); k++) {
                    PkSummary.Band c = a.concentration().get(k);
                    t.row(a.arm(), a.drug(), a.hours().get(k), "concentration_ng_ml", c.p05(), c.median(), c.p95());
                }
                for (int k = 0; k < a.hours().size(); k++) {
                    PkSummary.Band o = a.occupancy().get(k);
                    t.row(a.arm(), a.drug(), a.hours().get(k), "nmda_occupancy", o.p05(), o.median(), o.p95());
                }
            }
            t.commit();
        }
    }

    /** Two charts side by side: concentration and NMDA occupancy, median with the 5-95% band. */
    public static void writeSvg(Path file, List<PkSummary.ArmExposure> arms, double hoursShown) {
        RunManifest.writeAtomically(file, svg(arms, hoursShown));
    }

    /** The two charts as one SVG document. */
    public static String svg(List<PkSummary.ArmExposure> arms, double hoursShown) {
        SvgChart conc = new SvgChart("Plasma concentration (median, 5-95%)", "hours after infusion start", "ng/mL", 560, 320);
        SvgChart occ = new SvgChart("NMDA receptor occupancy (median, 5-95%)", "hours after infusion start", "occupancy", 560, 320);
        for (PkSummary.ArmExposure a : arms) {
            int n = 0;
            while (n < a.hours().size() && a.hours().get(n) <= hoursShown + 1e-9) {
                n++;
            }
            double[] x = a.hours().subList(0, n).stream().mapToDouble(Double::doubleValue).toArray();
            double[][] c = bands(a.concentration(), n);
            double[][] o = bands(a.occupancy(), n);
            conc.add(new SvgChart.Series(a.arm(), x, c[1], c[0], c[2]));
            occ.add(new SvgChart.Series(a.arm(), x, o[1], o[0], o[2]));
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1120\" height=\"320\">\n"
                + "<g>" + strip(conc.render()) + "</g>\n<g transform=\"translate(560,0)\">" + strip(occ.render()) + "</g>\n</svg>\n";
    }

    private static String strip(String svg) {
        return svg.replaceFirst("^<svg[^>]*>", "<svg x=\"0\" y=\"0\" width=\"560\" height=\"320\" font-family=\"sans-serif\" font-size=\"11\">");
    }

    private static double[][] bands(List<PkSummary.Band> b, int n) {
        double[][] out = new double[3][n];
        for (int k = 0; k < n; k++) {
            out[0][k] = b.get(k).p05();
            out[1][k] = b.get(k).median();
            out[2][k] = b.get(k).p95();
        }
        return out;
    }

    public static String format(List<PkSummary.ArmExposure> arms, double labileHours) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-12s %-10s %8s  %-28s %-24s %-22s %-24s%n", "arm", "drug", "subjects",
                "peak ng/mL median [5-95%]", "time of peak min", "half-life h", "mean occupancy, labile window"));
        for (PkSummary.ArmExposure a : arms) {
            s.append(String.format(Locale.ROOT, "%-12s %-10s %8d  %-28s %-24s %-22s %-24s%n", a.arm(), a.drug(), a.subjects(),
                    band(a.peak(), "%.1f"), band(a.timeOfPeakMinutes(), "%.1f"), band(a.halfLifeHours(), "%.2f"),
                    band(a.labileOccupancy(), "%.3f")));
        }
        s.append(String.format(Locale.ROOT, "(labile window: %.1f h from the start of the pre-visit retrieval)%n", labileHours));
        return s.toString();
    }

    private static String band(PkSummary.Band b, String fmt) {
        if (Double.isNaN(b.median())) {
            return "-";
        }
        return String.format(Locale.ROOT, fmt + " [" + fmt + ", " + fmt + "]", b.median(), b.p05(), b.p95());
    }
}
