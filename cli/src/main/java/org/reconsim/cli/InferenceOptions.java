package org.reconsim.cli;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.reconsim.results.evaluation.Journal;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;

/**
 * The options of the inference commands (check, calibrate, discriminate, sensitivity) that say
 * where they run and how they continue: {@code --engine}, {@code --partitions} and
 * {@code --resume DIR}. A run keeps a journal of its simulations in its output folder
 * ({@link InferenceRun}); {@code --resume DIR} parses the arguments the journal holds again, with
 * this command line's execution options, and the run replays the journal before it simulates
 * anything new, so its outputs are byte-identical to an uninterrupted run's.
 */
final class InferenceOptions {

    /** Options that never change a result: the only ones --resume takes from its own command line. */
    static final Set<String> EXECUTION = Set.of("--threads", "--quiet", "--progress", "--engine", "--partitions", "--resume",
            "--resumed", "--out", "--force");

    static final String RESUME_ALONE = "reconsim: --resume continues a run with the options it started with; only --threads, "
            + "--engine, --partitions, --quiet and --progress may be given with it";

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Where the simulations run: local (threads; the default) or spark (local[threads] or the cluster of "
                    + "spark-submit; see README). Results are identical.")
    String engine = "local";

    @Option(names = "--partitions", paramLabel = "N", converter = Bounds.Partitions.class,
            description = "Spark partitions per batch of simulations (default: Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted run in DIR with the options it started with; the outputs are byte-identical "
                    + "to an uninterrupted run's. Only --threads, --engine, --partitions, --quiet and --progress may be given with it.")
    Path resume;

    /** Set on the command line --resume parses again: this run continues the journal in its --out. */
    @Option(names = "--resumed", hidden = true)
    boolean resumed;

    /** The execution of this command line's run. */
    InferenceExecution execution(CommandSpec spec) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return new InferenceExecution(engine, partitions, resumed, definingArguments(parsed), parsed.hasMatchedOption("--force"));
    }

    /**
     * Refuses a missing required value as picocli would (the same message), unless the run is a
     * --resume, which takes every such value from its journal.
     */
    void require(CommandSpec spec, Object value, String option) {
        if (value == null && resume == null) {
            String label = option;
            for (OptionSpec o : spec.options()) {
                if (o.longestName().equals(option)) {
                    label = "'" + option + "=" + o.paramLabel() + "'";
                }
            }
            String what = option.startsWith("-") ? "option: " + label : "parameter: '" + option + "'";
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required " + what);
        }
    }

    /**
     * The arguments that define a run's results, as typed but with absolute paths (so that
     * --resume works from any folder): positionals first, then each option with its values;
     * the execution options and --out are left out (the run adds its own folder).
     */
    static List<String> definingArguments(CommandLine.ParseResult parsed) {
        List<String> args = new ArrayList<>();
        for (PositionalParamSpec p : new LinkedHashSet<>(parsed.matchedPositionals())) {
            for (String v : p.originalStringValues()) {
                args.add(isPath(p) ? Path.of(v).toAbsolutePath().normalize().toString() : v);
            }
        }
        for (OptionSpec o : new LinkedHashSet<>(parsed.matchedOptions())) {
            if (EXECUTION.contains(o.longestName())) {
                continue;
            }
            if (o.arity().max() == 0) {
                args.add(o.longestName());
                continue;
            }
            for (String v : o.originalStringValues()) {
                args.add(o.longestName());
                args.add(isPath(o) ? Path.of(v).toAbsolutePath().normalize().toString() : v);
            }
        }
        return args;
    }

    private static boolean isPath(ArgSpec a) {
        if (a.type() == Path.class) {
            return true;
        }
        for (Class<?> c : a.auxiliaryTypes()) {
            if (c == Path.class) {
                return true;
            }
        }
        return false;
    }

    /**
     * Continues the interrupted run in {@link #resume}: the command's own class parses the
     * journal's arguments, this command line's execution options and {@code --out DIR --resumed},
     * and runs. Refused when this command line also gives result-defining options.
     */
    int resume(CommandSpec spec) throws Exception {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (!parsed.matchedPositionals().isEmpty()
                || parsed.matchedOptions().stream().anyMatch(o -> !EXECUTION.contains(o.longestName()))) {
            throw new InvalidInputException(RESUME_ALONE);
        }
        Path dir = resume;
        Journal.Header header = InferenceRun.header(dir, spec.name());
        List<String> args = new ArrayList<>();
        // the run's folder is where it is now (it may have been moved since): the --out it was started with goes
        for (int i = 0; i < header.arguments().size(); i++) {
            if (header.arguments().get(i).equals("--out")) {
                i++;
            } else {
                args.add(header.arguments().get(i));
            }
        }
        for (OptionSpec o : new LinkedHashSet<>(parsed.matchedOptions())) {
            if (o.longestName().equals("--resume") || o.longestName().equals("--out") || o.longestName().equals("--resumed")) {
                continue;
            }
            if (o.arity().max() == 0) {
                args.add(o.longestName());
            } else {
                for (String v : o.originalStringValues()) {
                    args.add(o.longestName());
                    args.add(v);
                }
            }
        }
        args.addAll(List.of("--out", dir.toAbsolutePath().normalize().toString(), "--resumed"));
        Constructor<?> make = spec.userObject().getClass().getDeclaredConstructor();
        make.setAccessible(true);
        CommandLine again = new CommandLine(make.newInstance());
        again.setOut(spec.commandLine().getOut());
        again.setErr(spec.commandLine().getErr());
        try {
            again.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new InvalidInputException("reconsim: --resume " + dir + ": " + dir.resolve(InferenceRun.FILE)
                    + " cannot be used: its arguments no longer parse (" + e.getMessage() + ")");
        }
        Callable<?> command = again.getCommand();
        Object code = command.call();
        return code instanceof Integer i ? i : ReconsimCommand.OK;
    }

    /** Whether {@code dir} holds an unfinished inference run. */
    static boolean unfinished(Path dir) {
        return dir != null && Files.exists(dir.resolve(InferenceRun.FILE));
    }
}
