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
import java.util.Optional;
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
    private static final ValueLayout.OfLong HEADER_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    final Path path;
    final MemorySegment memory;
    final long number;
    final long firstIndex;
    final int dataOffset;
    /** No record may end beyond this offset: the END_OF_CHUNK marker needs the rest. */
    final int recordLimit;
    final int indexCapacity;
    private final SharedSegment segment;

    private Chunk(Path path, SharedSegment segment, ChunkHeader header) {
        this.segment = segment;
        this.path = path;
        this.memory = segment.memory();
        this.number = header.number();
        this.firstIndex = header.firstIndex();
        this.dataOffset = header.config().dataOffset();
        this.recordLimit = header.config().chunkSize() - QueueLayout.END_RESERVE;
        this.indexCapacity = header.config().indexCapacity();
    }

    /** The chunk in {@code segment} once its header checks out; else the segment is unmapped and the failure thrown. */
    private static Chunk checked(Path path, QueueConfig config, long number, SharedSegment segment) {
        try {
            ChunkHeader header = ChunkHeader.decode(segment.memory(), path, segment.size(), number).requireConfig(config, path);
            return new Chunk(path, segment, header);
        } catch (RuntimeException e) {
            segment.close();
            throw e;
        }
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
        return checked(path, config, number, segment);
    }

    /**
     * Creates chunk {@code number} whose first data record will be {@code firstIndex} and maps it,
     * its pages populated: {@link #prepare} and {@link Prepared#publish} in one go.
     */
    static Chunk create(Path dir, QueueConfig config, long number, long firstIndex) {
        Prepared prepared = prepare(dir, config, number);
        try {
            return prepared.publish(firstIndex);
        } finally {
            prepared.removeTemporaryName();
        }
    }

    static Path temporaryPath(Path dir, long number) {
        return dir.resolve(QueueLayout.chunkFileName(number) + QueueLayout.TEMP_SUFFIX);
    }

    /**
     * Prepares chunk {@code number} under its temporary name (exclusively, 0600): filled with zeros
     * (so a full disk is an {@link IOException} here, not a SIGBUS on a mapped page later), given its
     * header (first index 0 until {@link Prepared#publish} knows it), mapped, and its pages populated
     * for writing ({@link PagePopulation}). This is the costly part of rolling over, which is why the
     * appender runs it ahead of need on its background thread. Only the lock holder prepares chunks.
     */
    static Prepared prepare(Path dir, QueueConfig config, long number) {
        Path temp = temporaryPath(dir, number);
        try {
            // Only the lock holder creates chunks, so a temporary file here was left by a dead appender.
            Files.deleteIfExists(temp);
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                SharedSegment.fillWithZeros(channel, config.chunkSize());
                ByteBuffer header = new ChunkHeader(config, number, 0).encode();
                while (header.hasRemaining()) {
                    channel.write(header, header.position());
                }
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new QueueException("cannot create chunk file " + temp + " of " + config.chunkSize() + " bytes: "
                    + e + "; free space in " + dir.getParent() + " or use smaller chunks", e);
        }
        SharedSegment segment;
        try {
            segment = SharedSegment.attach(temp);
        } catch (SegmentException e) {
            deleteQuietly(temp);
            throw new QueueException("cannot map chunk file " + temp + ": " + e.getMessage(), e);
        }
        try {
            PagePopulation.forWrite(segment.memory());
        } catch (RuntimeException e) {
            segment.close();
            deleteQuietly(temp);
            throw e;
        }
        return new Prepared(dir, config, number, temp, segment);
    }

    /**
     * A chunk file complete but for its first index, mapped and populated, under its temporary name:
     * invisible to tailers until {@link #publish}.
     */
    static final class Prepared {
        private final Path dir;
        private final QueueConfig config;
        final long number;
        private final Path temp;
        private final SharedSegment segment;

        private Prepared(Path dir, QueueConfig config, long number, Path temp, SharedSegment segment) {
            this.dir = dir;
            this.config = config;
            this.number = number;
            this.temp = temp;
            this.segment = segment;
        }

        /**
         * Writes the first index into the mapped header and links the file to its final name (one
         * {@code link(2)}, failing if that name exists): from here the chunk exists, whole.
         */
        Chunk publish(long firstIndex) {
            Path path = path(dir, number);
            segment.memory().set(HEADER_LONG, QueueLayout.FIRST_INDEX_OFFSET, firstIndex);
            try {
                Files.createLink(path, temp);
            } catch (FileAlreadyExistsException e) {
                discard();
                throw new QueueException("cannot create chunk file " + path + ": it already exists (was the queue written by "
                        + "something that ignores " + QueueLayout.LOCK_FILE + "?)", e);
            } catch (IOException e) {
                discard();
                throw new QueueException("cannot create chunk file " + path + ": " + e, e);
            }
            return new Chunk(path, segment, new ChunkHeader(config, number, firstIndex));
        }

        /** The temporary name, once published; a {@code unlink(2)} kept off the message path. */
        void removeTemporaryName() {
            deleteQuietly(temp);
        }

        /** Unmaps and removes a prepared chunk that was never published. */
        void discard() {
            segment.close();
            deleteQuietly(temp);
        }
    }

    /**
     * A tailer's early mapping of chunk {@code number}, taken from the temporary file the appender
     * is preparing, once that is full size with its header (written after the zeros), its pages
     * populated for reading; empty while the file is not there or not finished. Whether it became
     * the chunk is decided at {@link #adopt}.
     */
    static Optional<SharedSegment> mapAhead(Path dir, QueueConfig config, long number) {
        Path temp = temporaryPath(dir, number);
        try {
            if (Files.size(temp) != config.chunkSize()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty(); // not there (yet, or published and renamed away)
        }
        SharedSegment segment;
        try {
            segment = SharedSegment.attach(temp);
        } catch (SegmentException e) {
            return Optional.empty(); // removed between the two calls
        }
        try {
            if (segment.size() != config.chunkSize() || segment.memory().get(HEADER_LONG, QueueLayout.MAGIC_OFFSET) != QueueLayout.MAGIC) {
                segment.close();
                return Optional.empty(); // the header is written last: not finished
            }
            PagePopulation.forRead(segment.memory());
            return Optional.of(segment);
        } catch (RuntimeException e) {
            segment.close();
            throw e;
        }
    }

    /**
     * Chunk {@code number} from a segment mapped ahead, if the chunk's final name now leads to that
     * very file, still whole (one {@code stat}); else the segment is unmapped and the result is null,
     * and the caller opens the chunk by name, which reports what is wrong with it. Called after END_OF_CHUNK, so the appender has
     * written the first index into the header before this reads it.
     */
    static Chunk adopt(Path dir, QueueConfig config, long number, SharedSegment segment) {
        Path path = path(dir, number);
        if (segment.size() != config.chunkSize() || !segment.isWholeMappingOf(path)) {
            segment.close();
            return null;
        }
        return checked(path, config, number, segment);
    }

    /** Populates the pages of this whole mapping for reading (a tailer's chunk it opened itself). */
    void populateForRead() {
        PagePopulation.forRead(memory);
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
