package io.shmbench.ring;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.shm.SegmentException;
import io.shmbench.shm.SegmentName;
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
 *
 * <p><b>The segment file cut under a live ring</b> ({@code truncate} run on it, or the file opened
 * with {@code O_TRUNC}): the pages beyond the new end are gone and raise SIGBUS when touched (what
 * the JVM does then is written up in {@link SharedSegment}). Ring calls report it as a
 * {@link RingTruncatedException} naming the file and its new size, not as a JVM crash or a hang:
 * every call that touches the ring catches the JVM's {@link InternalError} (a try/catch costs
 * nothing until something is thrown), the waits look at the file's size every 10 ms (a cut that
 * spares the watched slot raises no fault at all), and closing skips the lost header. Two limits are the JVM's: compiled code raises
 * the error only at the thread's next safepoint poll, so the call that hit the lost page may return
 * first and the error surface in the caller's next loop iteration, where {@link #explainFault}
 * turns it into the same exception (the fault tests saw this for about a quarter of streaming
 * writers and no reader); and reading or writing a payload view in place is the caller's own code,
 * where an intrinsic the JVM does not guard (CRC32C's, for one) crashes the JVM on a lost page.
 * Callers that fear truncation copy through {@link RingReader#read} and {@link RingWriter#write}.
 *
 * <p>An unlinked file is no error: the mapping outlives the name, both sides go on, and the
 * status calls keep working; only attaching by the path fails.
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
        return created(SharedSegment.create(dir, SuiteName.fresh(SEGMENT_KIND), config.segmentSize()), config);
    }

    /**
     * Creates a ring under a name the caller chooses ({@link SegmentName}: {@code /dev/shm/<name>}),
     * for programs outside this JVM (the C and Python peers, docs/ring-layout.md) to attach by
     * name. Exclusive and owner-only like every segment; the name stays until {@link #unlink}.
     *
     * @throws IllegalArgumentException when {@code name} is no valid segment name (the message says why)
     */
    public static Ring createNamed(String name, RingConfig config) {
        return createNamed(SharedSegment.DEFAULT_DIR, name, config);
    }

    public static Ring createNamed(Path dir, String name, RingConfig config) {
        return created(SharedSegment.create(dir, new SegmentName(name), config.segmentSize()), config);
    }

    private static Ring created(SharedSegment segment, RingConfig config) {
        try {
            writeHeader(segment.memory(), config);
            return new Ring(segment, config);
        } catch (RuntimeException e) {
            segment.close();
            segment.unlink();
            throw e;
        }
    }

    /**
     * Attaches to the ring named {@code name} in {@link SharedSegment#DEFAULT_DIR}, validating it
     * as {@link #attach} does.
     *
     * @throws IllegalArgumentException when {@code name} is no valid segment name
     */
    public static Ring attachNamed(String name) {
        return attach(new SegmentName(name).in(SharedSegment.DEFAULT_DIR));
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
        checkNotTruncated();
        try {
            return opened(new RingWriter(this, waitStrategy));
        } catch (InternalError e) {
            throw explainFault(e);
        }
    }

    /**
     * Opens the ring's only reader, which resumes at {@link LapPolicy#DEFAULT} when lapped; fails
     * when a live reader is already attached.
     */
    public RingReader openReader(WaitStrategy waitStrategy) {
        return openReader(waitStrategy, LapPolicy.DEFAULT);
    }

    /**
     * Opens the ring's only reader, which resumes as {@code lapPolicy} says when the writer laps it
     * and releases slots as {@link SlotRelease#defaultFor} this ring's mode.
     */
    public RingReader openReader(WaitStrategy waitStrategy, LapPolicy lapPolicy) {
        return openReader(waitStrategy, lapPolicy, SlotRelease.defaultFor(config.mode()));
    }

    /**
     * Opens the ring's only reader, which writes each slot it has consumed as {@code slotRelease}
     * says before freeing it, and resumes as {@code lapPolicy} says when the writer laps it.
     *
     * @throws IllegalArgumentException when {@code slotRelease} writes and the ring is OVERWRITE
     */
    public RingReader openReader(WaitStrategy waitStrategy, LapPolicy lapPolicy, SlotRelease slotRelease) {
        if (java.util.Objects.requireNonNull(slotRelease, "slotRelease").writes() && config.mode() == RingMode.OVERWRITE) {
            throw new IllegalArgumentException("slot release " + slotRelease + " writes a slot after reading it, which an OVERWRITE"
                    + " ring does not allow: its writer may be writing that slot at the same time, and the reader's store would"
                    + " corrupt the new message; use " + SlotRelease.KEEP + " (" + path() + ")");
        }
        checkNotTruncated();
        try {
            return opened(new RingReader(this, waitStrategy, lapPolicy, slotRelease));
        } catch (InternalError e) {
            throw explainFault(e);
        }
    }

    private synchronized <C extends RingCursor> C opened(C cursor) {
        cursors.add(cursor);
        return cursor;
    }

    /** A cursor that closed itself; forgetting it keeps a ring that reopens cursors from growing. */
    synchronized void closed(RingCursor cursor) {
        cursors.remove(cursor);
    }

    /**
     * The writer's status as seen in the header; {@code staleAfterNanos} without a heartbeat makes it
     * STALE. Works on an unlinked ring too (the mapping outlives the name).
     */
    public PeerStatus writerStatus(long staleAfterNanos) {
        checkNotTruncated();
        try {
            return Liveness.writer(memory()).status(staleAfterNanos);
        } catch (InternalError e) {
            throw explainFault(e);
        }
    }

    public PeerStatus readerStatus(long staleAfterNanos) {
        checkNotTruncated();
        try {
            return Liveness.reader(memory()).status(staleAfterNanos);
        } catch (InternalError e) {
            throw explainFault(e);
        }
    }

    /** Messages published so far. */
    public long writeIndex() {
        try {
            return (long) OrderedAccess.LONG.getAcquire(memory(), RingLayout.WRITE_INDEX_OFFSET);
        } catch (InternalError e) {
            throw explainFault(e);
        }
    }

    /** Messages consumed so far (BLOCKING), or the reader's position (OVERWRITE). */
    public long readIndex() {
        try {
            return (long) OrderedAccess.LONG.getAcquire(memory(), RingLayout.readIndexOffset(config.padding()));
        } catch (InternalError e) {
            throw explainFault(e);
        }
    }

    /**
     * Throws {@link RingTruncatedException} when the segment file has shrunk below the ring since it
     * was mapped. One {@code stat} of the path: the waits call it every few milliseconds, so a side
     * waiting on a truncated ring fails instead of waiting out its timeout. An unlinked file is not
     * truncated (see {@link SharedSegment}).
     */
    public void checkNotTruncated() {
        long size = segment.truncatedSize();
        if (size >= 0) {
            throw truncated(size, null);
        }
    }

    /** Whether the segment file still covers the whole ring (one {@code stat}). */
    boolean intact() {
        return segment.truncatedSize() < 0;
    }

    /**
     * What an {@link InternalError} raised by an access to this ring's memory means: the JVM reports
     * a SIGBUS that way, which a truncated file causes. Ring calls pass the errors raised inside them
     * here; a caller passes one it caught outside them (see the class comment). Returns the
     * {@link RingTruncatedException} to throw instead when the file was truncated; rethrows
     * anything else unchanged.
     */
    public RingTruncatedException explainFault(InternalError e) {
        long size = segment.truncatedSize();
        if (size < 0) {
            throw e;
        }
        return truncated(size, e);
    }

    private RingTruncatedException truncated(long size, InternalError cause) {
        return new RingTruncatedException("segment " + path() + " was truncated to " + size
                + " bytes under this process (the ring needs " + segment.size() + "); its lost pages cannot be"
                + " read or written, the ring is unusable", cause);
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
     * opened from it must not be used afterwards. On a truncated segment it only unmaps: the header
     * is gone, and touching it would fault.
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
