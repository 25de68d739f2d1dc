package org.reconsim.cli;

import java.io.PrintWriter;

import org.reconsim.engine.EngineVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code reconsim}: the command-line application. Exit codes: 0 success, 2 invalid input
 * (bad option or scenario, one line per problem, no stack trace), 1 internal error.
 */
@Command(name = "reconsim", mixinStandardHelpOptions = true, versionProvider = ReconsimCommand.Version.class,
        description = "Reconsolidation trial simulator: virtual PTSD patients, ketamine or placebo around the labile window, "
                + "prolonged exposure, synthetic fMRI/SCR outcomes and power.",
        subcommands = {ValidateCommand.class, RunCommand.class, GenerateCommand.class, PowerCommand.class, PkCommand.class,
            PhenomenaCommand.class, CheckCommand.class, CalibrateCommand.class,
            DiscriminateCommand.class, SensitivityCommand.class,
            SchemaCommand.class,
            CommandLine.HelpCommand.class})
public final class ReconsimCommand implements Runnable {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: validate, run or power");
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
