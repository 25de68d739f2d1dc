package org.reconsim.results.dataset;

import java.util.List;
import java.util.Objects;

import org.reconsim.models.spec.Named;

/**
 * The registration of one dataset format: the name {@code --format} takes and the writer.
 *
 * @param label   kebab-case name, e.g. {@code bids}
 * @param doc     what the format writes, in the words of its users
 * @param format  the writer
 */
public record DatasetFormatType(String label, String doc, DatasetFormat format) implements Named {

    public DatasetFormatType {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(format, "format");
        if (!label.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("format label must be kebab-case: " + label);
        }
    }

    /** The registered formats, as an enum offers its constants. */
    public static List<DatasetFormatType> values() {
        return DatasetFormatRegistry.all();
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
