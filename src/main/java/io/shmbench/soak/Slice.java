package io.shmbench.soak;

import io.shmbench.shm.PrivateDirectory;

import java.nio.file.Path;

/** One time slice of one target: when it should end and what it may use. */
final class Slice {
    private final long plannedEndNanos;
    private final SoakSettings settings;
    private final PrivateDirectory logs;
    private final SoakProgress progress;
    private final Cleanup cleanup;

    Slice(long plannedEndNanos, SoakSettings settings, PrivateDirectory logs, SoakProgress progress, Cleanup cleanup) {
        this.plannedEndNanos = plannedEndNanos;
        this.settings = settings;
        this.logs = logs;
        this.progress = progress;
        this.cleanup = cleanup;
    }

    /**
     * When streaming stops, asked once set-up is done: the planned end, or {@link SoakSettings#MIN_STREAM}
     * from now when set-up took the slice's whole share.
     */
    long streamUntil() {
        return Math.max(plannedEndNanos, System.nanoTime() + SoakSettings.MIN_STREAM.toNanos());
    }

    SoakSettings settings() {
        return settings;
    }

    /** The log file for processes of {@code target} (appended to by every slice). */
    Path log(String target) {
        return logs.resolve(target + ".log");
    }

    SoakProgress progress() {
        return progress;
    }

    Cleanup cleanup() {
        return cleanup;
    }

    boolean stopRequested() {
        return cleanup.stopRequested();
    }
}
