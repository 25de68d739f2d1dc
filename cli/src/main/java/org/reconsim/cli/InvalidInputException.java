package org.reconsim.cli;

import java.util.List;

/** Input the user must fix: reported line by line with exit code 2, never with a stack trace. */
final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;

    InvalidInputException(List<String> lines) {
        super(String.join("\n", lines), null, false, false);
        this.lines = List.copyOf(lines);
    }

    InvalidInputException(String line) {
        this(List.of(line));
    }

    List<String> lines() {
        return lines;
    }
}
