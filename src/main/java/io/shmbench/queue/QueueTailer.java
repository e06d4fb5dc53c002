package io.shmbench.queue;

import io.shmbench.ipc.WaitStrategy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads a queue's data records in order, from record 0 unless moved ({@link #moveToIndex},
 * {@link #toEnd}). Any number of tailers, in any processes, read one queue; each is used by one
 * thread. Records persist, so a tailer started late replays everything.
 *
 * <p>Zero-copy: {@link #poll()} returns the next record's payload length (or -1 when there is none
 * yet) and its payload is at {@link #offset()} in {@link #buffer()}, in place, valid until the next
 * poll (which may unmap the chunk it is in). Copying: {@link #read}. Waiting: {@link #receive} polls
 * the header word with acquire loads, idling by the {@link WaitStrategy}, until a deadline. Metadata
 * records are skipped. Within a chunk nothing here allocates; following END_OF_CHUNK maps the next
 * chunk file.
 *
 * <p>Every record is checked before it is delivered: its header word must describe a record that fits
 * in the chunk and its index word must be the expected record's, else {@link QueueCorruptException}
 * names the chunk file and offset.
 */
public final class QueueTailer extends QueueCursor {
    /** Deadline checks happen once per this many failed polls. */
    private static final int CHECK_EVERY = 64;

    private final WaitStrategy waitStrategy;
    /** Offset of the current record's payload in {@link #memory}, or -1 when there is none. */
    private long current = -1;

    QueueTailer(MappedQueue queue, WaitStrategy waitStrategy) {
        super(queue);
        this.waitStrategy = waitStrategy;
        enter(openChunk(0));
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
