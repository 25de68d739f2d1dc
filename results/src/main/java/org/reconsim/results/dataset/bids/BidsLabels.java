package org.reconsim.results.dataset.bids;

import java.util.regex.Pattern;

/**
 * Checks on the strings that end up in BIDS file names and TSV cells, done when the input
 * records are built so that a bad label fails where it was made, not halfway through writing.
 */
final class BidsLabels {

    /** BIDS entity labels (sub-, ses-, task-) are alphanumeric only: a '-' or '_' would split the name. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]+");

    private BidsLabels() {
    }

    static String label(String what, String value) {
        if (value == null || !LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be alphanumeric (a BIDS label), got '" + value + "'");
        }
        return value;
    }

    /** A TSV cell may not hold a tab or line break; null is allowed and written as n/a. */
    static String cell(String what, String value) {
        if (value != null && (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException(what + " may not contain a tab or line break: '" + value + "'");
        }
        return value;
    }
}
