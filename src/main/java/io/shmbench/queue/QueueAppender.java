package io.shmbench.queue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * The queue's only appender (a second live one, in this or another process, is refused). Not
 * thread-safe: one thread appends.
 *
 * <p>Zero-copy: {@link #claim(int)} reserves room for a record of up to {@code maxLength} payload
 * bytes and returns where its payload starts in {@link #buffer()}; the caller writes the payload
 * there and {@link #publish(int)} makes it visible (index word, then the header word with a release
 * store). A claim that does not fit in the rest of the chunk first ends the chunk with END_OF_CHUNK
 * and continues in a new one, so call {@link #buffer()} after {@link #claim}. Copying:
 * {@link #append} does the three steps. Within a chunk nothing here allocates; rolling over to a
 * new chunk creates and maps a file.
 *
 * <p>An appender that opens a queue carries on after the last complete record. If the previous
 * appender died in the middle of a record (a NOT_COMPLETE header word), its bytes are never reused:
 * that chunk is ended there and appending continues in a new chunk.
 */
public final class QueueAppender extends QueueCursor {
    private final AppenderLock lock;
    private final int maxPayload;
    private final long strideMask;
    /** Offset of the claimed record's header word, or -1 when nothing is claimed. */
    private long claimed = -1;
    private int claimedMaxLength;
    /**
     * Bytes before this offset of the chunk may hold payload written into a claim and never published
     * (a claim larger than what was published, an abandoned claim, a previous appender's). A header
     * word there is cleared before the record in front of it is published, so a reader never takes
     * stale payload bytes for a header word.
     */
    private long dirtyEnd;

    QueueAppender(MappedQueue queue, AppenderLock lock) {
        super(queue);
        this.lock = lock;
        this.maxPayload = config.maxPayload();
        this.strideMask = config.indexStride() - 1L;
        recover();
    }

    private void recover() {
        int header = seek(Long.MAX_VALUE);
        dirtyEnd = config.chunkSize(); // what a previous appender left beyond the end is unknown
        if (chunk.number > 0 && position == chunk.dataOffset) {
            endPreviousChunk();
        }
        if (header != 0) {
            roll(); // a NOT_COMPLETE record of a dead appender: end the chunk there
        }
    }

    /**
     * A chunk is created before its predecessor is ended; an appender that died between the two left
     * the predecessor without END_OF_CHUNK, and tailers would wait there forever.
     */
    private void endPreviousChunk() {
        try (Chunk previous = openChunk(chunk.number - 1)) {
            long end = previous.endOfRecords();
            if (previous.headerWord(end) != QueueLayout.END_OF_CHUNK) {
                previous.publishHeaderWord(end, QueueLayout.END_OF_CHUNK);
            }
        }
    }

    /**
     * Reserves a record for up to {@code maxLength} payload bytes and returns the offset in
     * {@link #buffer()} where its payload starts. Rolls over to a new chunk when the rest of this one
     * is too small.
     *
     * @throws RecordTooLargeException when no chunk can hold {@code maxLength} bytes
     */
    public long claim(int maxLength) {
        if (claimed >= 0) {
            throw new IllegalStateException("the previous claim was not published");
        }
        ensureOpen();
        checkLength(maxLength);
        int length = QueueLayout.RECORD_HEADER_SIZE + maxLength;
        int size = QueueLayout.recordSize(length);
        if (position + size > chunk.recordLimit) {
            roll();
        }
        long at = position;
        chunk.setHeaderWord(at, QueueLayout.NOT_COMPLETE | length);
        claimed = at;
        claimedMaxLength = maxLength;
        dirtyEnd = Math.max(dirtyEnd, at + size);
        return at + QueueLayout.RECORD_HEADER_SIZE;
    }

    /** Publishes the claimed record with {@code length} payload bytes; returns its index. */
    public long publish(int length) {
        long index = nextIndex;
        publish(length, false);
        return index;
    }

    private void publish(int length, boolean metadata) {
        long at = claimed;
        if (at < 0) {
            throw new IllegalStateException("publish without a claim");
        }
        if (length < 0 || length > claimedMaxLength) {
            throw new IllegalArgumentException("cannot publish " + length + " bytes: the claim was for at most "
                    + claimedMaxLength);
        }
        if (metadata) {
            chunk.setIndexWord(at, 0);
        } else {
            long relative = nextIndex - chunk.firstIndex;
            if ((relative & strideMask) == 0) {
                chunk.publishIndexEntry((int) (relative >>> strideShift), at);
            }
            chunk.setIndexWord(at, nextIndex);
        }
        int recordLength = QueueLayout.RECORD_HEADER_SIZE + length;
        long next = at + QueueLayout.recordSize(recordLength);
        if (next < dirtyEnd) {
            chunk.setHeaderWord(next, 0);
        }
        chunk.publishHeaderWord(at, metadata ? QueueLayout.METADATA | recordLength : recordLength);
        position = next;
        claimed = -1;
        if (!metadata) {
            nextIndex++;
        }
    }

    /** The current chunk's mapping, where {@link #claim} put the payload. Changes when a claim rolls over. */
    public MemorySegment buffer() {
        return memory;
    }

    /** Copies {@code length} bytes of {@code source} from {@code offset} into a new record; returns its index. */
    public long append(MemorySegment source, long offset, int length) {
        long at = claim(length);
        MemorySegment.copy(source, offset, memory, at, length);
        return publish(length);
    }

    public long append(byte[] source, int offset, int length) {
        long at = claim(length);
        MemorySegment.copy(source, offset, memory, ValueLayout.JAVA_BYTE, at, length);
        return publish(length);
    }

    /** Appends a metadata record: tailers skip it and it takes no index. */
    public void appendMetadata(byte[] source, int offset, int length) {
        long at = claim(length);
        MemorySegment.copy(source, offset, memory, ValueLayout.JAVA_BYTE, at, length);
        publish(length, true);
    }

    /** Index the next data record gets (= data records in the queue). */
    public long nextIndex() {
        return nextIndex;
    }

    /** Largest payload of one record. */
    public int maxPayload() {
        return maxPayload;
    }

    /** Chunk file being appended to. */
    public Path chunkFile() {
        return chunk.path;
    }

    private void checkLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("record length must not be negative: " + length);
        }
        if (length > maxPayload) {
            throw new RecordTooLargeException(length, config);
        }
    }

    /** Creates the next chunk, then marks this one ended: a tailer that sees the marker finds its successor whole. */
    private void roll() {
        Chunk next = Chunk.create(queue.directory(), config, chunk.number + 1, nextIndex);
        chunk.publishHeaderWord(position, QueueLayout.END_OF_CHUNK);
        enter(next);
        dirtyEnd = 0;
    }

    /** Withdraws an unpublished claim, unmaps and gives the appender lock up. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (claimed >= 0) {
                chunk.publishHeaderWord(claimed, 0);
                claimed = -1;
            }
            super.close();
        } finally {
            lock.close();
        }
    }
}
