package io.shmbench.queue;

/**
 * The queue's files and binary layout, described once. Every other class reads offsets and bits
 * from here.
 *
 * <p>Little-endian, fixed widths, no Java-specific encoding: a C or Python program following this
 * description can read (or, holding the lock, append to) a queue. Header words and index entries are
 * 32-bit and sit at 4-byte-aligned offsets (records start at 8-byte-aligned offsets), so they can be
 * read and written atomically; a mapped chunk starts page-aligned.
 *
 * <pre>
 * Directory &lt;parent&gt;/shmbench-queue-&lt;pid&gt;-&lt;random&gt;/   mode 0700, see io.shmbench.shm.SuiteName
 *   appender.lock        0600. The one appender holds an exclusive POSIX record lock (fcntl F_SETLK,
 *                        whole file) on it while it lives, and writes its pid there as decimal ASCII
 *                        and '\n' (for messages only; the lock is what excludes a second appender).
 *                        The kernel drops the lock when the appender process dies.
 *   0000000000.chunk     0600, chunk 0; then 0000000001.chunk, ... numbered without gaps
 *   NNNNNNNNNN.chunk.tmp a chunk being prepared; it becomes visible by link(2) to its final name only
 *                        once it is full size with a complete header, so a chunk that exists is whole
 *
 * Chunk file (chunk size bytes, a multiple of 4096, at most 1 GiB)
 * offset size field
 *   0     8    magic            "SHMBCHNK" (0x4B4E484342484D53 read as a little-endian u64)
 *   8     4    layout version   {@link #LAYOUT_VERSION}
 *  12     4    data offset D    where the first record starts: 64 + 4 E rounded up to 64
 *  16     4    chunk size       bytes, = the file size; the same for every chunk of a queue
 *  20     4    index stride S   a power of two: one index entry per S data records
 *  24     4    index capacity E ceil(chunk size / (8 S)): enough for the most records a chunk can hold
 *  28     4    reserved         0
 *  32     8    chunk number     = the number in the file name
 *  40     8    first index      number of data records in all earlier chunks (the index of the
 *                               first data record here)
 *  48    16    reserved         0
 *  64    4 E   sparse index     entry j (u32): offset in this chunk of data record first index + j S;
 *                               0 until the appender writes it (with release, before that record's
 *                               header word); entries fill in order
 *   D    ...   records          back to back from D, each at an 8-byte-aligned offset
 *
 * Record at offset p
 *   p     4    header word      bit 31 NOT_COMPLETE, bit 30 METADATA, bits 0-29 length =
 *                               8 + payload bytes (the record without padding, never 0)
 *   p+4   4    index word       data record: the low 32 bits of its record index; metadata: 0
 *   p+8   n    payload          n = length - 8 bytes; the next record starts at p + roundUp8(length)
 *
 * Header word values
 *   0x00000000                  nothing written yet: a reader waits here
 *   NOT_COMPLETE | length       claimed, being written: a reader waits here
 *   length                      a complete data record: published with a release store after its
 *                               payload and index word, read with an acquire load
 *   METADATA | length           a complete metadata record: readers skip it; it takes no index
 *   0xC0000000 END_OF_CHUNK     NOT_COMPLETE | METADATA with length 0: no more records in this chunk,
 *                               continue at offset D of the next chunk. Written only after the next
 *                               chunk file exists. No record ends beyond chunk size - 8, so the marker
 *                               always fits.
 * </pre>
 *
 * <p>Finding record k: the chunk is the last one whose first index is at most k (a binary search
 * over chunk headers, O(log chunks) small file reads); in it, index entry (k - first) / S gives a
 * record at most S - 1 records before k, and at most S - 1 record headers are walked from there.
 * The index costs 4 bytes per S records' worth of room: 1/(2 S) of each chunk (0.8% for S = 64).
 */
public final class QueueLayout {
    public static final String LOCK_FILE = "appender.lock";
    public static final String CHUNK_SUFFIX = ".chunk";
    public static final String TEMP_SUFFIX = ".tmp";

    public static final long MAGIC = 0x4B4E484342484D53L;
    public static final int LAYOUT_VERSION = 1;

    public static final long MAGIC_OFFSET = 0;
    public static final long VERSION_OFFSET = 8;
    public static final long DATA_OFFSET_OFFSET = 12;
    public static final long CHUNK_SIZE_OFFSET = 16;
    public static final long INDEX_STRIDE_OFFSET = 20;
    public static final long INDEX_CAPACITY_OFFSET = 24;
    public static final long CHUNK_NUMBER_OFFSET = 32;
    public static final long FIRST_INDEX_OFFSET = 40;
    /** The fixed part of a chunk header; the sparse index follows it. */
    public static final int CHUNK_HEADER_SIZE = 64;
    public static final long INDEX_OFFSET = CHUNK_HEADER_SIZE;
    public static final int INDEX_ENTRY_SIZE = 4;

    public static final long RECORD_HEADER_WORD_OFFSET = 0;
    public static final long RECORD_INDEX_WORD_OFFSET = 4;
    /** Header word and index word; the payload starts this far into a record. */
    public static final int RECORD_HEADER_SIZE = 8;
    public static final int RECORD_ALIGNMENT = 8;
    /** Room kept at the end of every chunk so an END_OF_CHUNK marker always fits. */
    public static final int END_RESERVE = 8;

    public static final int NOT_COMPLETE = 0x8000_0000;
    public static final int METADATA = 0x4000_0000;
    public static final int LENGTH_MASK = 0x3FFF_FFFF;
    public static final int END_OF_CHUNK = NOT_COMPLETE | METADATA;

    public static final int PAGE_SIZE = 4096;
    public static final int MIN_CHUNK_SIZE = PAGE_SIZE;
    public static final int MAX_CHUNK_SIZE = 1 << 30;
    public static final int MAX_INDEX_STRIDE = 1 << 16;

    private QueueLayout() {
    }

    /** File name of chunk {@code number}, e.g. {@code 0000000007.chunk}. */
    public static String chunkFileName(long number) {
        return String.format("%010d%s", number, CHUNK_SUFFIX);
    }

    public static int indexCapacity(int chunkSize, int indexStride) {
        long perEntry = (long) RECORD_ALIGNMENT * indexStride;
        return (int) ((chunkSize + perEntry - 1) / perEntry);
    }

    public static int dataOffset(int chunkSize, int indexStride) {
        return roundUp(CHUNK_HEADER_SIZE + INDEX_ENTRY_SIZE * indexCapacity(chunkSize, indexStride), 64);
    }

    /** Largest payload one record can carry in a chunk of this geometry. */
    public static int maxPayload(int chunkSize, int indexStride) {
        return chunkSize - dataOffset(chunkSize, indexStride) - RECORD_HEADER_SIZE - END_RESERVE;
    }

    public static long indexEntryOffset(long entry) {
        return INDEX_OFFSET + entry * INDEX_ENTRY_SIZE;
    }

    /** Bytes a record with this header word's length occupies, padding included. */
    public static int recordSize(int length) {
        return roundUp(length, RECORD_ALIGNMENT);
    }

    public static int length(int headerWord) {
        return headerWord & LENGTH_MASK;
    }

    public static boolean isComplete(int headerWord) {
        return headerWord != 0 && (headerWord & NOT_COMPLETE) == 0;
    }

    public static boolean isMetadata(int headerWord) {
        return (headerWord & METADATA) != 0;
    }

    /** The index word of data record {@code index}. */
    public static int indexWord(long index) {
        return (int) index;
    }

    private static int roundUp(int value, int unit) {
        return (value + unit - 1) / unit * unit;
    }
}
