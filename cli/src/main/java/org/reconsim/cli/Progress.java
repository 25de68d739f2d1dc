package org.reconsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.reconsim.results.evaluation.Evaluation;
import org.reconsim.results.evaluation.EvaluationEngine;
import org.reconsim.results.evaluation.Evaluator;

/** A progress bar on stderr, or nothing. */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    Progress(boolean shown, String task, long total) {
        this.bar = shown ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
    }

    /** A bar when stderr is a terminal or {@code asked} (--progress), never with {@code quiet}. */
    static Progress on(boolean quiet, boolean asked, String task, long total) {
        return new Progress(!quiet && (asked || stderrIsTerminal()), task, total);
    }

    /**
     * Whether stderr, where the bar goes, is a terminal. {@link System#console()} asks about
     * stdin and stdout, so {@code reconsim power ... > power.txt} would lose the bar; on Linux
     * {@code /proc/self/fd/2} says where stderr goes (a pseudo-terminal /dev/pts/N or a
     * /dev/ttyN). Elsewhere the console is the best guess there is.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /**
     * {@code engine} with this bar counting the evaluations it returns (for methods that report
     * no progress of their own, such as ABC-SMC between its generations).
     */
    static EvaluationEngine counting(EvaluationEngine engine, Progress bar) {
        long[] done = {0};
        return new EvaluationEngine() {
            @Override
            public Evaluator open(Evaluation evaluation) {
                Evaluator inner = engine.open(evaluation);
                return new Evaluator() {
                    @Override
                    public List<double[]> evaluate(List<double[]> inputs) {
                        List<double[]> out = inner.evaluate(inputs);
                        done[0] += out.size();
                        bar.at(done[0]);
                        return out;
                    }

                    @Override
                    public void close() {
                        inner.close();
                    }
                };
            }

            @Override
            public String describe() {
                return engine.describe();
            }

            @Override
            public void close() {
                // the caller's engine: closed by whoever opened it
            }
        };
    }

    void at(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
