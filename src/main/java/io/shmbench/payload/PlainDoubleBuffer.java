package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * <b>A baseline, not the suite's design</b>: the plain double-buffered snapshot exchange a telemetry
 * design starts from (docs/THEORY.md, section 8), kept so
 * Q7 can measure it beside the seqlocked ring. Two buffers and an index saying which one is
 * current; the writer fills the other buffer and flips the index. There is no sequence lock: a
 * reader that is still reading the current buffer when the writer has flipped twice (so is
 * writing into that very buffer again) reads words of two snapshots and nothing tells it so. Only a
 * check of its own (Q7's reader checks every word of a snapshot against its sequence) can catch that.
 *
 * <pre>
 * offset          size    field
 *      0             8    active: 0 or 1, the buffer the reader should read (release/acquire)
 *     64        stride    buffer 0
 *     64 + stride stride  buffer 1        (stride: the snapshot size rounded up to 64 bytes)
 * </pre>
 */
public final class PlainDoubleBuffer {
    public static final long ACTIVE_OFFSET = 0;
    public static final long BUFFERS_OFFSET = 64;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment memory;
    private final MemorySegment[] buffers;

    /** Views {@code memory} (at least {@link #segmentSize} bytes) as a double buffer of {@code snapshotBytes}-byte snapshots. */
    public PlainDoubleBuffer(MemorySegment memory, int snapshotBytes) {
        if (snapshotBytes <= 0) {
            throw new IllegalArgumentException("snapshots need at least one byte, got " + snapshotBytes);
        }
        if (memory.byteSize() < segmentSize(snapshotBytes)) {
            throw new IllegalArgumentException("a double buffer of " + snapshotBytes + "-byte snapshots needs "
                    + segmentSize(snapshotBytes) + " bytes; the segment has " + memory.byteSize());
        }
        this.memory = memory;
        long stride = stride(snapshotBytes);
        this.buffers = new MemorySegment[] {memory.asSlice(BUFFERS_OFFSET, snapshotBytes),
                memory.asSlice(BUFFERS_OFFSET + stride, snapshotBytes)};
    }

    public static long segmentSize(int snapshotBytes) {
        return BUFFERS_OFFSET + 2 * stride(snapshotBytes);
    }

    private static long stride(int snapshotBytes) {
        return (snapshotBytes + 63L) / 64 * 64;
    }

    /** Writer: the buffer the reader is not pointed at; fill it, then {@link #publish()}. */
    public MemorySegment back() {
        return buffers[1 - active()];
    }

    /** Writer: makes the buffer just filled the current one. */
    public void publish() {
        LONG.setRelease(memory, ACTIVE_OFFSET, (long) (1 - active()));
    }

    /** Reader: the current buffer, read in place; it may be overwritten while it is read. */
    public MemorySegment front() {
        return buffers[active()];
    }

    private int active() {
        return (int) ((long) LONG.getAcquire(memory, ACTIVE_OFFSET) & 1);
    }
}
