package org.reconsim.engine.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reconsim.engine.scenario.Endpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The bundled target files hold the published numbers (docs/TRIALS.md A, B, E) and derive the
 * published z: abstract amygdala -31.78 / 10.54 = -3.02, hippocampus -20.12 / 10.71 = -1.88;
 * paper amygdala -2.54, hippocampus -1.58, amygdala-hippocampus connectivity -2.55 (TRIALS.md E
 * table, also for the implied d).
 */
class BundledTargetsTest {

    private static final Path TARGETS = Path.of("..", "scenarios", "targets");
    private static final Set<String> CONNECTIVITY = Set.of("amygdala_hippocampus", "hippocampus_vmpfc", "amygdala_vmpfc");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /**
     * Runs against the endpoints registered now: until the connectivity endpoints of issue 12 are
     * merged, the findings on them are left out before binding (and only those); once they are
     * registered nothing is left out and the file loads as bundled.
     */
    @Test
    void duek2021DerivesTheAbstractsZ() throws Exception {
        Path file = TARGETS.resolve("duek-2021.yaml");
        List<String> left = new ArrayList<>();
        String text = withRegisteredEndpointsOnly(Files.readString(file), left);
        assertThat(CONNECTIVITY).containsAll(left);
        LoadedTargets t = TargetsLoader.parse(file.toString(), text, file.getParent());
        assertThat(t.targets().findings()).hasSize(5 - left.size());
        assertThat(t.scenario().scenario().name()).isEqualTo("duek-2021");

        Finding amygdala = t.finding("amygdala-post");
        assertThat(List.of(amygdala.estimate(), amygdala.sd(), amygdala.interval().lo(), amygdala.interval().hi()))
                .containsExactly(-31.78, 10.54, -52.57, -11.48);
        assertThat(amygdala.z().getAsDouble()).isCloseTo(-3.02, within(0.005));
        assertThat(amygdala.impliedD().getAsDouble()).isCloseTo(-1.23, within(0.005));
        Finding hippocampus = t.finding("hippocampus-post");
        assertThat(List.of(hippocampus.estimate(), hippocampus.sd(), hippocampus.interval().lo(), hippocampus.interval().hi()))
                .containsExactly(-20.12, 10.71, -41.73, -0.07);
        assertThat(hippocampus.z().getAsDouble()).isCloseTo(-1.88, within(0.005));
        assertThat(hippocampus.impliedD().getAsDouble()).isCloseTo(-0.77, within(0.005));
        // the abstract's other findings are claims without numbers
        Finding scr = t.finding("scr-post");
        assertThat(scr.claim()).isEqualTo(Claim.LOWER);
        assertThat(scr.z()).isEmpty();
        for (Finding f : t.targets().findings()) {
            assertThat(f.contrast().label()).isEqualTo("ketamine-vs-midazolam");
            assertThat(f.n()).isEqualTo(new ArmSizes(12, 12));
        }
    }

    @Test
    void duek2023DerivesThePapersZ() throws Exception {
        LoadedTargets t = TargetsLoader.load(TARGETS.resolve("duek-2023.yaml"));
        assertThat(t.scenario().scenario().name()).isEqualTo("duek-2023");
        assertThat(t.targets().findings()).extracting(Finding::id).containsExactly("amygdala-post", "hippocampus-post",
                "amygdala-hippocampus-post", "amygdala-vmpfc-post", "symptoms-post");
        assertThat(t.finding("amygdala-post").z().getAsDouble()).isCloseTo(-2.54, within(0.005));
        assertThat(t.finding("hippocampus-post").z().getAsDouble()).isCloseTo(-1.58, within(0.005));
        assertThat(t.finding("amygdala-hippocampus-post").z().getAsDouble()).isCloseTo(-2.55, within(0.005));
        assertThat(t.finding("amygdala-post").impliedD().getAsDouble()).isCloseTo(-0.98, within(0.005));
        assertThat(t.finding("hippocampus-post").impliedD().getAsDouble()).isCloseTo(-0.61, within(0.005));
        assertThat(t.finding("amygdala-hippocampus-post").impliedD().getAsDouble()).isCloseTo(-0.98, within(0.005));
        assertThat(t.finding("amygdala-vmpfc-post").claim()).isEqualTo(Claim.NO_DIFFERENCE);
        assertThat(t.finding("symptoms-post").claim()).isEqualTo(Claim.IMPROVED_EQUALLY);
        for (Finding f : t.targets().findings()) {
            assertThat(f.n()).isEqualTo(new ArmSizes(14, 13));
        }
    }

    /** The text without the findings whose endpoint is not registered; their endpoints go to {@code left}. */
    private static String withRegisteredEndpointsOnly(String text, List<String> left) {
        Set<String> registered = Set.copyOf(Arrays.stream(Endpoint.values()).map(Endpoint::label).toList());
        ObjectNode root = (ObjectNode) YAML.readTree(text);
        ArrayNode kept = YAML.createArrayNode();
        for (JsonNode f : root.get("findings")) {
            String endpoint = f.get("endpoint").asString();
            if (registered.contains(endpoint)) {
                kept.add(f);
            } else {
                left.add(endpoint);
            }
        }
        root.set("findings", kept);
        return YAML.writeValueAsString(root);
    }
}
