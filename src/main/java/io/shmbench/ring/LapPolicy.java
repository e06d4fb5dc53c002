package io.shmbench.ring;

import io.shmbench.ipc.WaitStrategy;

/**
 * Where an OVERWRITE reader resumes once the writer has lapped it (the slot of the message it
 * expected already holds a later one). Either way the skipped messages are added to
 * {@link RingReader#missed()}, so delivered + missed = written. BLOCKING rings are never lapped.
 *
 * <p>The choice matters for a reader that is slower than its writer. The oldest message still in
 * the ring lives in the very slot the writer fills next, so a reader that resumes there is usually
 * overwritten while it copies and catches its read torn; the newest message's slot is the one the
 * writer filled last and comes round again only {@code slotCount} writes later.
 */
public enum LapPolicy {
    /**
     * The newest published message (write index - 1), as a telemetry reader wants: the freshest
     * state, with the most time to read it before the writer returns to its slot (Agrona's
     * {@code BroadcastReceiver} jumps to the latest record the same way). Loses the older messages
     * that were still in the ring.
     */
    NEWEST,
    /**
     * The oldest message still in the ring (write index - slot count): delivers the most messages
     * when the reader drains everything at each wake-up, but a reader slower than its writer sees
     * most of those reads torn.
     */
    OLDEST;

    /** What {@link Ring#openReader(WaitStrategy)} uses; chosen from the Q3 and Q7 measurements (README). */
    public static final LapPolicy DEFAULT = NEWEST;

    /** Where a reader lapped while expecting message {@code next} resumes, given the published write index. */
    long resumeAt(long next, long writeIndex, int slotCount) {
        long target = this == NEWEST ? writeIndex - 1 : writeIndex - slotCount;
        return Math.max(next + 1, target);
    }
}
