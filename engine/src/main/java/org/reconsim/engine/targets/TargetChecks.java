package org.reconsim.engine.targets;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.reconsim.engine.scenario.Arm;
import org.reconsim.engine.scenario.InvalidScenarioException;
import org.reconsim.engine.scenario.LoadedScenario;
import org.reconsim.engine.scenario.Problem;
import org.reconsim.engine.scenario.ScenarioChecks;
import org.reconsim.engine.scenario.ScenarioLoader;
import org.reconsim.engine.scenario.Visit;

/**
 * Checks of a bound target file that need more than one field: ids unique, an estimate with its
 * SD, an interval that contains its estimate, a claim that agrees with the estimate's sign, and
 * arm names that the named scenario has (which this loads, relative to the target file).
 */
final class TargetChecks {

    private final Path directory;
    private LoadedScenario scenario;

    /** Checks a target file in {@code directory} (null: the working directory), against which its scenario path is resolved. */
    TargetChecks(Path directory) {
        this.directory = directory;
    }

    /** The scenario the last checked file names, or null when it could not be loaded. */
    LoadedScenario scenario() {
        return scenario;
    }

    List<ScenarioChecks.Finding> check(TargetFile t) {
        List<ScenarioChecks.Finding> out = new ArrayList<>();
        if (!t.name().matches("[A-Za-z0-9._-]+")) {
            out.add(new ScenarioChecks.Finding("name", "target names use letters, digits, '.', '-' and '_' only, got '" + t.name() + "'"));
        }
        List<String> arms = loadScenario(t.scenario(), out);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < t.findings().size(); i++) {
            Finding f = t.findings().get(i);
            String path = "findings[" + i + "]";
            if (!f.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                out.add(new ScenarioChecks.Finding(path + ".id", "ids use lower-case letters, digits and single '-', got '" + f.id() + "'"));
            } else if (!ids.add(f.id())) {
                out.add(new ScenarioChecks.Finding(path + ".id", "duplicate id '" + f.id() + "'"));
            }
            numbers(f, path, out);
            claim(f, path, out);
            contrast(f.contrast(), path + ".contrast", arms, out);
        }
        return out;
    }

    private static void numbers(Finding f, String path, List<ScenarioChecks.Finding> out) {
        if (f.estimate() == null) {
            if (f.sd() != null || f.interval() != null) {
                out.add(new ScenarioChecks.Finding(path + ".estimate", "missing: sd and interval belong to a published estimate; "
                        + "give it, or leave the numbers out for a finding stated only as a claim"));
            }
            return;
        }
        if (f.sd() == null) {
            out.add(new ScenarioChecks.Finding(path + ".sd", "missing: a published estimate needs its posterior SD (z = estimate / sd)"));
        }
        Interval iv = f.interval();
        if (iv == null) {
            return;
        }
        if (!(iv.lo() < iv.hi())) {
            out.add(new ScenarioChecks.Finding(path + ".interval.hi", "must be greater than lo (" + text(iv.lo()) + "), got " + text(iv.hi())));
        } else if (f.estimate() < iv.lo() || f.estimate() > iv.hi()) {
            out.add(new ScenarioChecks.Finding(path + ".interval", "must contain the estimate " + text(f.estimate()) + ", got ["
                    + text(iv.lo()) + ", " + text(iv.hi()) + "]"));
        }
    }

    private static void claim(Finding f, String path, List<ScenarioChecks.Finding> out) {
        Claim c = f.claim();
        if (c.aboutChangeFromPre() && f.visit() == Visit.PRE) {
            out.add(new ScenarioChecks.Finding(path + ".visit", "'" + c.label() + "' is a change from pre: use post, fu30 or fu90"));
        }
        if (f.estimate() == null) {
            return;
        }
        if (c == Claim.LOWER && !(f.estimate() < 0) || c == Claim.HIGHER && !(f.estimate() > 0)) {
            out.add(new ScenarioChecks.Finding(path + ".claim", "'" + c.label() + "' contradicts the estimate " + text(f.estimate())
                    + " (treatment minus control): " + c.label() + " needs a " + (c == Claim.LOWER ? "negative" : "positive")
                    + " estimate"));
        }
    }

    private void contrast(Contrast c, String path, List<String> arms, List<ScenarioChecks.Finding> out) {
        if (c.treatment().equals(c.control())) {
            out.add(new ScenarioChecks.Finding(path + ".control", "must differ from treatment ('" + c.treatment() + "')"));
        }
        if (arms == null) {
            return;
        }
        for (String role : List.of("treatment", "control")) {
            String arm = role.equals("treatment") ? c.treatment() : c.control();
            if (!arms.contains(arm)) {
                out.add(new ScenarioChecks.Finding(path + "." + role, "'" + arm + "' is not an arm of scenario '"
                        + scenario.scenario().name() + "'; allowed: " + String.join(", ", arms)));
            }
        }
    }

    /** Loads the named scenario; its arm names, or null (with the reason in {@code out}) when it cannot be used. */
    private List<String> loadScenario(String name, List<ScenarioChecks.Finding> out) {
        Path file = (directory == null ? Path.of(name) : directory.resolve(name)).normalize();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.add(new ScenarioChecks.Finding("scenario", "cannot read " + file + ": " + ScenarioLoader.reason(e)));
            return null;
        }
        try {
            scenario = ScenarioLoader.parse(file.toString(), text);
        } catch (InvalidScenarioException e) {
            for (Problem p : e.problems()) {
                out.add(new ScenarioChecks.Finding("scenario", "not a valid scenario: " + p));
            }
            return null;
        }
        return scenario.scenario().design().arms().stream().map(Arm::name).toList();
    }

    private static String text(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
