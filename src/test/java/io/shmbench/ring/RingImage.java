package io.shmbench.ring;

import io.shmbench.shm.SuiteName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * The bytes of a ring segment, for tests that damage them: starts as exactly what {@link Ring#create}
 * writes (so no test repeats the header layout), is changed field by field through
 * {@link RingLayout}'s offsets, and is then written to an owner-only file with a suite name, or
 * copied into native memory for {@link RingHeaderValidator} directly. Public for the tests of the
 * C and Python peers ({@code io.shmbench.interop}), which are given the same damaged rings.
 */
public final class RingImage {
    private byte[] bytes;
    private final RingConfig config;

    private RingImage(byte[] bytes, RingConfig config) {
        this.bytes = bytes;
        this.config = config;
    }

    /** A fresh, valid ring of {@code config}, made by {@link Ring#create} in {@code dir} and removed again. */
    public static RingImage of(Path dir, RingConfig config) {
        try (Ring ring = Ring.create(dir, config)) {
            try {
                return new RingImage(Files.readAllBytes(ring.path()), config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                ring.unlink();
            }
        }
    }

    public RingImage copy() {
        return new RingImage(bytes.clone(), config);
    }

    /** The configuration the image was created with (its header may say otherwise once damaged). */
    public RingConfig config() {
        return config;
    }

    public int length() {
        return bytes.length;
    }

    public byte[] bytes() {
        return bytes;
    }

    public RingImage putLong(long offset, long value) {
        if (offset + Long.BYTES <= bytes.length) {
            buffer().putLong((int) offset, value);
        }
        return this;
    }

    public RingImage putInt(long offset, int value) {
        if (offset + Integer.BYTES <= bytes.length) {
            buffer().putInt((int) offset, value);
        }
        return this;
    }

    public RingImage putByte(long offset, int value) {
        if (offset < bytes.length) {
            bytes[(int) offset] = (byte) value;
        }
        return this;
    }

    public long getLong(long offset) {
        return buffer().getLong((int) offset);
    }

    public int getInt(long offset) {
        return buffer().getInt((int) offset);
    }

    public int getUnsignedByte(long offset) {
        return Byte.toUnsignedInt(bytes[(int) offset]);
    }

    /** Cuts or zero-extends the image to {@code length} bytes, as a truncated or overlong file. */
    public RingImage resize(int length) {
        bytes = Arrays.copyOf(bytes, length);
        return this;
    }

    /** Offset of slot {@code slot}'s header in the undamaged geometry. */
    public long slot(int slot) {
        return RingLayout.slotOffset(slot, config.slotSize());
    }

    public long readIndexOffset() {
        return RingLayout.readIndexOffset(config.padding());
    }

    /** Writes the image to a new owner-only file named like the suite's segments, in {@code dir}. */
    public Path writeTo(Path dir) {
        return writeTo(dir, bytes);
    }

    public static Path writeTo(Path dir, byte[] bytes) {
        Path file = dir.resolve(SuiteName.fresh(Ring.SEGMENT_KIND).toString());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, bytes, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Validates the image in native memory, page-aligned like a mapping, without a file. */
    RingConfig validate(Path nominalPath) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(Math.max(bytes.length, 1), 4096).asSlice(0, bytes.length);
            MemorySegment.copy(bytes, 0, memory, ValueLayout.JAVA_BYTE, 0, bytes.length);
            return RingHeaderValidator.validate(memory, nominalPath);
        }
    }

    private ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
