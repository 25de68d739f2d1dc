package org.reconsim.engine.scenario;

/**
 * One thing wrong with a scenario file.
 *
 * @param file    the file as the user named it
 * @param line    1-based line, 0 when unknown
 * @param path    field path such as {@code design.arms[1].dose_mg_per_kg}
 * @param message what is wrong and what is allowed
 */
public record Problem(String file, int line, String path, String message) {

    /** {@code file:line: path: message}, the one-line form users read. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (!path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }
}
