package org.reconsim.results.dataset;

import java.util.List;
import java.util.Objects;

import org.reconsim.models.spec.Member;

/**
 * The registration of one dataset format: the name {@code --format} takes and the writer.
 *
 * @param label   kebab-case name, e.g. {@code bids}
 * @param doc     what the format writes, in the words of its users
 * @param format  the writer
 */
public record DatasetFormatType(String label, String doc, DatasetFormat format) implements Member {

    public DatasetFormatType {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(format, "format");
        Member.kebab("format", label);
    }

    /** The registered formats, as an enum offers its constants. */
    public static List<DatasetFormatType> values() {
        return DatasetFormatRegistry.all();
    }

    @Override
    public String toString() {
        return label;
    }
}
