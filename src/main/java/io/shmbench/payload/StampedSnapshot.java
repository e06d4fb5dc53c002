package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A snapshot that tells a reader whether it is whole: every 8-byte word depends on the snapshot's
 * sequence number, and a checksum over sequence and body is stored beside them. A torn snapshot
 * (words of two writes, as a reader sees when the writer overwrites the buffer under it) fails the
 * check; the chance that a torn one passes is that of a 64-bit sum colliding. Used by Q7 to count
 * the torn snapshots a structure hands its reader, whatever the structure itself claims.
 *
 * <pre>
 * offset  size  field
 *      0     8  sequence   1, 2, 3, ... (0: never written)
 *      8     8  checksum   sequence + the sum of the body words (wrapping)
 *     16     *  body       word i = mix(sequence, i)
 * </pre>
 */
public final class StampedSnapshot {
    public static final long SEQUENCE_OFFSET = 0;
    public static final long CHECKSUM_OFFSET = 8;
    public static final long BODY_OFFSET = 16;
    /** Header plus one body word. */
    public static final int MIN_BYTES = 24;
    /** For a reader that reads at full speed. */
    public static final Runnable NO_PAUSE = () -> { };

    private StampedSnapshot() {
    }

    /** Checks a snapshot size: at least {@link #MIN_BYTES}, a multiple of 8. */
    public static int checkSize(int bytes) {
        if (bytes < MIN_BYTES || bytes % 8 != 0) {
            throw new IllegalArgumentException("a stamped snapshot has a multiple of 8 bytes, at least " + MIN_BYTES
                    + "; got " + bytes);
        }
        return bytes;
    }

    /** Writes snapshot {@code sequence} of {@code bytes} bytes: the body first, then checksum and sequence. */
    public static void write(MemorySegment target, int bytes, long sequence) {
        long sum = sequence;
        for (long offset = BODY_OFFSET; offset < bytes; offset += 8) {
            long word = word(sequence, offset);
            target.set(ValueLayout.JAVA_LONG, offset, word);
            sum += word;
        }
        target.set(ValueLayout.JAVA_LONG, CHECKSUM_OFFSET, sum);
        target.set(ValueLayout.JAVA_LONG, SEQUENCE_OFFSET, sequence);
    }

    public static long sequence(MemorySegment snapshot) {
        return snapshot.get(ValueLayout.JAVA_LONG, SEQUENCE_OFFSET);
    }

    /**
     * Reads a snapshot in place as a slow reader does: the header and the first half of the body,
     * then {@code midway} (the reader's other work: a pause, or in tests the writer's next writes),
     * then the second half. True when every word belongs to the snapshot the header names.
     */
    public static boolean read(MemorySegment snapshot, int bytes, Runnable midway) {
        long sequence = snapshot.get(ValueLayout.JAVA_LONG, SEQUENCE_OFFSET);
        long checksum = snapshot.get(ValueLayout.JAVA_LONG, CHECKSUM_OFFSET);
        long half = BODY_OFFSET + (bytes - BODY_OFFSET) / 16 * 8;
        long sum = sequence;
        boolean words = true;
        for (long offset = BODY_OFFSET; offset < half; offset += 8) {
            long word = snapshot.get(ValueLayout.JAVA_LONG, offset);
            sum += word;
            words &= word == word(sequence, offset);
        }
        midway.run();
        VarHandle.loadLoadFence(); // the second half is read after the pause, not hoisted above it
        for (long offset = half; offset < bytes; offset += 8) {
            long word = snapshot.get(ValueLayout.JAVA_LONG, offset);
            sum += word;
            words &= word == word(sequence, offset);
        }
        return words && sum == checksum;
    }

    /** A well-mixed function of sequence and offset (SplitMix64's finaliser), so no two snapshots share words. */
    static long word(long sequence, long offset) {
        long z = sequence * 0x9E3779B97F4A7C15L + offset;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
