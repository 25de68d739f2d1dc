package org.reconsim.results.report;

import java.util.List;
import java.util.Locale;

import org.reconsim.results.inference.AbcGeneration;
import org.reconsim.results.inference.AbcParticle;
import org.reconsim.results.inference.AbcResult;
import org.reconsim.results.inference.PosteriorPredictive;
import org.reconsim.results.inference.WeightedSample;

/**
 * report.html of {@code reconsim calibrate}: the tolerance schedule, the posterior model
 * probabilities, per hypothesis the parameters' posterior summaries and pair plots of the final
 * particles, and the posterior predictive check (the simulated z's 90% interval per target
 * beside the observed z).
 */
public final class CalibrationReport {

    private CalibrationReport() {
    }

    /**
     * @param title       heading (scenario and target file)
     * @param priors      each parameter's prior as typed
     * @param logScale    whether parameter i is drawn on a log scale (its axes are logarithmic)
     * @param observed    the observed statistics (NaN: not published as a number)
     * @param predictive  per hypothesis with particles, its posterior predictive draws
     */
    public static String html(String title, AbcResult result, List<String> priors, boolean[] logScale, List<String> statistics,
                              double[] observed, List<PosteriorPredictive.Draws> predictive) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(SvgChart.escape(title))
                .append("</title><style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "th{background:#f3f3f3}.pairs svg{margin:2px}</style></head><body>\n");
        h.append("<h1>").append(SvgChart.escape(title)).append("</h1>\n");
        AbcGeneration post = result.posterior();
        h.append(String.format(Locale.ROOT, "<p>ABC-SMC (Toni et al. 2009; Beaumont et al. 2009 weights; tolerance schedule of Del Moral "
                        + "et al. 2012): %d generations, %d simulated trials, final tolerance %s on the z scale (Euclidean over the "
                        + "published z values). Stopped: %s.</p>%n", result.generations().size(), result.simulations(),
                fmt(post.tolerance()), SvgChart.escape(result.stopReason())));
        h.append("<h2>Tolerance schedule</h2>\n<table><tr><th>generation</th><th>tolerance</th><th>simulations</th>"
                + "<th>acceptance</th><th>ESS</th></tr>\n");
        for (AbcGeneration g : result.generations()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%d</td><td>%.3f</td><td>%.0f</td></tr>%n", g.index(),
                    fmt(g.tolerance()), g.simulations(), g.acceptanceRate(), g.effectiveSampleSize()));
        }
        h.append("</table>\n<h2>Hypotheses</h2>\n<p>Posterior probabilities from the particle weights (ABC model choice, Toni &amp; "
                + "Stumpf 2010). They are only as good as the statistics are at telling the hypotheses apart (Robert et al. 2011): "
                + "see <code>reconsim discriminate</code> for how often these statistics recover the true hypothesis.</p>\n"
                + "<table><tr><th>hypothesis</th><th>posterior probability</th><th>particles</th><th>ESS</th></tr>\n");
        double[] p = result.modelProbabilities();
        for (int m = 0; m < p.length; m++) {
            int mm = m;
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%d</td><td>%.0f</td></tr>%n",
                    SvgChart.escape(result.hypotheses().get(m)), p[m], post.particles().stream().filter(q -> q.hypothesis() == mm).count(),
                    post.effectiveSampleSize(m)));
        }
        h.append("</table>\n");
        List<String> names = result.parameters();
        for (int m = 0; m < p.length; m++) {
            if (p[m] == 0 || names.isEmpty()) {
                continue;
            }
            h.append("<h2>Posterior under ").append(SvgChart.escape(result.hypotheses().get(m))).append("</h2>\n");
            h.append("<table><tr><th>parameter</th><th>prior</th><th>median</th><th>5%</th><th>95%</th><th>ESS</th></tr>\n");
            for (int i = 0; i < names.size(); i++) {
                WeightedSample s = post.marginal(m, i);
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%.0f</td></tr>%n",
                        SvgChart.escape(names.get(i)), SvgChart.escape(priors.get(i)), fmt(s.quantile(0.5)), fmt(s.quantile(0.05)),
                        fmt(s.quantile(0.95)), s.effectiveSampleSize()));
            }
            h.append("</table>\n");
            if (names.size() >= 2) {
                h.append("<div class=\"pairs\">\n");
                int mm = m;
                List<AbcParticle> of = post.particles().stream().filter(q -> q.hypothesis() == mm).toList();
                double[] w = of.stream().mapToDouble(AbcParticle::weight).toArray();
                for (int a = 0; a < names.size(); a++) {
                    for (int b = a + 1; b < names.size(); b++) {
                        int ia = a;
                        int ib = b;
                        h.append(SvgScatter.render(names.get(a), names.get(b), of.stream().mapToDouble(q -> q.theta(ia)).toArray(),
                                of.stream().mapToDouble(q -> q.theta(ib)).toArray(), w, logScale[a], logScale[b], 300));
                    }
                }
                h.append("</div>\n");
            }
        }
        h.append("<h2>Posterior predictive check</h2>\n<p>Each hypothesis's trials simulated at parameters drawn from its posterior "
                + "(fresh trials): the median and 90% interval of each target's z beside the observed z. An observed z outside the "
                + "interval is a result the calibrated model does not reproduce.</p>\n<table><tr><th>hypothesis</th><th>target</th>"
                + "<th>observed z</th><th>simulated median z</th><th>5%</th><th>95%</th></tr>\n");
        for (PosteriorPredictive.Draws d : predictive) {
            for (int i = 0; i < statistics.size(); i++) {
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
                        SvgChart.escape(result.hypotheses().get(d.hypothesis())), SvgChart.escape(statistics.get(i)),
                        Double.isNaN(observed[i]) ? "(claim only)" : fmt(observed[i]), fmt(d.quantile(i, 0.5)), fmt(d.quantile(i, 0.05)),
                        fmt(d.quantile(i, 0.95))));
            }
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "&infin;" : "-&infin;";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
