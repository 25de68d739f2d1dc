package org.reconsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.reconsim.engine.EngineVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code reconsim}: the command-line application. Exit codes: 0 success, 2 invalid input
 * (bad option or scenario, one line per problem, no stack trace; a file-system failure such as a
 * full disk or a folder the user may not write, in the operating system's words), 1 internal
 * error, 130 or 143 interrupted (SIGINT or SIGTERM; a resumable run says how to continue,
 * {@link Interrupts}).
 */
@Command(name = "reconsim", mixinStandardHelpOptions = true, versionProvider = ReconsimCommand.Version.class,
        description = "Reconsolidation trial simulator: virtual PTSD patients, ketamine or placebo around the labile window, "
                + "prolonged exposure, synthetic fMRI/SCR outcomes and power.",
        subcommands = {ValidateCommand.class, RunCommand.class, GenerateCommand.class, PowerCommand.class, PkCommand.class,
            PhenomenaCommand.class, CheckCommand.class, CalibrateCommand.class,
            DiscriminateCommand.class, SensitivityCommand.class,
            SchemaCommand.class,
            CommandLine.HelpCommand.class})
public final class ReconsimCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code reconsim} alone: which commands there are (the usage lists every one), as an input error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("reconsim: a command is required");
        spec.commandLine().usage(err);
        err.flush();
        return INVALID_INPUT;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the application with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ReconsimCommand());
        cl.setOut(out);
        cl.setErr(err);
        CommandLine.IParameterExceptionHandler parameterErrors = (ex, a) -> {
            RuntimeException own = ownError(ex, a);
            if (own instanceof InvalidInputException bad) {
                bad.lines().forEach(err::println);
                err.flush();
                return INVALID_INPUT;
            }
            CommandLine.ParameterException shown = own instanceof CommandLine.ParameterException p ? p : ex;
            err.println("reconsim: " + shown.getMessage());
            if (shown instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                // picocli's own handler would have offered these; ours replaces it
                err.println("Did you mean: " + String.join(" or ", closest(unmatched)) + "?");
            }
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return INVALID_INPUT;
        };
        cl.setParameterExceptionHandler(parameterErrors);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof CommandLine.ParameterException missing) {
                // a command's own check of what picocli would have required (InferenceOptions.require)
                return parameterErrors.handleParseException(missing, args);
            }
            if (ex instanceof InvalidInputException bad) {
                bad.lines().forEach(err::println);
                err.flush();
                return INVALID_INPUT;
            }
            String io = FileErrors.line(ex, outputFolder(parsed));
            if (io != null) {
                err.println(io);
                err.flush();
                return INVALID_INPUT;
            }
            err.println("reconsim: internal error: " + ex);
            if (System.getenv("RECONSIM_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set RECONSIM_DEBUG=1 for the stack trace, and please report it)");
            }
            err.flush();
            return INTERNAL_ERROR;
        });
        return cl.execute(args);
    }

    /**
     * picocli's suggestions for a mistyped word, narrowed to those within a typo or two of it
     * (Levenshtein distance at most max(2, length / 4): picocli's similarity offers --resume for
     * --replicats), or all of them when none is that close.
     */
    private static List<String> closest(CommandLine.UnmatchedArgumentException unmatched) {
        String typed = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0).split("=", 2)[0];
        List<String> near = unmatched.getSuggestions().stream()
                .filter(s -> levenshtein(typed, s) <= Math.max(2, typed.length() / 4)).toList();
        return near.isEmpty() ? unmatched.getSuggestions() : near;
    }

    /** Edits (insertions, deletions, substitutions) that turn {@code a} into {@code b}. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The folder the command that ran writes: its --out or --resume DIR, or null (neither given). */
    private static Path outputFolder(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf != null && leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        for (String option : new String[] {"--out", "--resume"}) {
            if (leaf != null && leaf.hasMatchedOption(option) && leaf.matchedOptionValue(option, null) instanceof Path p) {
                return p;
            }
        }
        return null;
    }

    /**
     * The project's own error behind a parse failure, or null: an option converter's
     * {@link InvalidInputException} (picocli wraps whatever a converter throws), or the command's
     * name for an argument-group violation ({@link OptionConflicts}).
     */
    private static RuntimeException ownError(CommandLine.ParameterException ex, String[] args) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException bad) {
                return bad;
            }
        }
        boolean groupViolation = ex instanceof CommandLine.MaxValuesExceededException
                || ex instanceof CommandLine.MutuallyExclusiveArgsException;
        if (groupViolation && ex.getCommandLine().getCommand() instanceof OptionConflicts command
                && ex.getCommandLine().getParseResult() != null) {
            return command.conflict(ex.getCommandLine().getParseResult(), args);
        }
        return null;
    }

    /** Prints the reconsim and MASON versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reconsim " + EngineVersion.RECONSIM + " (MASON "
                    + org.reconsim.engine.EngineVersion.MASON + ", Java " + System.getProperty("java.version") + ")"};
        }
    }
}
