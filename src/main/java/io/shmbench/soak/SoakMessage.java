package io.shmbench.soak;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32C;

/**
 * The soak's self-checking message, so the receiving side can tell a lost, repeated, reordered,
 * torn or invented message from a good one knowing only which number it expects next:
 *
 * <pre>
 * offset      size  field
 * 0           8     number: the sender's count from 0 (on the ring: the ring index it is published at)
 * 8           n     filler: 64-bit words mixed from the number and their position, so no two messages match
 * length - 4  4     CRC32C of bytes [0, length - 4)
 * </pre>
 *
 * The length is not sent separately: it is a pseudo-random function of the number
 * ({@link #lengthOf}), between {@link #MIN_LENGTH} and the largest length, so every size is
 * exercised and a message of the right number but the wrong length is caught too. Little-endian,
 * unaligned accesses. Not thread-safe (one CRC32C each); one instance per sending or checking side.
 */
public final class SoakMessage {
    /** Number and checksum. */
    public static final int MIN_LENGTH = 12;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final int FILLER_OFFSET = 8;

    /** What {@link #check} found. */
    public enum Verdict {
        INTACT, BAD_LENGTH, BAD_CHECKSUM, WRONG_NUMBER;

        public boolean intact() {
            return this == INTACT;
        }
    }

    private final int maxLength;
    private final CRC32C crc = new CRC32C();

    /** @param maxLength the largest message, at least {@link #MIN_LENGTH} */
    public SoakMessage(int maxLength) {
        if (maxLength < MIN_LENGTH) {
            throw new IllegalArgumentException("soak messages need at least " + MIN_LENGTH
                    + " bytes (number and checksum); a largest length of " + maxLength + " is too small");
        }
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The length of message {@code number}: pseudo-random in {@code MIN_LENGTH..maxLength}. */
    public int lengthOf(long number) {
        return MIN_LENGTH + (int) Long.remainderUnsigned(mix(number), maxLength - MIN_LENGTH + 1);
    }

    /** Writes message {@code number} at the start of {@code target}; returns its length. */
    public int write(MemorySegment target, long number) {
        int length = lengthOf(number);
        target.set(LONG, 0, number);
        int end = length - 4;
        long word = mix(number ^ 0x5DEECE66DL);
        int k = FILLER_OFFSET;
        for (; k + 8 <= end; k += 8) {
            target.set(LONG, k, word);
            word = mix(word + k);
        }
        for (; k < end; k++) {
            target.set(ValueLayout.JAVA_BYTE, k, (byte) (word >>> (8 * (k & 7))));
        }
        target.set(INT, end, checksum(target, end));
        return length;
    }

    /**
     * Checks the first {@code length} bytes of {@code source} as message {@code expectedNumber}:
     * a length outside the range, a checksum that does not match (torn or damaged bytes), then a
     * whole message that is not the one expected (a stale, repeated or reordered one).
     */
    public Verdict check(MemorySegment source, int length, long expectedNumber) {
        if (length < MIN_LENGTH || length > maxLength || length > source.byteSize()) {
            return Verdict.BAD_LENGTH;
        }
        if (source.get(INT, length - 4) != checksum(source, length - 4)) {
            return Verdict.BAD_CHECKSUM;
        }
        if (source.get(LONG, 0) != expectedNumber || length != lengthOf(expectedNumber)) {
            return Verdict.WRONG_NUMBER;
        }
        return Verdict.INTACT;
    }

    /** The number a message carries (meaningful when its checksum is good). */
    public static long number(MemorySegment message) {
        return message.get(LONG, 0);
    }

    private int checksum(MemorySegment source, int length) {
        crc.reset();
        crc.update(source.asSlice(0, length).asByteBuffer());
        return (int) crc.getValue();
    }

    /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
