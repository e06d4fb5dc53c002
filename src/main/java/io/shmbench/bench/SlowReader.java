package io.shmbench.bench;

import io.shmbench.measure.Outcome;
import io.shmbench.message.CheckedMessage;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * Q7's slow reader, one trial of it: it reads each snapshot in place in two halves with its other
 * work between them ({@link #read}), so it takes longer per snapshot than the writer writes one,
 * for {@value Q7Faults#READ_WINDOW_MILLIS} ms. With nothing new from the writer for
 * {@link Q7Faults#GIVE_UP_NANOS} it gives up, and the trial records "timed out".
 */
final class SlowReader {
    /** The reader's other work between the two halves of a snapshot: a busy wait, on its own core. */
    static final Runnable PAUSE = () -> Pacer.waitUntil(System.nanoTime() + Q7Faults.READ_PAUSE_NANOS);

    private final TrialOutcome outcome;
    private final long start = System.nanoTime();
    private long lastProgress = start;

    SlowReader(TrialOutcome outcome) {
        this.outcome = outcome;
    }

    /**
     * Reads a snapshot in place as the slow reader does: its sequence and the first half of its
     * words, then {@code midway} (the reader's other work: {@link #PAUSE}, or in tests the writer's
     * next writes), then the second half. True when every word belongs to the snapshot the sequence
     * names: a writer that overwrote the buffer meanwhile leaves words of another snapshot.
     */
    static boolean read(MemorySegment snapshot, int bytes, Runnable midway) {
        long sequence = CheckedMessage.sequence(snapshot);
        int half = CheckedMessage.MIN_LENGTH + (bytes - CheckedMessage.MIN_LENGTH) / 16 * 8;
        boolean firstHalf = CheckedMessage.fillerMatches(snapshot, sequence, CheckedMessage.MIN_LENGTH, half);
        midway.run();
        VarHandle.loadLoadFence(); // the second half is read after the pause, not hoisted above it
        return CheckedMessage.fillerMatches(snapshot, sequence, half, bytes) && firstHalf;
    }

    /** True while the trial's window is open. */
    boolean reading() {
        return System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(Q7Faults.READ_WINDOW_MILLIS);
    }

    /** Something new was read. */
    void progress() {
        lastProgress = System.nanoTime();
    }

    /** Nothing new: spins once and returns true, or records the time-out and returns false. */
    boolean idle() {
        if (System.nanoTime() - lastProgress > Q7Faults.GIVE_UP_NANOS) {
            outcome.stop(Outcome.TIMED_OUT, "no new snapshot from the writer for "
                    + TimeUnit.NANOSECONDS.toSeconds(Q7Faults.GIVE_UP_NANOS) + " s");
            return false;
        }
        Thread.onSpinWait();
        return true;
    }
}
