package io.shmbench.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What the reader does to a slot it has consumed before it hands the slot back to the writer (by
 * publishing its read index). A Java-reader option: nothing of it is stored in the segment, the
 * layout is the same (docs/ring-layout.md), and the C and Python readers only read.
 *
 * <p>Why write a slot one has read: after reading, the reader's cache holds the slot's lines
 * shared, and the writer's copy into the slot one lap later must first invalidate each of them.
 * A reader that writes a byte in each line it used holds those lines modified instead, and the
 * writer's later store takes each over from one cache. On the AMD EPYC VM this suite was tuned on,
 * a stream of 2048-byte messages settled at one of two rates a run, the slower about 4x slower,
 * and a reader that claims its consumed lines (as Agrona's {@code OneToOneRingBuffer} reader does
 * in effect, zeroing each record) never fell into the slower one; for messages up to 256 bytes
 * claiming cost instead. docs/THEORY.md (section 6) has the measurements; the mechanism is
 * inferred from them, not confirmed by performance counters.
 *
 * <p>Ordering: the reader writes only payload bytes (never the slot's sequence word or length) of
 * messages it has consumed, and only before it publishes the read index that frees their slots.
 * That publication is a release store (with any {@link MemoryOrder#isSafe() safe} memory order),
 * and the writer reads the index with acquire before it claims a slot, so the reader's stores are
 * ordered before the writer's; with PLAIN or OPAQUE the ring is unsafe already.
 *
 * <p>BLOCKING rings only: in an OVERWRITE ring the writer may be writing the slot while the
 * reader finishes with it, and the reader's store would corrupt the new message.
 * {@link Ring#openReader} refuses anything but {@link #KEEP} there.
 *
 * <p>Across a reader crash, delivery is at-least-once: a successor reader gets again the message
 * its predecessor held without having released it. A reader killed in the few nanoseconds between
 * writing a message's lines and publishing the read index leaves that message changed (some bytes
 * zero) for its successor, which gets it again; a message the reader did not write is whole.
 */
public enum SlotRelease {
    /** The reader only reads; the writer's next store into the slot invalidates the reader's shared copies. */
    KEEP,
    /**
     * One zero byte in each cache line the message's payload used: the cheapest store that takes
     * each used line into the reader's cache as modified.
     */
    CLAIM_LINES,
    /**
     * {@link #CLAIM_LINES} for a message longer than {@value #LARGE_MESSAGE_BYTES} bytes,
     * {@link #KEEP} for a shorter one: on the AMD EPYC VM claiming cost 5-50% of the one-way rate
     * up to 256 B and doubled it or more from 512 B on (docs/THEORY.md).
     */
    CLAIM_LARGE,
    /** Every payload byte the message used set to zero, as Agrona's ring buffer reader does. */
    ZERO;

    /** What a reader of a BLOCKING ring does unless told otherwise; chosen from the Q4 measurements (docs/THEORY.md). */
    public static final SlotRelease DEFAULT = CLAIM_LARGE;

    /** {@link #CLAIM_LARGE} claims the lines of messages longer than this. */
    public static final int LARGE_MESSAGE_BYTES = 256;

    /**
     * What {@link #ZERO} copies from: the JDK's copy is vectorised, a loop of stores is not (a
     * 2 KiB loop of 8-byte stores took 10x as long), and a slice to fill would allocate.
     */
    private static final MemorySegment ZEROS = Arena.global().allocate(4096, RingLayout.CACHE_LINE);

    /** The default for a ring of {@code mode}: OVERWRITE rings allow only {@link #KEEP}. */
    public static SlotRelease defaultFor(RingMode mode) {
        return mode == RingMode.OVERWRITE ? KEEP : DEFAULT;
    }

    /** Whether the reader writes the slot, which only a BLOCKING ring allows. */
    public boolean writes() {
        return this != KEEP;
    }

    /**
     * Does to the {@code length} payload bytes at {@code payload} in {@code memory} what this option says.
     * Cache lines are counted from the segment's start, which is page-aligned.
     */
    void apply(MemorySegment memory, long payload, int length) {
        switch (this) {
            case KEEP -> {
            }
            case CLAIM_LINES -> claimLines(memory, payload, length);
            case CLAIM_LARGE -> {
                if (length > LARGE_MESSAGE_BYTES) {
                    claimLines(memory, payload, length);
                }
            }
            case ZERO -> {
                for (long at = payload, left = length; left > 0; ) {
                    long chunk = Math.min(left, ZEROS.byteSize());
                    MemorySegment.copy(ZEROS, 0, memory, at, chunk);
                    at += chunk;
                    left -= chunk;
                }
            }
        }
    }

    /** One zero byte at the first used byte of each line the {@code length} bytes at {@code payload} touch. */
    private static void claimLines(MemorySegment memory, long payload, int length) {
        if (length > 0) {
            long end = payload + length;
            memory.set(ValueLayout.JAVA_BYTE, payload, (byte) 0);
            for (long line = (payload | (RingLayout.CACHE_LINE - 1)) + 1; line < end; line += RingLayout.CACHE_LINE) {
                memory.set(ValueLayout.JAVA_BYTE, line, (byte) 0);
            }
        }
    }
}
