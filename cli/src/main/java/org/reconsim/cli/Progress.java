package org.reconsim.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A progress bar on stderr, or nothing. */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    Progress(boolean shown, String task, long total) {
        this.bar = shown ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
    }

    /** A bar when attached to a terminal or {@code asked} (--progress), never with {@code quiet}. */
    static Progress on(boolean quiet, boolean asked, String task, long total) {
        return new Progress(!quiet && (asked || System.console() != null), task, total);
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
