package dev.photosearch.cli;

import dev.photosearch.source.CollectionProgress;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How long work shows its progress: a bar redrawn in place on a terminal; elsewhere (a log file, a pipe, CI) one
 * plain line every few seconds, since a redrawn bar would fill the log with a line per redraw.
 */
final class ProgressOutput {

    private static final int TERMINAL_INTERVAL_MILLIS = 500;
    private static final int PLAIN_INTERVAL_MILLIS = 10_000;
    private static final long COLLECTION_INTERVAL_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;

    private ProgressOutput(PrintWriter err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** Progress on {@code err}, drawn as a bar when the command runs in a terminal. */
    static ProgressOutput to(PrintWriter err) {
        return new ProgressOutput(err, System.console() != null, System::nanoTime);
    }

    /** Progress as plain lines, whatever the output is; {@code clock} gives nanoseconds. */
    static ProgressOutput plain(PrintWriter err, LongSupplier clock) {
        return new ProgressOutput(err, false, clock);
    }

    /** A bar counting {@code unit}s of {@code unitSize}; the caller builds and closes it. */
    ProgressBarBuilder bar(String task, String unit, long unitSize) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setUnit(unit, unitSize)
                .setStyle(ProgressBarStyle.ASCII).showSpeed();
        if (terminal) {
            return builder.setUpdateIntervalMillis(TERMINAL_INTERVAL_MILLIS).continuousUpdate();
        }
        return builder.setUpdateIntervalMillis(PLAIN_INTERVAL_MILLIS)
                .setConsumer(new DelegatingProgressBarConsumer(skipRepeats(this::line), 100));
    }

    /** Passes on each line unless it repeats the one before: the bar renders once more when it is closed. */
    static Consumer<String> skipRepeats(Consumer<String> lines) {
        AtomicReference<String> last = new AtomicReference<>();
        return text -> {
            if (!text.equals(last.getAndSet(text))) {
                lines.accept(text);
            }
        };
    }

    /** One line per page a live collection stores, at most one every two seconds; the first page always shows. */
    CollectionProgress collection() {
        AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        return (account, posts, requests) -> {
            long now = clock.getAsLong();
            long before = last.get();
            if (before == Long.MIN_VALUE || now - before >= COLLECTION_INTERVAL_NANOS) {
                last.set(now);
                line(account + ": " + posts + " posts stored (" + requests + " requests)");
            }
        };
    }

    private void line(String text) {
        err.println(text.stripTrailing());
        err.flush();
    }
}
