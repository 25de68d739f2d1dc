package org.reconsim.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The reconsim and MASON versions, filtered in by Maven at build time from the project version
 * and the {@code mason.version} property that selects the MASON dependency: typed once, in the pom.
 */
public final class EngineVersion {

    private static final Properties BUILD = load();

    public static final String RECONSIM = BUILD.getProperty("reconsim.version", "unknown");

    /** MASON version the engine runs on (recorded in manifests: seeds are not portable across versions). */
    public static final String MASON = BUILD.getProperty("mason.version", "unknown");

    private EngineVersion() {
    }

    private static Properties load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
