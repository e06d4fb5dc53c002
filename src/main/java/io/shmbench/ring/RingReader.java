package io.shmbench.ring;

import io.shmbench.ipc.PeerGoneException;
import io.shmbench.ipc.WaitStrategy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The ring's only reader.
 *
 * <p>Zero-copy: {@link #poll()} returns the next message's length (or -1 when there is none) and
 * {@link #payload()} its bytes in place, valid until the next poll. In OVERWRITE mode the writer may
 * overwrite a slot while it is being read: call {@link #validate()} after reading in place, or use
 * the copying {@link #read} calls, which validate for you and never return a torn message.
 *
 * <p>Freeing: the next poll (or closing) frees the previous message's slot; a BLOCKING reader
 * first writes into it as its {@link SlotRelease} says (by default a zero byte per cache line of
 * a message over 256 bytes), so a payload view must not be read after the next poll.
 *
 * <p>Gaps: in OVERWRITE mode a reader that falls more than a ring behind skips ahead, to the newest
 * or the oldest message still there as its {@link LapPolicy} says, and adds what it skipped to
 * {@link #missed()}, so delivered + missed = written.
 *
 * <p>A truncated segment file: see {@link Ring#checkNotTruncated()} and {@link Ring#explainFault}.
 */
public final class RingReader extends RingCursor {
    private final boolean overwrite;
    private final boolean pollWriteIndex;
    private final LapPolicy lapPolicy;
    private final SlotRelease slotRelease;
    private long next;
    private long released;
    private long cachedWriteIndex;
    private long currentOffset = -1;
    private long currentSequence;
    private int currentSlot;
    private long missed;
    private long torn;
    /** While this reader waits for a message (BLOCKING, SLOT_SEQUENCE): where its sequence word is, else -1. */
    private long awaitedAt = -1;
    private long awaitedSequence;
    private int awaitedSlot;
    /** {@link #next} when this reader last stamped its heartbeat. */
    private long heartbeatAt;

    RingReader(Ring ring, WaitStrategy waitStrategy, LapPolicy lapPolicy, SlotRelease slotRelease) {
        super(ring, waitStrategy, Liveness.reader(ring.memory()), Liveness.writer(ring.memory()), false);
        RingConfig config = ring.config();
        this.lapPolicy = java.util.Objects.requireNonNull(lapPolicy, "lapPolicy");
        this.slotRelease = java.util.Objects.requireNonNull(slotRelease, "slotRelease");
        this.overwrite = config.mode() == RingMode.OVERWRITE;
        this.pollWriteIndex = config.readerPoll() == ReaderPoll.WRITE_INDEX;
        this.next = ring.readIndex();
        this.released = next;
        this.heartbeatAt = next;
    }

    /**
     * Moves to the next message without waiting: returns its length and makes {@link #payload()}
     * show it, or returns -1 when no new message is there. Frees the previous message's slot.
     */
    public int poll() {
        try {
            return pollOnce();
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    /** One look: at the awaited word only when a poll already found nothing (see {@link #await}), else a whole poll. */
    private int pollOnce() {
        return awaitedAt >= 0 ? arrived() : next();
    }

    private int next() {
        release();
        int length = overwrite ? pollOverwrite() : pollBlocking();
        if (length < 0) {
            heartbeatWhenIdle();
        }
        return length;
    }

    /**
     * Publishes the read index: in BLOCKING mode this frees the slots of the messages already read.
     * Before that, and only then, the reader may write the payload of the slots it frees
     * ({@link SlotRelease}): until the read index says so the writer does not claim them, and the
     * index is published with a release store that orders those writes before the writer's.
     */
    private void release() {
        if (released != next) {
            if (slotRelease.writes()) {
                for (long n = released; n < next; n++) {
                    releaseSlot(n);
                }
            }
            released = next;
            access.store(memory, readIndexOffset, next);
        }
    }

    /** Writes the payload bytes message {@code n} used, as {@link #slotRelease} says; its slot is still this reader's. */
    private void releaseSlot(long n) {
        long offset = RingLayout.slotOffset(slotOf(n), slotSize);
        int length = memory.get(ValueLayout.JAVA_INT, offset + RingLayout.SLOT_LENGTH_OFFSET);
        if (length > 0 && length <= maxPayload) { // checked when delivered; checked again so no store can leave the slot
            slotRelease.apply(memory, offset + RingLayout.SLOT_HEADER_SIZE, length);
        }
    }

    /** With {@link ReaderPoll#WRITE_INDEX}: whether the write index says message {@code next} is published. */
    private boolean published() {
        if (!cacheRemoteIndex || next >= cachedWriteIndex) {
            cachedWriteIndex = access.load(memory, RingLayout.WRITE_INDEX_OFFSET);
            return next < cachedWriteIndex;
        }
        return true;
    }

    private int pollBlocking() {
        int slot = slotOf(next);
        long offset = RingLayout.slotOffset(slot, slotSize);
        if (pollWriteIndex) {
            if (!published()) {
                return -1;
            }
        } else if (access.load(memory, offset + RingLayout.SLOT_SEQUENCE_OFFSET) != RingLayout.committed(next)) {
            await(slot, offset);
            return -1;
        }
        return deliverAt(slot, offset);
    }

    /** Delivers message {@code next}, whose committed sequence word this reader has seen in {@code slot}. */
    private int deliverAt(int slot, long offset) {
        int length = memory.get(ValueLayout.JAVA_INT, offset + RingLayout.SLOT_LENGTH_OFFSET);
        if (length < 0 || length > maxPayload) {
            throw corruptLength(length);
        }
        return deliver(slot, offset, length);
    }

    /**
     * BLOCKING, {@link ReaderPoll#SLOT_SEQUENCE}, no message: the slot, the word and the value this
     * reader waits for are worked out once, here, so each later poll and each spin of a wait is one
     * acquire load ({@link #arrived()}). The previous message's slot is freed already, so a writer
     * waiting for room is never left waiting on this reader.
     */
    private void await(int slot, long offset) {
        awaitedSlot = slot;
        awaitedAt = offset + RingLayout.SLOT_SEQUENCE_OFFSET;
        awaitedSequence = RingLayout.committed(next);
    }

    /**
     * Whether the awaited message is there: one acquire load of its sequence word. (Loading the
     * slot's second line on each spin as well, so that it travels with the first, was measured
     * and made the 64 B round trip slower: docs/findings/issue13-ring-levers.md.)
     */
    private int arrived() {
        long offset = awaitedAt;
        if (access.load(memory, offset) != awaitedSequence) {
            return -1;
        }
        awaitedAt = -1;
        return deliverAt(awaitedSlot, offset - RingLayout.SLOT_SEQUENCE_OFFSET);
    }

    private int pollOverwrite() {
        if (pollWriteIndex && !published()) {
            return -1; // the sequence word is still checked below: it tells a lapped or torn slot
        }
        while (true) {
            int slot = slotOf(next);
            long offset = RingLayout.slotOffset(slot, slotSize);
            long expected = RingLayout.committed(next);
            long sequence = access.load(memory, offset + RingLayout.SLOT_SEQUENCE_OFFSET);
            if (sequence == expected) {
                int length = memory.get(ValueLayout.JAVA_INT, offset + RingLayout.SLOT_LENGTH_OFFSET);
                if (length >= 0 && length <= maxPayload) {
                    return deliver(slot, offset, length);
                }
                if (access.fenceThenLoad(memory, offset + RingLayout.SLOT_SEQUENCE_OFFSET) == expected) {
                    throw corruptLength(length);
                }
                continue; // overwritten while we looked: the lap check below counts it
            }
            if (sequence < expected) {
                return -1; // not written yet, or being written (expected - 1)
            }
            // Lapped: the slot already holds a later message. With W published, messages W - slotCount ..
            // W - 1 can still be in the ring; the policy picks the newest or the oldest of them. If the
            // writer is already overwriting that one too, the next round finds its slot lapped again
            // and moves on.
            long writeIndex = access.load(memory, RingLayout.WRITE_INDEX_OFFSET);
            long resume = lapPolicy.resumeAt(next, writeIndex, slotCount);
            missed += resume - next;
            next = resume;
        }
    }

    /**
     * A length no writer commits. After a truncation the faulting load may have returned garbage
     * (see {@link io.shmbench.shm.SharedSegment}), so that is reported as what it is.
     */
    private RingFormatException corruptLength(int length) {
        ring.checkNotTruncated();
        return new RingFormatException(ring.path() + ": slot " + slotOf(next) + " holds message " + next
                + " with length " + length + ", outside 0.." + maxPayload + " (corrupt segment)");
    }

    private int deliver(int slot, long offset, int length) {
        currentOffset = offset;
        currentSequence = RingLayout.committed(next);
        currentSlot = slot;
        next++;
        return length;
    }

    /**
     * The reader's heartbeat, stamped at most once per {@value #HEARTBEAT_EVERY} messages and only
     * when a poll has found no message: a reader that is busy shows life by moving its read index,
     * and a stamp between detecting a message and the reply would sit on the path of one message
     * in {@value #HEARTBEAT_EVERY}, which is what a p99.9 sees.
     */
    private void heartbeatWhenIdle() {
        if (next - heartbeatAt >= HEARTBEAT_EVERY) {
            heartbeatAt = next;
            self.heartbeat();
        }
    }

    /** Like {@link #poll()}, waiting up to {@code timeoutNanos} for a message. */
    public int receive(long timeoutNanos) {
        try {
            return nextWithin(timeoutNanos);
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    private int nextWithin(long timeoutNanos) {
        int length = pollOnce();
        return length >= 0 ? length : awaitNext(timeoutNanos);
    }

    /**
     * The wait for a message, entered only once a poll found none, so none of it lies on the path
     * of a message that is already there: the clock, the deadline and the peer's liveness are
     * looked at here, once per {@value #CHECK_EVERY} spins.
     */
    private int awaitNext(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        // BLOCKING, SLOT_SEQUENCE: each spin is one load of the awaited word; else a whole poll.
        boolean oneWord = awaitedAt >= 0;
        for (int i = 0; ; i++) {
            waitStrategy.idle(i);
            int length = oneWord ? arrived() : next();
            if (length >= 0) {
                return length;
            }
            if (i % CHECK_EVERY == CHECK_EVERY - 1 && (length = checkAlive(deadline)) >= 0) {
                return length;
            }
        }
    }

    /**
     * The deadline and the writer's liveness, looked at while waiting: -1 to go on waiting, or the
     * length of the message a writer that has just died committed before it died.
     */
    private int checkAlive(long deadline) {
        try {
            checkWhileWaiting(deadline, "for a message");
            return -1;
        } catch (PeerGoneException gone) {
            // The writer may have committed its last message between the poll above and its death:
            // what it published before it died is still delivered (as the C and Python readers do).
            int length = pollOnce();
            if (length >= 0) {
                return length;
            }
            throw gone;
        }
    }

    /** The current message's slot payload (its first {@code length} bytes are the message). */
    public MemorySegment payload() {
        ensureCurrent();
        return payloads[currentSlot];
    }

    private void ensureCurrent() {
        if (currentOffset < 0) {
            throw new IllegalStateException("no message polled yet");
        }
    }

    /**
     * After reading {@link #payload()} in place: true when the writer did not touch the slot
     * meanwhile. False means what was read may be torn; the message then counts as missed.
     */
    public boolean validate() {
        try {
            return unchanged();
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    private boolean unchanged() {
        ensureCurrent();
        if (access.fenceThenLoad(memory, currentOffset + RingLayout.SLOT_SEQUENCE_OFFSET) == currentSequence) {
            return true;
        }
        torn++;
        missed++;
        return false;
    }

    /**
     * Copies the next message into {@code target} at {@code offset}, waiting up to
     * {@code timeoutNanos}; returns its length. Never returns a torn message.
     */
    public int read(MemorySegment target, long offset, long timeoutNanos) {
        try {
            int length = nextWithin(timeoutNanos);
            long deadline = 0; // the clock is read only once a read was torn, off the common path
            while (true) {
                checkRoom(target.byteSize() - offset, length);
                MemorySegment.copy(payloads[currentSlot], 0, target, offset, length);
                if (!overwrite || unchanged()) {
                    return length;
                }
                if (deadline == 0) {
                    deadline = System.nanoTime() + timeoutNanos;
                }
                length = nextWithin(Math.max(0, deadline - System.nanoTime()));
            }
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    public int read(byte[] target, long timeoutNanos) {
        try {
            int length = nextWithin(timeoutNanos);
            long deadline = 0; // the clock is read only once a read was torn, off the common path
            while (true) {
                checkRoom(target.length, length);
                MemorySegment.copy(payloads[currentSlot], ValueLayout.JAVA_BYTE, 0, target, 0, length);
                if (!overwrite || unchanged()) {
                    return length;
                }
                if (deadline == 0) {
                    deadline = System.nanoTime() + timeoutNanos;
                }
                length = nextWithin(Math.max(0, deadline - System.nanoTime()));
            }
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    private void checkRoom(long room, int length) {
        if (length > room) {
            next--; // leave the message in the ring for a larger buffer
            throw new IllegalArgumentException("a buffer of " + room + " bytes cannot hold the next message of "
                    + length + " bytes");
        }
    }

    /** Messages skipped because the writer lapped the reader, plus torn ones discarded. */
    public long missed() {
        return missed;
    }

    /** Messages the seqlock caught being overwritten while they were read. */
    public long torn() {
        return torn;
    }

    /** What this reader writes into a slot it has consumed before freeing it (BLOCKING). */
    public SlotRelease slotRelease() {
        return slotRelease;
    }

    /** Where this reader resumes when the writer laps it (OVERWRITE). */
    public LapPolicy lapPolicy() {
        return lapPolicy;
    }

    /** Index of the next message this reader expects. */
    public long position() {
        return next;
    }

    @Override
    String peerRole() {
        return "writer";
    }

    /** A reader that closes has consumed what it read: its successor starts after it, not at it. */
    @Override
    void detach() {
        release();
    }
}
