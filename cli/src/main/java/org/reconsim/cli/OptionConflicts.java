package org.reconsim.cli;

import picocli.CommandLine;

/**
 * A command with {@code @ArgGroup}s that names their violations itself. picocli reports them
 * with the whole group's synopsis ("expected only one match but got [...]"), and also reports a
 * repeated option or a second positional in a group that way; the command knows what the user
 * did wrong.
 */
interface OptionConflicts {

    /**
     * The error to report for a group violation, given what was matched until it: an
     * {@link InvalidInputException} (its lines are printed) or a {@link CommandLine.ParameterException}
     * (printed like picocli's own); null for picocli's message.
     */
    RuntimeException conflict(CommandLine.ParseResult matched, String[] args);
}
