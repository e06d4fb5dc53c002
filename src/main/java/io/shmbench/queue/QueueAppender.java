package io.shmbench.queue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The queue's only appender (a second live one, in this or another process, is refused). Not
 * thread-safe: one thread appends.
 *
 * <p>Zero-copy: {@link #claim(int)} reserves room for a record of up to {@code maxLength} payload
 * bytes and returns where its payload starts in {@link #buffer()}; the caller writes the payload
 * there and {@link #publish(int)} makes it visible (index word, then the header word with a release
 * store). A claim that does not fit in the rest of the chunk first ends the chunk with END_OF_CHUNK
 * and continues in a new one, so call {@link #buffer()} after {@link #claim}. Copying:
 * {@link #append} does the three steps. Within a chunk nothing here allocates.
 *
 * <p>Rolling over costs the message path one {@code link(2)}: the next chunk is prepared ahead of
 * need on the appender's background thread ({@link ChunkWorker}: created under its temporary name,
 * filled, mapped, its pages populated for writing), as soon as the current one is entered; at the
 * roll the appender writes the first index into it, links it to its final name, ends the current
 * chunk, and leaves unmapping the old chunk and removing the temporary name to that thread.
 *
 * <p>An appender that opens a queue carries on after the last complete record. If the previous
 * appender died in the middle of a record (a NOT_COMPLETE header word), its bytes are never reused:
 * that chunk is ended there and appending continues in a new chunk.
 */
public final class QueueAppender extends QueueCursor {
    /** Longest wait at a roll for a preparation still under way (a slow disk; normally it is long done). */
    static final Duration PREPARE_TIMEOUT = Duration.ofSeconds(30);

    private final AppenderLock lock;
    private final ChunkWorker worker;
    /** The next chunk, being prepared or ready; null only before the first {@link #prepareNext}. */
    private Future<Chunk.Prepared> prepared;
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
        this.worker = new ChunkWorker("shmbench-queue-appender " + queue.directory().getFileName());
        try {
            recover();
            prepareNext();
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
    }

    private void prepareNext() {
        long number = chunk.number + 1;
        prepared = worker.submit(() -> Chunk.prepare(queue.directory(), config, number));
    }

    /**
     * True once the next chunk is prepared (mapped and populated), so the next roll takes no page
     * fault and no file creation; for tests and for callers that want to wait for it.
     */
    boolean nextChunkPrepared() {
        Future<Chunk.Prepared> next = prepared;
        return next != null && next.state() == Future.State.SUCCESS;
    }

    @Override
    void retire(Chunk previous) {
        worker.later(previous::close);
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

    /** Publishes the prepared next chunk, then marks this one ended: a tailer that sees the marker finds its successor whole. */
    private void roll() {
        Chunk.Prepared ready = takePrepared(chunk.number + 1);
        Chunk next = ready.publish(nextIndex);
        worker.later(ready::removeTemporaryName);
        chunk.publishHeaderWord(position, QueueLayout.END_OF_CHUNK);
        enter(next);
        dirtyEnd = 0;
        prepareNext();
    }

    private Chunk.Prepared takePrepared(long number) {
        Future<Chunk.Prepared> next = prepared;
        prepared = null;
        if (next == null) {
            return Chunk.prepare(queue.directory(), config, number);
        }
        try {
            Chunk.Prepared ready = next.get(PREPARE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (ready.number != number) {
                ready.discard();
                return Chunk.prepare(queue.directory(), config, number);
            }
            return ready;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QueueException cause) {
                throw new QueueException(cause.getMessage(), cause);
            }
            throw new QueueException("preparing chunk " + number + " of " + queue.directory() + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            prepared = next; // close() discards it once it is done
            throw new QueueTimeoutException("chunk " + number + " of " + queue.directory() + " was not prepared within "
                    + PREPARE_TIMEOUT.toSeconds() + " s (a slow or full file system?)");
        } catch (InterruptedException e) {
            prepared = next;
            Thread.currentThread().interrupt();
            throw new QueueException("interrupted while waiting for chunk " + number + " of " + queue.directory() + " to be prepared", e);
        }
    }

    /** After the worker stopped: a prepared chunk never published is unmapped and its temporary file removed. */
    private void discardPrepared() {
        Future<Chunk.Prepared> next = prepared;
        prepared = null;
        if (next != null && next.state() == Future.State.SUCCESS) {
            next.resultNow().discard();
        }
    }

    /** Withdraws an unpublished claim, stops the background thread, unmaps and gives the appender lock up. Idempotent. */
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
            try {
                worker.close();
            } finally {
                discardPrepared();
                super.close();
            }
        } finally {
            lock.close();
        }
    }
}
