package org.reconsim.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * reconsim in a JVM of its own (this test's class path), for what an in-process run cannot show:
 * signals, the working folder, the operating system's permissions. Its stdout and stderr go to
 * files next to {@code logs}.
 */
final class ChildRun {

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildRun(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code reconsim args} in {@code workingDir}, its command line prefixed by {@code prefix}
     * (e.g. setpriv), SIGINT at its default action (a JVM started from a background job inherits it
     * ignored, and would not see Ctrl-C); output in {@code logs}.out and .err.
     */
    static ChildRun start(Path workingDir, Path logs, List<String> prefix, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        if (defaultSignalWorks()) {
            cmd.add(0, "--default-signal=INT");
            cmd.add(0, "env");
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                absoluteClassPath(), ReconsimCommand.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Path.of(logs + ".out");
        Path err = Path.of(logs + ".err");
        Process p = new ProcessBuilder(cmd).directory(workingDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        return new ChildRun(p, out, err);
    }

    /** This JVM's class path with every entry absolute, so that it serves a child in another working folder. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Whether env(1) can reset a signal's action (coreutils 8.31 and later). */
    static boolean defaultSignalWorks() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Process process() {
        return process;
    }

    /** Sends {@code signal} (e.g. INT) with kill(1). */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed");
        }
    }

    /** Waits for the end (at most {@code seconds}) and returns the exit code. */
    int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.readString(out);
    }

    String err() throws IOException {
        return Files.readString(err);
    }
}
