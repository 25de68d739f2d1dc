package org.reconsim.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where {@code phenomena} reads the canonical experiments when no {@code --dir} is given, from
 * any working folder. The launcher {@code ./reconsim} names the repository it lives in
 * ({@value #HOME}), and the repository's {@code scenarios/phenomena} is read at run time, so an
 * edited experiment counts at once without rebuilding the jar. Without the launcher
 * ({@code java -jar reconsim.jar}, spark-submit) the copy the jar was built with is read
 * (cli/pom.xml bundles {@code scenarios/} as resources); the manifest records each file's
 * sha256 either way.
 */
final class BundledExperiments {

    /** System property the launcher sets to the repository's folder. */
    static final String HOME = "reconsim.home";

    /** The experiments' folder inside the jar (or the class folder, in tests). */
    static final String RESOURCE = "/scenarios/phenomena";

    private BundledExperiments() {
    }

    /** What {@code reader} makes of the experiments' folder: the repository's when the launcher names it, else the jar's. */
    static <T> T read(Function<Path, T> reader) {
        String home = System.getProperty(HOME);
        if (home != null && Files.isDirectory(Path.of(home, "scenarios", "phenomena"))) {
            return reader.apply(Path.of(home, "scenarios", "phenomena"));
        }
        return readResource(BundledExperiments.class.getResource(RESOURCE), reader);
    }

    /** {@code reader} applied to the folder {@code url} names: a folder on disk, or one inside a jar (opened for the call). */
    static <T> T readResource(URL url, Function<Path, T> reader) {
        if (url == null) {
            throw new InvalidInputException("reconsim: this reconsim was built without its experiments (" + RESOURCE
                    + "); pass --dir FOLDER");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class loader gave a malformed URL: " + url, e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return reader.apply(Path.of(uri));
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            String inside = uri.getSchemeSpecificPart();
            return reader.apply(jar.getPath(inside.substring(inside.indexOf("!/") + 1)));
        } catch (FileSystemAlreadyExistsException e) {
            // someone in this JVM has the jar open already: use theirs and leave it open
            return reader.apply(Path.of(uri));
        } catch (IOException e) {
            throw new InvalidInputException("reconsim: cannot read the bundled experiments in " + url + ": " + FileErrors.reason(e));
        }
    }
}
