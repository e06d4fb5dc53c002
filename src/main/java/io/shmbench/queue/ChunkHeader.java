package io.shmbench.queue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fixed 64-byte header of a chunk file ({@link QueueLayout}): encoded, decoded and checked here.
 * Every check reads only inside the 64 bytes it was given, so a hostile or truncated file gets a
 * {@link QueueCorruptException} naming it, never an out-of-bounds access.
 */
record ChunkHeader(QueueConfig config, long number, long firstIndex) {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** The header's bytes, for writing at offset 0 of a new chunk file. */
    ByteBuffer encode() {
        ByteBuffer bytes = ByteBuffer.allocate(QueueLayout.CHUNK_HEADER_SIZE);
        MemorySegment m = MemorySegment.ofBuffer(bytes);
        m.set(LONG, QueueLayout.MAGIC_OFFSET, QueueLayout.MAGIC);
        m.set(INT, QueueLayout.VERSION_OFFSET, QueueLayout.LAYOUT_VERSION);
        m.set(INT, QueueLayout.DATA_OFFSET_OFFSET, config.dataOffset());
        m.set(INT, QueueLayout.CHUNK_SIZE_OFFSET, config.chunkSize());
        m.set(INT, QueueLayout.INDEX_STRIDE_OFFSET, config.indexStride());
        m.set(INT, QueueLayout.INDEX_CAPACITY_OFFSET, config.indexCapacity());
        m.set(LONG, QueueLayout.CHUNK_NUMBER_OFFSET, number);
        m.set(LONG, QueueLayout.FIRST_INDEX_OFFSET, firstIndex);
        return bytes;
    }

    /**
     * Decodes the header at the start of {@code m} (at least 64 bytes) of the file {@code path},
     * which is {@code fileSize} bytes long, and checks that it describes a whole chunk numbered
     * {@code expectedNumber}.
     */
    static ChunkHeader decode(MemorySegment m, Path path, long fileSize, long expectedNumber) {
        long magic = m.get(LONG, QueueLayout.MAGIC_OFFSET);
        if (magic != QueueLayout.MAGIC) {
            throw corrupt(path, String.format("bad magic 0x%016X (expected 0x%016X, \"SHMBCHNK\"): not a shmbench queue chunk",
                    magic, QueueLayout.MAGIC));
        }
        int version = m.get(INT, QueueLayout.VERSION_OFFSET);
        if (version != QueueLayout.LAYOUT_VERSION) {
            throw corrupt(path, "layout version " + Integer.toUnsignedString(version) + ", this build reads version "
                    + QueueLayout.LAYOUT_VERSION);
        }
        int chunkSize = m.get(INT, QueueLayout.CHUNK_SIZE_OFFSET);
        int stride = m.get(INT, QueueLayout.INDEX_STRIDE_OFFSET);
        QueueConfig config;
        try {
            config = new QueueConfig(chunkSize, stride);
        } catch (IllegalArgumentException e) {
            throw corrupt(path, "impossible geometry in the header: " + e.getMessage());
        }
        if (fileSize < chunkSize) {
            throw corrupt(path, "truncated: the file is " + fileSize + " bytes, its header says " + chunkSize);
        }
        if (fileSize > chunkSize) {
            throw corrupt(path, "the file is " + fileSize + " bytes, its header says " + chunkSize);
        }
        int dataOffset = m.get(INT, QueueLayout.DATA_OFFSET_OFFSET);
        int capacity = m.get(INT, QueueLayout.INDEX_CAPACITY_OFFSET);
        if (dataOffset != config.dataOffset() || capacity != config.indexCapacity()) {
            throw corrupt(path, "data offset " + Integer.toUnsignedString(dataOffset) + " and index capacity "
                    + Integer.toUnsignedString(capacity) + " do not follow from chunk size " + chunkSize + " and stride "
                    + stride + " (expected " + config.dataOffset() + " and " + config.indexCapacity() + ")");
        }
        long number = m.get(LONG, QueueLayout.CHUNK_NUMBER_OFFSET);
        if (number != expectedNumber) {
            throw corrupt(path, "the header says chunk number " + number + ", the file name " + expectedNumber);
        }
        long firstIndex = m.get(LONG, QueueLayout.FIRST_INDEX_OFFSET);
        if (firstIndex < 0 || (number == 0 && firstIndex != 0)) {
            throw corrupt(path, "first record index " + firstIndex + " is impossible for chunk " + number);
        }
        return new ChunkHeader(config, number, firstIndex);
    }

    /** Reads and checks the header of chunk file {@code path} without mapping it. */
    static ChunkHeader read(Path path, long expectedNumber) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size < QueueLayout.CHUNK_HEADER_SIZE) {
                throw corrupt(path, "truncated: the file is " + size + " bytes, shorter than the "
                        + QueueLayout.CHUNK_HEADER_SIZE + "-byte chunk header");
            }
            ByteBuffer bytes = ByteBuffer.allocate(QueueLayout.CHUNK_HEADER_SIZE);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, bytes.position()) < 0) {
                    throw corrupt(path, "truncated while its header was read");
                }
            }
            return decode(MemorySegment.ofBuffer(bytes.flip()), path, size, expectedNumber);
        } catch (NoSuchFileException e) {
            throw new QueueException("chunk file " + path + " does not exist", e);
        } catch (IOException e) {
            throw new QueueException("cannot read chunk file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Checks that this chunk belongs to a queue of {@code expected} geometry. */
    ChunkHeader requireConfig(QueueConfig expected, Path path) {
        if (!config.equals(expected)) {
            throw corrupt(path, "geometry " + config + " differs from the queue's " + expected);
        }
        return this;
    }

    static QueueCorruptException corrupt(Path path, String what) {
        return new QueueCorruptException("chunk file " + path + ": " + what);
    }
}
