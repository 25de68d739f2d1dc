package org.reconsim.results.report;

import org.reconsim.engine.scenario.CanonicalForm;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.results.dataset.PowerTable;
import org.reconsim.results.power.PowerRow;
import org.reconsim.results.power.SampleSizeSearch;
import org.reconsim.results.power.SweepValues;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The numbers behind a power report's figures as JSON, embedded in the report
 * ({@link PowerReport#DATA_ID}): the kind of run (power or assurance, with the prior), the sweep
 * (field, the scenario's own value, each point's label), the sizes, the target, and per point
 * every row's power, interval and failed count, and the size reaching the target. Non-finite
 * numbers are null; {@code </} is written {@code <\/} so the block cannot end the script element.
 */
final class PowerReportData {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private PowerReportData() {
    }

    static String json(PowerReport.Run run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", run.quantity());
        root.put("scenario", run.scenario().name());
        root.put("seed", run.seed());
        root.put("alpha", run.scenario().analysis().alpha());
        root.put("analysis", run.scenario().analysis().methods().get(0).label());
        root.put("assurance_prior", run.assurance() == null ? null : run.assurance().text());
        if (run.sweepField() == null) {
            root.putNull("sweep");
        } else {
            ObjectNode sweep = root.putObject("sweep");
            sweep.put("field", run.sweepField());
            sweep.put("scenario_value", scenarioValue(run.loaded(), run.sweepField()));
            ArrayNode labels = sweep.putArray("values");
            run.points().forEach(p -> labels.add(p.label()));
        }
        ArrayNode sizes = root.putArray("sizes");
        PowerFigures.sizes(run).forEach(sizes::add);
        if (run.targetPower() == null) {
            root.putNull("target_power");
        } else {
            root.put("target_power", run.targetPower());
        }
        ArrayNode points = root.putArray("points");
        for (int k = 0; k < run.points().size(); k++) {
            PowerTable.SweepPoint p = run.points().get(k);
            ObjectNode point = points.addObject();
            point.put("label", run.sweepField() == null ? null : run.pointLabel(k));
            point.put("value", p.label());
            SampleSizeSearch search = run.search(k);
            if (search == null) {
                point.putNull("target_size");
            } else {
                point.put("target_size", search.estimate().map(PowerRow::nPerArm).orElse(null));
                point.put("target_size_low", search.low().map(PowerRow::nPerArm).orElse(null));
                point.put("target_size_high", search.assured().map(PowerRow::nPerArm).orElse(null));
                point.put("target_endpoint", search.target().endpoint());
                point.put("target_visit", search.target().visit());
                point.put("target_analysis", search.target().analysis());
                point.put("target_contrast", search.target().contrast());
            }
            ArrayNode rows = point.putArray("rows");
            for (PowerRow r : p.rows()) {
                ObjectNode row = rows.addObject();
                row.put("n_per_arm", r.nPerArm());
                row.put("contrast", r.contrast());
                row.put("endpoint", r.endpoint());
                row.put("visit", r.visit());
                row.put("analysis", r.analysis());
                row.put("replicates", r.replicates());
                row.put("rejections", r.rejections());
                row.put("failed", r.failed());
                number(row, "power", r.power());
                number(row, "ci_low", r.ciLow());
                number(row, "ci_high", r.ciHigh());
            }
        }
        return JSON.writeValueAsString(root).replace("</", "<\\/");
    }

    private static void number(ObjectNode node, String name, double v) {
        if (Double.isFinite(v)) {
            node.put(name, v);
        } else {
            node.putNull(name);
        }
    }

    /**
     * The scenario's own value at a field path ({@code a.b[0].c}, as in error messages), written
     * as {@link SweepValues#label}; null when the path does not lead to a number.
     */
    static String scenarioValue(LoadedScenario loaded, String path) {
        JsonNode node = CanonicalForm.toTree(loaded.scenario());
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            node = node == null ? null : node.get(name);
            while (node != null && bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    return null;
                }
                int index;
                try {
                    index = Integer.parseInt(part.substring(bracket + 1, close));
                } catch (NumberFormatException e) {
                    return null;
                }
                node = node.get(index);
                bracket = part.indexOf('[', close);
            }
        }
        return node != null && node.isNumber() ? SweepValues.label(node.doubleValue()) : null;
    }
}
