package io.shmbench.run;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The console's progress line: which run of how many, its parameters, the time so far and an
 * estimate of what remains. Before the first run ends the estimate is the profile's nominal time
 * per run; afterwards it is the mean of the runs so far, which includes JVM start-up and set-up.
 */
public final class Progress {
    private int total;
    private final long nominalNanosPerRun;
    private final LongSupplier nanoClock;
    private final long start;
    private int finished;

    public Progress(int total, Duration nominalPerRun, LongSupplier nanoClock) {
        this.total = total;
        this.nominalNanosPerRun = nominalPerRun.toNanos();
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** The line printed as run {@code index} (0-based) starts. */
    public String starting(int index, PlannedRun run) {
        return "[" + (index + 1) + "/" + total + "] " + run.label() + "   elapsed " + format(elapsed())
                + ", about " + format(remaining(index)) + " left";
    }

    /** Runs of the plan that will not be made after all (converged series, a round the budget leaves out). */
    public void skipped(int runs) {
        total -= runs;
    }

    /** Runs made or still to be made. */
    public int total() {
        return total;
    }

    public void finishedOne() {
        finished++;
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanoClock.getAsLong() - start);
    }

    /** Estimated time for runs {@code index..total-1}. */
    public Duration remaining(int index) {
        int left = total - index;
        long perRun = finished == 0 ? nominalNanosPerRun : elapsed().toNanos() / finished;
        return Duration.ofNanos(perRun * left);
    }

    /** {@code h:mm:ss}, or {@code m:ss} under an hour. */
    public static String format(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 500) / 1000);
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
