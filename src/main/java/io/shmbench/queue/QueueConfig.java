package io.shmbench.queue;

/**
 * A queue's geometry: the size of every chunk file and the sparse index stride. Chosen when the queue
 * is created and recorded in every chunk header, so opening a queue needs no configuration.
 *
 * @param chunkSize   bytes per chunk file: a multiple of 4096, from 4 KiB to 1 GiB. The largest record
 *                    is a little smaller ({@link #maxPayload()}).
 * @param indexStride data records per sparse index entry, a power of two from 1 to 65536: starting a
 *                    tailer at an index walks at most {@code indexStride - 1} records; the index takes
 *                    {@code chunkSize / (2 * indexStride)} bytes of each chunk.
 */
public record QueueConfig(int chunkSize, int indexStride) {
    /** 16 MiB chunks (records up to ~16 MiB), an index entry per 64 records (128 KiB per chunk). */
    public static final QueueConfig DEFAULT = new QueueConfig(16 << 20, 64);

    public QueueConfig {
        if (chunkSize < QueueLayout.MIN_CHUNK_SIZE || chunkSize > QueueLayout.MAX_CHUNK_SIZE
                || chunkSize % QueueLayout.PAGE_SIZE != 0) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " must be a multiple of "
                    + QueueLayout.PAGE_SIZE + " from " + QueueLayout.MIN_CHUNK_SIZE + " to " + QueueLayout.MAX_CHUNK_SIZE);
        }
        if (indexStride < 1 || indexStride > QueueLayout.MAX_INDEX_STRIDE || Integer.bitCount(indexStride) != 1) {
            throw new IllegalArgumentException("index stride " + indexStride + " must be a power of two from 1 to "
                    + QueueLayout.MAX_INDEX_STRIDE);
        }
    }

    /** Records of the largest size that {@link #forMaxPayload} fits in one chunk. */
    public static final int RECORDS_PER_CHUNK = 64;

    /**
     * A queue for records of up to {@code maxPayload} bytes: the smallest power-of-two chunk, at least
     * 1 MiB, that holds {@link #RECORDS_PER_CHUNK} of them, so rolling over (creating and mapping a
     * file) happens at most once per that many records. 64 KiB records get 8 MiB chunks.
     */
    public static QueueConfig forMaxPayload(int maxPayload) {
        if (maxPayload < 0) {
            throw new IllegalArgumentException("max payload must not be negative: " + maxPayload);
        }
        int stride = DEFAULT.indexStride;
        long wanted = Math.max(1L << 20, (long) RECORDS_PER_CHUNK * (maxPayload + QueueLayout.RECORD_HEADER_SIZE));
        long size = Long.highestOneBit(wanted - 1) << 1;
        while (size <= QueueLayout.MAX_CHUNK_SIZE && QueueLayout.maxPayload((int) size, stride) < maxPayload) {
            size *= 2;
        }
        if (size > QueueLayout.MAX_CHUNK_SIZE) {
            size = QueueLayout.MAX_CHUNK_SIZE;
            if (QueueLayout.maxPayload((int) size, stride) < maxPayload) {
                throw new IllegalArgumentException("a record of " + maxPayload + " bytes exceeds the largest chunk ("
                        + QueueLayout.maxPayload((int) size, stride) + " payload bytes)");
            }
        }
        return new QueueConfig((int) size, stride);
    }

    public int dataOffset() {
        return QueueLayout.dataOffset(chunkSize, indexStride);
    }

    public int indexCapacity() {
        return QueueLayout.indexCapacity(chunkSize, indexStride);
    }

    /** Largest payload of one record. */
    public int maxPayload() {
        return QueueLayout.maxPayload(chunkSize, indexStride);
    }
}
