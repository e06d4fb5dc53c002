package io.shmbench.queue;

import io.shmbench.shm.SegmentException;
import io.shmbench.shm.SharedSegment;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * One chunk file mapped into this process ({@link SharedSegment}, so {@code FileChannel.map} into a
 * shared arena, unmapped by {@link #close}), with the header fields the cursors need resolved into
 * final fields and the record checks that turn a bad header word into a {@link QueueCorruptException}
 * naming this file and the offset.
 */
final class Chunk implements AutoCloseable {
    /** Header words and index entries: 32-bit, 4-byte-aligned, accessed with acquire/release. */
    private static final VarHandle WORD = ValueLayout.JAVA_INT.varHandle();

    final Path path;
    final MemorySegment memory;
    final long number;
    final long firstIndex;
    final int dataOffset;
    /** No record may end beyond this offset: the END_OF_CHUNK marker needs the rest. */
    final int recordLimit;
    final int indexCapacity;
    private final SharedSegment segment;

    private Chunk(SharedSegment segment, ChunkHeader header) {
        this.segment = segment;
        this.path = segment.path();
        this.memory = segment.memory();
        this.number = header.number();
        this.firstIndex = header.firstIndex();
        this.dataOffset = header.config().dataOffset();
        this.recordLimit = header.config().chunkSize() - QueueLayout.END_RESERVE;
        this.indexCapacity = header.config().indexCapacity();
    }

    static Path path(Path dir, long number) {
        return dir.resolve(QueueLayout.chunkFileName(number));
    }

    /** Maps chunk {@code number} of the queue in {@code dir} after checking its size and header. */
    static Chunk open(Path dir, QueueConfig config, long number) {
        Path path = path(dir, number);
        long size;
        try {
            size = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
        } catch (NoSuchFileException e) {
            throw new QueueException("chunk file " + path + " does not exist", e);
        } catch (IOException e) {
            throw new QueueException("cannot read chunk file " + path + ": " + e.getMessage(), e);
        }
        if (size < config.chunkSize()) {
            throw ChunkHeader.corrupt(path, "truncated: the file is " + size + " bytes, chunks of this queue are "
                    + config.chunkSize());
        }
        SharedSegment segment;
        try {
            segment = SharedSegment.attach(path);
        } catch (SegmentException e) {
            throw new QueueException("cannot map chunk file " + path + ": " + e.getMessage(), e);
        }
        try {
            ChunkHeader header = ChunkHeader.decode(segment.memory(), path, segment.size(), number).requireConfig(config, path);
            return new Chunk(segment, header);
        } catch (RuntimeException e) {
            segment.close();
            throw e;
        }
    }

    /**
     * Creates chunk {@code number} whose first data record will be {@code firstIndex}, maps it and
     * faults its pages in. The file is prepared under a temporary name (exclusively, 0600), filled
     * with zeros (so a full disk is an {@link IOException} here, not a SIGBUS on a mapped page later),
     * given its header, and only then linked to its final name: a chunk that exists is always whole.
     */
    static Chunk create(Path dir, QueueConfig config, long number, long firstIndex) {
        Path path = path(dir, number);
        Path temp = dir.resolve(path.getFileName() + QueueLayout.TEMP_SUFFIX);
        try {
            // Only the lock holder creates chunks, so a temporary file here was left by a dead appender.
            Files.deleteIfExists(temp);
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                SharedSegment.fillWithZeros(channel, config.chunkSize());
                ByteBuffer header = new ChunkHeader(config, number, firstIndex).encode();
                while (header.hasRemaining()) {
                    channel.write(header, header.position());
                }
            }
            Files.createLink(path, temp);
        } catch (FileAlreadyExistsException e) {
            throw new QueueException("cannot create chunk file " + path + ": it already exists (was the queue written by "
                    + "something that ignores " + QueueLayout.LOCK_FILE + "?)", e);
        } catch (IOException e) {
            throw new QueueException("cannot create chunk file " + path + " of " + config.chunkSize() + " bytes: "
                    + e + "; free space in " + dir.getParent() + " or use smaller chunks", e);
        } finally {
            deleteQuietly(temp);
        }
        Chunk chunk = open(dir, config, number);
        chunk.preTouch();
        return chunk;
    }

    /** Faults every page of the data area in now, so the appender's first write to each does not. */
    private void preTouch() {
        SharedSegment.preTouch(memory.asSlice(dataOffset));
    }

    int headerWord(long offset) {
        return (int) WORD.getAcquire(memory, offset);
    }

    /** Publishes a header word: every store before it (payload, index word) becomes visible first. */
    void publishHeaderWord(long offset, int word) {
        WORD.setRelease(memory, offset, word);
    }

    /** A header word no reader relies on yet (a claim, or clearing the next append point). */
    void setHeaderWord(long offset, int word) {
        WORD.set(memory, offset, word);
    }

    void setIndexWord(long recordOffset, long index) {
        memory.set(ValueLayout.JAVA_INT, recordOffset + QueueLayout.RECORD_INDEX_WORD_OFFSET, QueueLayout.indexWord(index));
    }

    /**
     * Bytes the record at {@code offset} occupies (padding included), after checking that its header
     * word describes a record that fits before the end of the chunk.
     */
    int checkedRecordSize(int header, long offset) {
        int length = QueueLayout.length(header);
        if (length < QueueLayout.RECORD_HEADER_SIZE) {
            throw corruptHeader(header, offset, "length " + length + " is shorter than the "
                    + QueueLayout.RECORD_HEADER_SIZE + "-byte record header");
        }
        int size = QueueLayout.recordSize(length);
        if (offset + size > recordLimit) {
            throw corruptHeader(header, offset, "a record of " + length + " bytes runs past the end of the record area ("
                    + (recordLimit - offset) + " bytes left before offset " + recordLimit + ")");
        }
        return size;
    }

    /** Checks that the data record at {@code offset} carries the index word of record {@code index}. */
    void checkIndexWord(long offset, long index) {
        int word = memory.get(ValueLayout.JAVA_INT, offset + QueueLayout.RECORD_INDEX_WORD_OFFSET);
        if (word != QueueLayout.indexWord(index)) {
            throw new QueueCorruptException(String.format("corrupt record in chunk file %s at offset %d: index word 0x%08X, "
                    + "but record %d belongs here (index word 0x%08X); a header word before it has a wrong length or the "
                    + "record was overwritten", path, offset, word, index, QueueLayout.indexWord(index)));
        }
    }

    private QueueCorruptException corruptHeader(int header, long offset, String what) {
        return new QueueCorruptException(String.format("corrupt record header in chunk file %s at offset %d: header word 0x%08X: %s",
                path, offset, header, what));
    }

    /** Record offset in sparse index entry {@code entry}, 0 while unwritten. */
    long indexEntry(int entry) {
        long offset = Integer.toUnsignedLong((int) WORD.getAcquire(memory, QueueLayout.indexEntryOffset(entry)));
        if (offset != 0 && (offset < dataOffset || offset >= recordLimit || offset % QueueLayout.RECORD_ALIGNMENT != 0)) {
            throw new QueueCorruptException("corrupt sparse index in chunk file " + path + ": entry " + entry + " at offset "
                    + QueueLayout.indexEntryOffset(entry) + " points at " + offset + ", outside the record area "
                    + dataOffset + ".." + recordLimit + " or not 8-aligned");
        }
        return offset;
    }

    /** Written before the record's header word is published, so a reader never finds an entry ahead of its record's data. */
    void publishIndexEntry(int entry, long recordOffset) {
        WORD.setRelease(memory, QueueLayout.indexEntryOffset(entry), (int) recordOffset);
    }

    /**
     * The highest written index entry at or below {@code entry}, or -1 when none is. Entries fill in
     * order (each published with release), so the written ones are a prefix: a binary search.
     */
    int lastIndexEntryAtMost(long entry) {
        int high = (int) Math.min(entry, indexCapacity - 1L);
        if (indexEntry(0) == 0) {
            return -1;
        }
        if (indexEntry(high) != 0) {
            return high;
        }
        int low = 0;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (indexEntry(mid) != 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Offset of the first header word that is not a complete record (nothing yet, NOT_COMPLETE or
     * END_OF_CHUNK), walking from the last index entry and checking each record on the way.
     */
    long endOfRecords() {
        int entry = lastIndexEntryAtMost(indexCapacity - 1L);
        long offset = entry < 0 ? dataOffset : indexEntry(entry);
        while (true) {
            int header = headerWord(offset);
            if (!QueueLayout.isComplete(header)) {
                return offset;
            }
            offset += checkedRecordSize(header, offset);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: the file is in the queue's private directory, which delete() removes whole
        }
    }

    /** Unmaps the chunk. Idempotent. */
    @Override
    public void close() {
        segment.close();
    }

    @Override
    public String toString() {
        return "Chunk[" + path + ", first index " + firstIndex + "]";
    }
}
