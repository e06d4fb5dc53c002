package io.shmbench.queue;

import java.lang.foreign.MemorySegment;

/**
 * What the appender and the tailer share: a position (chunk, offset, next record index) and how to
 * move it: into the next chunk after END_OF_CHUNK, and to any record index through the chunk headers
 * and the sparse index ({@link #seek}).
 */
abstract sealed class QueueCursor implements AutoCloseable permits QueueAppender, QueueTailer {
    final MappedQueue queue;
    final QueueConfig config;
    final int strideShift;
    Chunk chunk;
    /** The mapping of {@link #chunk}, kept in a field so the hot path reads one field. */
    MemorySegment memory;
    /** Offset in the chunk of the next header word to look at. */
    long position;
    /** Index the next data record gets (appender) or has (tailer). */
    long nextIndex;
    boolean closed;

    QueueCursor(MappedQueue queue) {
        this.queue = queue;
        this.config = queue.config();
        this.strideShift = Integer.numberOfTrailingZeros(config.indexStride());
    }

    /** Moves to the start of {@code next} and unmaps the chunk left behind. */
    final void enter(Chunk next) {
        Chunk previous = chunk;
        chunk = next;
        memory = next.memory;
        position = next.dataOffset;
        nextIndex = next.firstIndex;
        if (previous != null) {
            retire(previous);
        }
        entered();
    }

    /** Unmaps a chunk this cursor has left. */
    void retire(Chunk previous) {
        previous.close();
    }

    /** Called after every move into a chunk. */
    void entered() {
    }

    /** Maps chunk {@code number}, which follows the current one. */
    Chunk openFollowing(long number) {
        return openChunk(number);
    }

    final Chunk openChunk(long number) {
        return Chunk.open(queue.directory(), config, number);
    }

    /** Follows an END_OF_CHUNK marker: the next chunk must exist and continue the numbering of records. */
    final void enterNextChunk() {
        long number = chunk.number + 1;
        Chunk next;
        try {
            next = openFollowing(number);
        } catch (QueueCorruptException e) {
            throw e;
        } catch (QueueException e) {
            throw new QueueCorruptException("chunk file " + chunk.path + " ends with END_OF_CHUNK at offset " + position
                    + ", but its successor cannot be opened: " + e.getMessage());
        }
        if (next.firstIndex != nextIndex) {
            next.close();
            throw ChunkHeader.corrupt(next.path, "its first record index is " + next.firstIndex + ", but chunk "
                    + chunk.number + " ends after record " + (nextIndex - 1));
        }
        enter(next);
    }

    /**
     * Positions at record {@code index}, or at the end of what is written when the queue holds fewer
     * records ({@code Long.MAX_VALUE} = the end). Returns the header word found there. Costs
     * O(log chunks) header reads plus at most {@code indexStride - 1} records walked.
     */
    final int seek(long index) {
        enter(openChunk(queue.chunks().locate(index)));
        int entry = chunk.lastIndexEntryAtMost((index - chunk.firstIndex) >>> strideShift);
        if (entry >= 0) {
            position = chunk.indexEntry(entry);
            nextIndex = chunk.firstIndex + ((long) entry << strideShift);
        }
        return walk(index);
    }

    /** Walks forward over complete records (checking each) until record {@code stop} or the end. */
    private int walk(long stop) {
        while (true) {
            int header = chunk.headerWord(position);
            if (nextIndex == stop) {
                return header;
            }
            if (header == QueueLayout.END_OF_CHUNK) {
                enterNextChunk();
            } else if (QueueLayout.isComplete(header)) {
                int size = chunk.checkedRecordSize(header, position);
                if (!QueueLayout.isMetadata(header)) {
                    chunk.checkIndexWord(position, nextIndex);
                    nextIndex++;
                }
                position += size;
            } else {
                if (header != 0) {
                    chunk.checkedRecordSize(header, position);
                }
                return header;
            }
        }
    }

    final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this " + getClass().getSimpleName() + " of " + queue.directory() + " is closed");
        }
    }

    /** Unmaps this cursor's chunk. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (chunk != null) {
                chunk.close();
            }
            queue.forget(this);
        }
    }
}
