package io.shmbench.ring;

import io.shmbench.shm.SegmentException;
import io.shmbench.shm.SharedSegment;
import io.shmbench.shm.SuiteName;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-writer/single-reader ring in a shared segment: creates or attaches the segment, writes
 * or validates its header ({@link RingLayout}), and hands out the one writer and the one reader.
 * Either process may create the ring; the other attaches to it by path.
 */
public final class Ring implements AutoCloseable {
    /** Segment kind in the file name: {@code /dev/shm/shmbench-ring-<pid>-<random>}. */
    public static final String SEGMENT_KIND = "ring";

    static {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("the ring layout is little-endian; this platform is not");
        }
    }

    private final SharedSegment segment;
    private final RingConfig config;
    /** Writers and readers opened here; {@link #close} detaches them before it unmaps. */
    private final List<RingCursor> cursors = new ArrayList<>();

    private Ring(SharedSegment segment, RingConfig config) {
        this.segment = segment;
        this.config = config;
    }

    /** Creates a new ring in {@link SharedSegment#DEFAULT_DIR}. */
    public static Ring create(RingConfig config) {
        return create(SharedSegment.DEFAULT_DIR, config);
    }

    public static Ring create(Path dir, RingConfig config) {
        SharedSegment segment = SharedSegment.create(dir, SuiteName.fresh(SEGMENT_KIND), config.segmentSize());
        writeHeader(segment.memory(), config);
        return new Ring(segment, config);
    }

    /** Attaches to an existing ring, validating its header against the file. */
    public static Ring attach(Path path) {
        SharedSegment segment = SharedSegment.attach(path);
        try {
            return new Ring(segment, RingHeaderValidator.validate(segment.memory(), path));
        } catch (RuntimeException e) {
            segment.close();
            throw e;
        }
    }

    private static void writeHeader(MemorySegment m, RingConfig config) {
        m.set(ValueLayout.JAVA_INT, RingLayout.VERSION_OFFSET, RingLayout.LAYOUT_VERSION);
        m.set(ValueLayout.JAVA_INT, RingLayout.HEADER_SIZE_OFFSET, RingLayout.HEADER_SIZE);
        m.set(ValueLayout.JAVA_INT, RingLayout.SLOT_COUNT_OFFSET, config.slotCount());
        m.set(ValueLayout.JAVA_INT, RingLayout.SLOT_SIZE_OFFSET, config.slotSize());
        m.set(ValueLayout.JAVA_BYTE, RingLayout.MODE_OFFSET, (byte) config.mode().ordinal());
        m.set(ValueLayout.JAVA_BYTE, RingLayout.PADDING_OFFSET, (byte) config.padding().ordinal());
        m.set(ValueLayout.JAVA_BYTE, RingLayout.MEMORY_ORDER_OFFSET, (byte) config.memoryOrder().ordinal());
        m.set(ValueLayout.JAVA_BYTE, RingLayout.FLAGS_OFFSET, (byte) config.flags());
        // The magic goes last, with release: a process attaching early sees either no ring or a whole header.
        OrderedAccess.LONG.setRelease(m, RingLayout.MAGIC_OFFSET, RingLayout.MAGIC);
    }

    public RingConfig config() {
        return config;
    }

    public Path path() {
        return segment.path();
    }

    public MemorySegment memory() {
        return segment.memory();
    }

    /** Opens the ring's only writer; fails when a live writer is already attached. */
    public RingWriter openWriter(WaitStrategy waitStrategy) {
        return opened(new RingWriter(this, waitStrategy));
    }

    /** Opens the ring's only reader; fails when a live reader is already attached. */
    public RingReader openReader(WaitStrategy waitStrategy) {
        return opened(new RingReader(this, waitStrategy));
    }

    private synchronized <C extends RingCursor> C opened(C cursor) {
        cursors.add(cursor);
        return cursor;
    }

    /** A cursor that closed itself; forgetting it keeps a ring that reopens cursors from growing. */
    synchronized void closed(RingCursor cursor) {
        cursors.remove(cursor);
    }

    /** The writer's status as seen in the header; {@code staleAfterNanos} without a heartbeat makes it STALE. */
    public PeerStatus writerStatus(long staleAfterNanos) {
        return Liveness.writer(memory()).status(staleAfterNanos);
    }

    public PeerStatus readerStatus(long staleAfterNanos) {
        return Liveness.reader(memory()).status(staleAfterNanos);
    }

    /** Messages published so far. */
    public long writeIndex() {
        return (long) OrderedAccess.LONG.getAcquire(memory(), RingLayout.WRITE_INDEX_OFFSET);
    }

    /** Messages consumed so far (BLOCKING), or the reader's position (OVERWRITE). */
    public long readIndex() {
        return (long) OrderedAccess.LONG.getAcquire(memory(), RingLayout.readIndexOffset(config.padding()));
    }

    /** Removes the segment file; this process's mapping stays usable until {@link #close}. */
    public void unlink() {
        try {
            segment.unlink();
        } catch (SegmentException e) {
            throw new RingException(e.getMessage(), e);
        }
    }

    /**
     * Closes the writer and reader opened from this ring (so the other side sees them ABSENT, not
     * ALIVE until this process ends), then unmaps the segment. Idempotent. Writers and readers
     * opened from it must not be used afterwards.
     */
    @Override
    public void close() {
        try {
            List<RingCursor> open;
            synchronized (this) {
                open = List.copyOf(cursors);
            }
            for (RingCursor cursor : open) {
                cursor.close();
            }
        } finally {
            segment.close();
        }
    }

    @Override
    public String toString() {
        return "Ring[" + path() + ", " + config + "]";
    }
}
