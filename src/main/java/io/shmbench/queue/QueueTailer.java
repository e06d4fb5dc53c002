package io.shmbench.queue;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.shm.SegmentException;
import io.shmbench.shm.SharedSegment;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a queue's data records in order, from record 0 unless moved ({@link #moveToIndex},
 * {@link #toEnd}). Any number of tailers, in any processes, read one queue; each is used by one
 * thread. Records persist, so a tailer started late replays everything.
 *
 * <p>Zero-copy: {@link #poll()} returns the next record's payload length (or -1 when there is none
 * yet) and its payload is at {@link #offset()} in {@link #buffer()}, in place, valid until the next
 * poll (which may unmap the chunk it is in). Copying: {@link #read}. Waiting: {@link #receive} polls
 * the header word with acquire loads, idling by the {@link WaitStrategy}, until a deadline. Metadata
 * records are skipped. Within a chunk nothing here allocates.
 *
 * <p>Following END_OF_CHUNK costs the message path one {@code stat(2)}: as soon as the tailer enters
 * a chunk, its background thread ({@link ChunkWorker}) waits for the next one (its temporary file,
 * once the appender has filled it and written its header, or its final name), maps it and
 * populates its page tables for reading; at the marker the tailer checks that the chunk's final
 * name leads to the file it mapped and moves in. The chunk left behind is unmapped on that thread.
 * When the mapping ahead is not ready (or was of a file the appender then replaced), the tailer opens
 * the chunk itself.
 *
 * <p>Every record is checked before it is delivered: its header word must describe a record that fits
 * in the chunk and its index word must be the expected record's, else {@link QueueCorruptException}
 * names the chunk file and offset.
 */
public final class QueueTailer extends QueueCursor {
    /** Deadline checks happen once per this many failed polls. */
    private static final int CHECK_EVERY = 64;

    /** Longest the background thread waits for the next chunk to appear before it leaves it to the tailer. */
    static final Duration MAP_AHEAD_PATIENCE = Duration.ofMinutes(1);
    /** Pauses between looks for the next chunk: from 50 us, doubling, up to 10 ms. */
    private static final long FIRST_PAUSE_NANOS = 50_000;
    private static final long LONGEST_PAUSE_NANOS = 10_000_000;

    private final WaitStrategy waitStrategy;
    private final ChunkWorker worker;
    /** The chunk mapped ahead by the worker, handed over here; a stale one (another number) is unmapped when found. */
    private final AtomicReference<MappedAhead> ahead = new AtomicReference<>();
    /** The number the worker is looking for now; it stops when this changes. */
    private volatile long wanted = -1;
    private Future<?> looking;
    /** Offset of the current record's payload in {@link #memory}, or -1 when there is none. */
    private long current = -1;

    private record MappedAhead(long number, SharedSegment segment) {
    }

    QueueTailer(MappedQueue queue, WaitStrategy waitStrategy) {
        super(queue);
        this.waitStrategy = waitStrategy;
        this.worker = new ChunkWorker("shmbench-queue-tailer " + queue.directory().getFileName());
        try {
            enter(openChunk(0));
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
    }

    @Override
    void retire(Chunk previous) {
        worker.later(previous::close);
    }

    /** Starts mapping the chunk after the one just entered. */
    @Override
    void entered() {
        long number = chunk.number + 1;
        if (number == wanted) {
            return;
        }
        wanted = number;
        if (looking != null) {
            looking.cancel(true);
        }
        unmap(ahead.getAndSet(null));
        looking = worker.submit(() -> mapAhead(number));
    }

    /** On the worker: waits (with back-off, at most {@link #MAP_AHEAD_PATIENCE}) for chunk {@code number}, maps and populates it. */
    private Void mapAhead(long number) throws InterruptedException {
        long deadline = System.nanoTime() + MAP_AHEAD_PATIENCE.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (wanted == number && System.nanoTime() - deadline < 0) {
            Optional<SharedSegment> segment = mapByEitherName(number);
            if (segment.isPresent()) {
                unmap(ahead.getAndSet(new MappedAhead(number, segment.get())));
                return null;
            }
            Thread.sleep(Duration.ofNanos(pause));
            pause = Math.min(2 * pause, LONGEST_PAUSE_NANOS);
        }
        return null;
    }

    private Optional<SharedSegment> mapByEitherName(long number) {
        Path path = Chunk.path(queue.directory(), number);
        if (queue.chunks().exists(number)) {
            try {
                SharedSegment segment = SharedSegment.attach(path);
                try {
                    PagePopulation.forRead(segment.memory());
                } catch (RuntimeException e) {
                    segment.close();
                    throw e;
                }
                return Optional.of(segment);
            } catch (SegmentException e) {
                return Optional.empty(); // the tailer will open it itself and say what is wrong
            }
        }
        return Chunk.mapAhead(queue.directory(), config, number);
    }

    private static void unmap(MappedAhead stale) {
        if (stale != null) {
            stale.segment().close();
        }
    }

    /** The chunk mapped ahead, when it is {@code number} and its final name leads to it; else opened here. */
    @Override
    Chunk openFollowing(long number) {
        MappedAhead mapped = ahead.getAndSet(null);
        if (mapped != null) {
            if (mapped.number() == number) {
                Chunk adopted = Chunk.adopt(queue.directory(), config, number, mapped.segment());
                if (adopted != null) {
                    return adopted;
                }
            } else {
                unmap(mapped);
            }
        }
        return openChunk(number);
    }

    /** True once the chunk after the current one is mapped and populated; for tests. */
    boolean nextChunkMapped() {
        MappedAhead mapped = ahead.get();
        return mapped != null && mapped.number() == chunk.number + 1;
    }

    /**
     * Moves to the next data record without waiting: returns its payload length and makes
     * {@link #offset()} point at it, or returns -1 when the appender has not published it yet.
     */
    public int poll() {
        while (true) {
            long at = position;
            int header = chunk.headerWord(at);
            if (QueueLayout.isComplete(header)) {
                int size = chunk.checkedRecordSize(header, at);
                if (!QueueLayout.isMetadata(header)) {
                    chunk.checkIndexWord(at, nextIndex);
                    position = at + size;
                    nextIndex++;
                    current = at + QueueLayout.RECORD_HEADER_SIZE;
                    return QueueLayout.length(header) - QueueLayout.RECORD_HEADER_SIZE;
                }
                position = at + size; // a corrupt record above stays where it is: every later poll reports it
            } else if (header == QueueLayout.END_OF_CHUNK) {
                current = -1;
                enterNextChunk();
            } else {
                if (header != 0) {
                    chunk.checkedRecordSize(header, at); // even a record being written must fit
                }
                return -1;
            }
        }
    }

    /** Like {@link #poll()}, waiting up to {@code timeoutNanos} for the record. */
    public int receive(long timeoutNanos) {
        int length = poll();
        if (length >= 0) {
            return length;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        for (int i = 0; ; i++) {
            waitStrategy.idle(i);
            length = poll();
            if (length >= 0) {
                return length;
            }
            if (i % CHECK_EVERY == CHECK_EVERY - 1) {
                ensureOpen();
                if (System.nanoTime() - deadline > 0) {
                    throw timeout(timeoutNanos);
                }
            }
        }
    }

    /** The mapping of the chunk the current record is in. */
    public MemorySegment buffer() {
        return memory;
    }

    /** Where the current record's payload starts in {@link #buffer()}. */
    public long offset() {
        if (current < 0) {
            throw new IllegalStateException("no current record: poll first");
        }
        return current;
    }

    /** Index of the current record (the one the last successful poll returned). */
    public long index() {
        if (current < 0) {
            throw new IllegalStateException("no current record: poll first");
        }
        return nextIndex - 1;
    }

    /** Index of the record the next poll returns. */
    public long nextIndex() {
        return nextIndex;
    }

    /**
     * Copies the next record into {@code target} at {@code offset}, waiting up to {@code timeoutNanos};
     * returns its length. A record larger than the room left is not consumed.
     */
    public int read(MemorySegment target, long offset, long timeoutNanos) {
        int length = receive(timeoutNanos);
        checkRoom(target.byteSize() - offset, length);
        MemorySegment.copy(memory, current, target, offset, length);
        return length;
    }

    public int read(byte[] target, int offset, long timeoutNanos) {
        int length = receive(timeoutNanos);
        checkRoom(target.length - (long) offset, length);
        MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, current, target, offset, length);
        return length;
    }

    private void checkRoom(long room, int length) {
        if (length > room) {
            // Step back over the record: it is in this chunk, so the position stays valid.
            position = current - QueueLayout.RECORD_HEADER_SIZE;
            nextIndex--;
            current = -1;
            throw new IllegalArgumentException("a buffer with " + room + " bytes of room cannot hold record " + nextIndex
                    + " of " + length + " bytes");
        }
    }

    /**
     * Makes record {@code index} the next one polled: O(log chunks) chunk header reads plus at most
     * {@code indexStride - 1} record headers walked.
     *
     * @throws IllegalArgumentException when the queue does not hold that record yet (the tailer then
     *                                  stays where it was)
     */
    public void moveToIndex(long index) {
        ensureOpen();
        if (index < 0) {
            throw new IllegalArgumentException("record index must not be negative: " + index);
        }
        long before = nextIndex;
        current = -1;
        seek(index);
        if (nextIndex != index) {
            long records = nextIndex;
            seek(before);
            throw new IllegalArgumentException("queue " + queue.directory() + " holds " + records + " records; record "
                    + index + " does not exist yet");
        }
    }

    /** Makes the next record to be appended the next one polled: reads only what arrives from now on. */
    public void toEnd() {
        ensureOpen();
        current = -1;
        seek(Long.MAX_VALUE);
    }

    /** Stops the background thread, then unmaps everything. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        wanted = -1;
        try {
            worker.close();
        } finally {
            unmap(ahead.getAndSet(null));
            super.close();
        }
    }

    /** Chunk file the tailer reads now. */
    public Path chunkFile() {
        return chunk.path;
    }

    private QueueTimeoutException timeout(long timeoutNanos) {
        int header = chunk.headerWord(position);
        OptionalLong pid = queue.appenderPid();
        String appender = pid.isEmpty() ? "no appender is open"
                : "appender pid " + pid.getAsLong() + (ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive)
                .orElse(false) ? " is alive" : " is gone");
        return new QueueTimeoutException(String.format("no record %d in queue %s within %d ms (waiting at chunk file %s, "
                        + "offset %d, header word 0x%08X%s; %s)", nextIndex, queue.directory(), timeoutNanos / 1_000_000,
                chunk.path, position, header, (header & QueueLayout.NOT_COMPLETE) != 0 ? " = NOT_COMPLETE" : "", appender));
    }
}
