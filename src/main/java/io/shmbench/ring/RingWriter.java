package io.shmbench.ring;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.ipc.WaitStrategy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The ring's only writer.
 *
 * <p>Zero-copy: {@link #tryClaim()} or {@link #claim(long)} returns the next slot's payload view,
 * the caller writes up to {@link #maxPayload()} bytes into it, and {@link #commit(int)} publishes
 * them. Copying: {@link #offer} and {@link #write} do the three steps for a byte array or segment.
 *
 * <p>BLOCKING: a claim fails (or waits) while the reader is {@code slotCount} messages behind.
 * OVERWRITE: a claim never fails; it first marks the slot odd (seqlock: write in progress), so a
 * reader that races with it can tell the slot was torn.
 *
 * <p>A truncated segment file: see {@link Ring#checkNotTruncated()} and {@link Ring#explainFault}.
 */
public final class RingWriter extends RingCursor {
    private final boolean overwrite;
    private long next;
    private long cachedReadIndex;
    private long claimedOffset = -1;

    RingWriter(Ring ring, WaitStrategy waitStrategy) {
        super(ring, waitStrategy, Liveness.writer(ring.memory()), Liveness.reader(ring.memory()), true);
        this.overwrite = ring.config().mode() == RingMode.OVERWRITE;
        // A writer that replaces a dead one carries on where it stopped, publishing what it committed.
        this.next = resumeIndex(memory, slotCount, slotSize);
        if (next != ring.writeIndex()) {
            access.store(memory, RingLayout.WRITE_INDEX_OFFSET, next);
        }
        this.cachedReadIndex = ring.readIndex();
    }

    /**
     * The index the next writer continues at: the published write index W, or W + 1 when slot W
     * holds message W committed. That happens when a writer died between its two commit stores
     * (sequence word, then write index); a reader that watches sequence words may have delivered
     * message W already, so writing message W again would hand the reader's next slot a message it
     * has passed, and lose it.
     */
    static long resumeIndex(MemorySegment memory, int slotCount, int slotSize) {
        long published = (long) OrderedAccess.LONG.getAcquire(memory, RingLayout.WRITE_INDEX_OFFSET);
        long slot = RingLayout.slotOffset((int) Long.remainderUnsigned(published, slotCount), slotSize);
        long sequence = (long) OrderedAccess.LONG.getAcquire(memory, slot + RingLayout.SLOT_SEQUENCE_OFFSET);
        return sequence == RingLayout.committed(published) ? published + 1 : published;
    }

    /** The next slot's payload view, or {@code null} when a BLOCKING ring is full. */
    public MemorySegment tryClaim() {
        try {
            return claimNext();
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    private MemorySegment claimNext() {
        if (claimedOffset >= 0) {
            throw new IllegalStateException("the previous claim was not committed");
        }
        if (!overwrite && !hasSpace()) {
            return null;
        }
        int slot = slotOf(next);
        long offset = RingLayout.slotOffset(slot, slotSize);
        if (overwrite) {
            access.storeThenFence(memory, offset, RingLayout.writing(next));
        }
        claimedOffset = offset;
        return payloads[slot];
    }

    /** Like {@link #tryClaim()}, waiting up to {@code timeoutNanos} for the reader to make room. */
    public MemorySegment claim(long timeoutNanos) {
        try {
            return claimWithin(timeoutNanos);
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    private MemorySegment claimWithin(long timeoutNanos) {
        MemorySegment view = claimNext();
        if (view != null) {
            return view;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        for (int i = 0; ; i++) {
            waitStrategy.idle(i);
            view = claimNext();
            if (view != null) {
                return view;
            }
            if (i % CHECK_EVERY == CHECK_EVERY - 1) {
                checkWhileWaiting(deadline, "for a free slot");
            }
        }
    }

    /** Publishes the claimed slot with {@code length} payload bytes. */
    public void commit(int length) {
        checkLength(length);
        try {
            publish(length);
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    /** Publishes the claimed slot; every caller has checked {@code length} already. */
    private void publish(int length) {
        long offset = claimedOffset;
        if (offset < 0) {
            throw new IllegalStateException("commit without a claim");
        }
        InjectedSlowdown.apply(memory, offset);
        memory.set(ValueLayout.JAVA_INT, offset + RingLayout.SLOT_LENGTH_OFFSET, length);
        access.store(memory, offset + RingLayout.SLOT_SEQUENCE_OFFSET, RingLayout.committed(next));
        long published = ++next;
        access.store(memory, RingLayout.WRITE_INDEX_OFFSET, published);
        claimedOffset = -1;
        if ((published & (HEARTBEAT_EVERY - 1)) == 0) {
            self.heartbeat();
        }
    }

    /** Copies and publishes {@code length} bytes of {@code source}; false when a BLOCKING ring is full. */
    public boolean offer(MemorySegment source, long offset, int length) {
        checkLength(length);
        try {
            MemorySegment view = claimNext();
            if (view == null) {
                return false;
            }
            copyIn(source, offset, view, length);
            publish(length);
            return true;
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    public boolean offer(byte[] source, int offset, int length) {
        checkLength(length);
        try {
            MemorySegment view = claimNext();
            if (view == null) {
                return false;
            }
            copyIn(source, offset, view, length);
            publish(length);
            return true;
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    /** Copies and publishes, waiting up to {@code timeoutNanos} for room. */
    public void write(MemorySegment source, long offset, int length, long timeoutNanos) {
        checkLength(length);
        try {
            MemorySegment view = claimWithin(timeoutNanos);
            copyIn(source, offset, view, length);
            publish(length);
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    public void write(byte[] source, int offset, int length, long timeoutNanos) {
        checkLength(length);
        try {
            MemorySegment view = claimWithin(timeoutNanos);
            copyIn(source, offset, view, length);
            publish(length);
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    /**
     * Copies a message into the claimed slot, the bytes beyond the line of the slot's header
     * first and that line last, so the line the reader spins on (sequence word, length and the
     * first payload bytes) is written in one go just before the commit stores into it: written
     * first, the reader's next spin would take it away and the commit would have to fetch it
     * back, one more line transfer per message (docs/THEORY.md, section 6).
     */
    private void copyIn(MemorySegment source, long offset, MemorySegment view, int length) {
        int head = headerLineBytes();
        if (length > head) {
            MemorySegment.copy(source, offset + head, view, head, length - head);
            MemorySegment.copy(source, offset, view, 0, head);
        } else {
            MemorySegment.copy(source, offset, view, 0, length);
        }
    }

    private void copyIn(byte[] source, int offset, MemorySegment view, int length) {
        int head = headerLineBytes();
        if (length > head) {
            MemorySegment.copy(source, offset + head, view, ValueLayout.JAVA_BYTE, head, length - head);
            MemorySegment.copy(source, offset, view, ValueLayout.JAVA_BYTE, 0, head);
        } else {
            MemorySegment.copy(source, offset, view, ValueLayout.JAVA_BYTE, 0, length);
        }
    }

    /** Payload bytes of the claimed slot that share the line its payload starts in (48 in an aligned slot). */
    private int headerLineBytes() {
        return RingLayout.CACHE_LINE - (int) ((claimedOffset + RingLayout.SLOT_HEADER_SIZE) & (RingLayout.CACHE_LINE - 1));
    }

    /** Index of the next message this writer publishes (= messages published so far). */
    public long position() {
        return next;
    }

    private boolean hasSpace() {
        if (cacheRemoteIndex && next - cachedReadIndex < slotCount) {
            return true;
        }
        cachedReadIndex = access.load(memory, readIndexOffset);
        return next - cachedReadIndex < slotCount;
    }

    private void checkLength(int length) {
        if (length < 0 || length > maxPayload) {
            throw new MessageTooLargeException("message of " + length + " bytes does not fit in a slot of this ring (at most "
                    + maxPayload + " bytes); create the ring with a larger maxPayload");
        }
    }

    @Override
    String peerRole() {
        return "reader";
    }
}
