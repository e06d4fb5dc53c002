package io.shmbench.soak;

import io.shmbench.run.Progress;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * The soak's progress lines: one when a slice ends and one every {@link #EVERY} while a slice runs,
 * each with the elapsed time, the slice and the running counts of its target.
 */
final class SoakProgress {
    static final Duration EVERY = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final long startNanos;
    private final Duration total;
    private String slice = "";
    private long nextLine;

    SoakProgress(PrintWriter out, long startNanos, Duration total) {
        this.out = out;
        this.startNanos = startNanos;
        this.total = total;
    }

    void sliceStarted(int index, int count, String target) {
        slice = "[" + index + "/" + count + "] " + target;
        nextLine = System.nanoTime() + EVERY.toNanos();
    }

    /** Prints the running counts if the last line is {@link #EVERY} old; cheap otherwise. */
    void tick(Tally tally) {
        long now = System.nanoTime();
        if (now - nextLine >= 0) {
            nextLine = now + EVERY.toNanos();
            line(tally, "");
        }
    }

    void sliceDone(Tally tally) {
        line(tally, "  (slice done)");
    }

    private void line(Tally t, String suffix) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        out.printf("soak %s / %s  %-24s sent %d, received %d, missed %d, corrupt %d, unreported %d, kills %d%s%n",
                Progress.format(elapsed), Progress.format(total), slice,
                t.sentCount(), t.receivedCount(), t.missedCount(), t.corruptCount(), t.unreportedCount(), t.killCount(), suffix);
        out.flush();
    }
}
