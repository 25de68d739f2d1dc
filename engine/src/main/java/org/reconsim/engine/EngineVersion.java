package org.reconsim.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The reconsim version, filtered in by Maven at build time. */
public final class EngineVersion {

    public static final String RECONSIM = load();

    private EngineVersion() {
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("reconsim.version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
