package org.reconsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.results.inference.AbcGeneration;
import org.reconsim.results.inference.AbcParticle;
import org.reconsim.results.inference.AbcPrior;
import org.reconsim.results.inference.AbcResult;
import org.reconsim.results.inference.ScenarioSummarySimulator;
import org.reconsim.results.inference.WeightedSample;
import org.reconsim.results.power.PriorDistribution;
import org.reconsim.results.report.RunManifest;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The tables and files of a calibration run (docs/INFERENCE.md, Calibration): posterior.csv,
 * summary.csv, calibrated.yaml (the scenario under the most probable hypothesis with the free
 * fields at their posterior medians) and assurance.txt (power options whose prior is a fit to
 * that posterior).
 */
final class CalibrationFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final ScenarioSummarySimulator sim;
    private final AbcPrior prior;
    private final AbcResult result;

    CalibrationFiles(ScenarioSummarySimulator sim, AbcPrior prior, AbcResult result) {
        this.sim = sim;
        this.prior = prior;
        this.result = result;
    }

    void write(Path out, LoadedScenario loaded) {
        RunManifest.writeAtomically(out.resolve("posterior.csv"), posterior());
        RunManifest.writeAtomically(out.resolve("summary.csv"), summary());
        int best = mostProbable();
        double[] medians = new double[prior.dimension()];
        for (int i = 0; i < medians.length; i++) {
            medians[i] = result.posterior().marginal(best, i).quantile(0.5);
        }
        LoadedScenario calibrated = sim.scenario(best, medians);
        JsonNode tree = YAML.readTree(calibrated.canonical().json());
        String header = "# " + loaded.scenario().name() + " calibrated by reconsim calibrate (docs/INFERENCE.md, Calibration):\n"
                + "# hypothesis " + result.hypotheses().get(best) + " (the most probable), free fields at their posterior medians:\n"
                + medians(medians)
                + "# The posterior as an assurance prior for power: see assurance.txt.\n";
        RunManifest.writeAtomically(out.resolve("calibrated.yaml"), header + YAML.writeValueAsString(tree));
        RunManifest.writeAtomically(out.resolve("assurance.txt"), assurance(best));
    }

    private String medians(double[] medians) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < medians.length; i++) {
            s.append("#   ").append(result.parameters().get(i)).append(" = ").append(medians[i]).append('\n');
        }
        return s.toString();
    }

    int mostProbable() {
        double[] p = result.modelProbabilities();
        int best = 0;
        for (int m = 1; m < p.length; m++) {
            if (p[m] > p[best]) {
                best = m;
            }
        }
        return best;
    }

    /** Every generation's particles: generation, particle, hypothesis, weight, distance, one column per free field. */
    String posterior() {
        StringBuilder s = new StringBuilder("generation,particle,hypothesis,weight,distance");
        for (String f : result.parameters()) {
            s.append(',').append(f);
        }
        s.append('\n');
        for (AbcGeneration g : result.generations()) {
            List<AbcParticle> ps = g.particles();
            for (int k = 0; k < ps.size(); k++) {
                AbcParticle q = ps.get(k);
                s.append(g.index()).append(',').append(k).append(',').append(result.hypotheses().get(q.hypothesis())).append(',')
                        .append(q.weight()).append(',').append(q.distance());
                for (double v : q.theta()) {
                    s.append(',').append(v);
                }
                s.append('\n');
            }
        }
        return s.toString();
    }

    /** Per hypothesis and parameter: posterior probability, median, 5% and 95% quantiles, ESS; a parameterless row per hypothesis. */
    String summary() {
        StringBuilder s = new StringBuilder("hypothesis,posterior_probability,parameter,median,q05,q95,ess,particles\n");
        AbcGeneration post = result.posterior();
        double[] p = result.modelProbabilities();
        for (int m = 0; m < p.length; m++) {
            int mm = m;
            long n = post.particles().stream().filter(q -> q.hypothesis() == mm).count();
            String head = result.hypotheses().get(m) + "," + p[m] + ",";
            s.append(head).append(",,,,").append(num(post.effectiveSampleSize(m))).append(',').append(n).append('\n');
            for (int i = 0; i < prior.dimension() && n > 0; i++) {
                WeightedSample w = post.marginal(m, i);
                s.append(head).append(result.parameters().get(i)).append(',').append(num(w.quantile(0.5))).append(',')
                        .append(num(w.quantile(0.05))).append(',').append(num(w.quantile(0.95))).append(',')
                        .append(num(w.effectiveSampleSize())).append(',').append(n).append('\n');
            }
        }
        return s.toString();
    }

    /**
     * power options drawing each free field from a fit to hypothesis {@code best}'s posterior:
     * lognormal (on the log scale's weighted mean and SD) for log-scale priors, normal otherwise,
     * truncated to the prior's range, with the weighted correlations (of the kernel-scale values)
     * as a Gaussian copula; and the hypotheses' posterior probabilities as a discrete prior.
     */
    String assurance(int best) {
        StringBuilder s = new StringBuilder();
        s.append("# Options for reconsim power calibrated.yaml: the posterior of the free fields under ")
                .append(result.hypotheses().get(best)).append(" (the most probable hypothesis)\n")
                .append("# as an assurance prior. Each field is a normal (lognormal for log-scale priors) matched to the weighted\n")
                .append("# posterior particles' mean and SD (of the log), truncated to the prior's range; correlations are the\n")
                .append("# particles' weighted correlations, applied as a Gaussian copula. An approximation of posterior.csv, exact\n")
                .append("# only for a Gaussian posterior (on that scale); compare the quantiles in summary.csv.\n");
        AbcGeneration post = result.posterior();
        List<AbcParticle> of = post.particles().stream().filter(q -> q.hypothesis() == best).toList();
        int d = prior.dimension();
        double[][] phi = of.stream().map(q -> prior.toKernel(q.theta())).toArray(double[][]::new);
        double[] w = of.stream().mapToDouble(AbcParticle::weight).toArray();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int i = 0; i < d; i++) {
            int ii = i;
            WeightedSample k = new WeightedSample(java.util.Arrays.stream(phi).mapToDouble(r -> r[ii]).toArray(), w);
            mean[i] = k.mean();
            sd[i] = Math.max(k.standardDeviation(), 1e-9);
            PriorDistribution pr = prior.parameters().get(i);
            double lo = pr.lowest();
            double hi = pr.highest();
            String field = result.parameters().get(i);
            if (prior.logScale(i)) {
                s.append("--assurance ").append(field).append("=lognormal(").append(g(mean[i])).append(',').append(g(sd[i]));
                if (Double.isFinite(hi)) {
                    s.append(',').append(g(Math.max(lo, 0))).append(',').append(g(hi));
                }
                s.append(")\n");
            } else {
                lo = Double.isFinite(lo) ? lo : mean[i] - 10 * sd[i];
                hi = Double.isFinite(hi) ? hi : mean[i] + 10 * sd[i];
                s.append("--assurance ").append(field).append("=normal(").append(g(mean[i])).append(',').append(g(sd[i])).append(',')
                        .append(g(lo)).append(',').append(g(hi)).append(")\n");
            }
        }
        double total = java.util.Arrays.stream(w).sum();
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                double c = 0;
                for (int j = 0; j < phi.length; j++) {
                    c += w[j] / total * (phi[j][a] - mean[a]) * (phi[j][b] - mean[b]);
                }
                double r = Math.rint(c / (sd[a] * sd[b]) * 1000) / 1000;
                if (Math.abs(r) >= 0.05 && Math.abs(r) < 0.99) {
                    s.append("--assurance-correlation ").append(result.parameters().get(a)).append(',')
                            .append(result.parameters().get(b)).append('=').append(r).append('\n');
                }
            }
        }
        double[] p = result.modelProbabilities();
        List<String> cats = new ArrayList<>();
        for (int m = 0; m < p.length; m++) {
            if (p[m] > 0) {
                cats.add(result.hypotheses().get(m) + ":" + p[m]);
            }
        }
        if (cats.size() > 1) {
            s.append("# Alternatively, the hypotheses at their posterior probabilities (the fields above then keep the\n")
                    .append("# values of calibrated.yaml, or use them with it: their fit is that of ")
                    .append(result.hypotheses().get(best)).append(" only):\n# --assurance ")
                    .append("mechanisms.active=discrete(").append(String.join(",", cats)).append(")\n");
        }
        return s.toString();
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
