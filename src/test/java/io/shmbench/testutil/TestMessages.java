package io.shmbench.testutil;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Self-checking test messages, so a reader can tell a lost, duplicated, reordered or corrupt
 * message from a good one without knowing what the writer sent:
 *
 * <pre>
 * offset        size  field
 * 0             8     message number (per writer, from 0)
 * 8             4     writer id (tells two writers of one stream apart)
 * 12            n     filler: bytes of a fixed random block, starting at a place chosen by the number
 * length - 4    4     CRC32C of bytes [0, length - 4)
 * </pre>
 *
 * Not thread-safe (it keeps one CRC32C); give each thread its own.
 */
public final class TestMessages {
    /** Shortest message: number, writer id and checksum. */
    public static final int MIN_LENGTH = 16;
    /** Longest message: the filler block sets the limit. */
    public static final int MAX_LENGTH = 1 << 15;
    private static final int BODY = 12;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final MemorySegment FILLER = filler();

    private final CRC32C crc = new CRC32C();

    /** Writes message {@code number} of writer {@code writer}, {@code length} bytes, at the start of {@code target}. */
    public void write(MemorySegment target, long number, int writer, int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("test message length " + length + " outside " + MIN_LENGTH + ".." + MAX_LENGTH);
        }
        target.set(LONG, 0, number);
        target.set(INT, 8, writer);
        MemorySegment.copy(FILLER, fillerStart(number), target, BODY, length - BODY - 4);
        target.set(INT, length - 4, checksum(target, length - 4));
    }

    /**
     * Writes only the number of message {@code number}, the first store {@link #write} makes: what a
     * writer stopped right after starting a message leaves over the slot's old bytes (a torn message).
     */
    public static void writeNumberOnly(MemorySegment target, long number) {
        target.set(LONG, 0, number);
    }

    public void write(byte[] target, long number, int writer, int length) {
        write(MemorySegment.ofArray(target), number, writer, length);
    }

    /** Whether the first {@code length} bytes of {@code source} are a whole, uncorrupted message. */
    public boolean intact(MemorySegment source, int length) {
        return length >= MIN_LENGTH && length <= source.byteSize()
                && source.get(INT, length - 4) == checksum(source, length - 4);
    }

    public boolean intact(byte[] source, int length) {
        return intact(MemorySegment.ofArray(source), length);
    }

    public static long number(MemorySegment message) {
        return message.get(LONG, 0);
    }

    public static long number(byte[] message) {
        return number(MemorySegment.ofArray(message));
    }

    public static int writer(MemorySegment message) {
        return message.get(INT, 8);
    }

    public static int writer(byte[] message) {
        return writer(MemorySegment.ofArray(message));
    }

    /** A random length in {@code MIN_LENGTH..max}. */
    public static int randomLength(SplittableRandom random, int max) {
        return MIN_LENGTH + random.nextInt(Math.min(max, MAX_LENGTH) - MIN_LENGTH + 1);
    }

    private int checksum(MemorySegment source, int length) {
        crc.reset();
        crc.update(source.asSlice(0, length).asByteBuffer());
        return (int) crc.getValue();
    }

    private static long fillerStart(long number) {
        return (number * 0x9E3779B97F4A7C15L) >>> 49; // 0 .. 2^15 - 1
    }

    private static MemorySegment filler() {
        MemorySegment block = Arena.global().allocate(2L * MAX_LENGTH);
        SplittableRandom random = new SplittableRandom(0x5EEDL);
        for (long i = 0; i < block.byteSize(); i += 8) {
            block.set(LONG, i, random.nextLong());
        }
        return block;
    }
}
