package org.reconsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class EngineVersionTest {

    /** The manifest records the MASON version: it must be the one of the jar that actually runs. */
    @Test
    void masonVersionIsTheOneOfTheMasonJarOnTheClassPath() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = sim.engine.SimState.class.getResourceAsStream(
                "/META-INF/maven/fr.irit.smac.thirdparty.edu.gmu.cs/mason/pom.properties")) {
            assertThat(in).as("MASON's pom.properties").isNotNull();
            pom.load(in);
        }
        assertThat(EngineVersion.MASON).isEqualTo(pom.getProperty("version"));
    }

    @Test
    void reconsimVersionIsFilteredIn() {
        assertThat(EngineVersion.RECONSIM).isNotEqualTo("unknown").doesNotContain("${");
    }
}
