package io.shmbench.bench;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The messages the ring benchmarks send: every byte written, every byte checkable by a reader that
 * knows which message it expects, and different from one message to the next, so a stale or torn
 * payload cannot pass for the right one.
 *
 * <pre>
 * offset size field (little-endian longs)
 *   0     8   sequence: the message's index in its ring
 *   8     8   stamp: System.nanoTime() of the writer just before it published (CLOCK_MONOTONIC, so
 *             comparable across processes on one host); 0 where nobody reads it
 *  16   ...   fill: the long at offset 8k (k &gt;= 2) is sequence * 0x9E3779B97F4A7C15 + k
 * </pre>
 * Lengths are multiples of 8, at least {@value #MIN_LENGTH}. Allocation-free.
 */
final class CheckedMessage {
    static final int MIN_LENGTH = 16;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final long SPREAD = 0x9E3779B97F4A7C15L; // 2^64 / golden ratio: neighbouring sequences differ in every word
    private static final long STAMP_OFFSET = 8;

    private CheckedMessage() {
    }

    /** Refuses a length the format cannot carry, naming it. */
    static int checkLength(int length) {
        if (length < MIN_LENGTH || length % 8 != 0) {
            throw new IllegalArgumentException("a checked message is a multiple of 8 bytes and at least " + MIN_LENGTH
                    + " (sequence and stamp); " + length + " is not");
        }
        return length;
    }

    /** Writes message {@code sequence} of {@code length} bytes in full. */
    static void write(MemorySegment payload, long sequence, long stamp, int length) {
        payload.set(LONG, 0, sequence);
        payload.set(LONG, STAMP_OFFSET, stamp);
        long base = sequence * SPREAD;
        for (int k = 2, words = length >>> 3; k < words; k++) {
            payload.set(LONG, (long) k << 3, base + k);
        }
    }

    /** True when {@code payload} holds exactly message {@code sequence} of {@code expectedLength} bytes. */
    static boolean verify(MemorySegment payload, long sequence, int length, int expectedLength) {
        if (length != expectedLength || payload.get(LONG, 0) != sequence) {
            return false;
        }
        long base = sequence * SPREAD;
        long wrong = 0;
        for (int k = 2, words = length >>> 3; k < words; k++) {
            wrong |= payload.get(LONG, (long) k << 3) ^ (base + k); // no early exit: every byte is read
        }
        return wrong == 0;
    }

    static long stamp(MemorySegment payload) {
        return payload.get(LONG, STAMP_OFFSET);
    }
}
