package io.shmbench.message;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The suite's one self-checking message. Benchmarks, the soak and the tests all send it, so that a
 * receiver can tell a lost, repeated, reordered, stale, torn or damaged message from the right one.
 *
 * <pre>
 * offset      size  field (little-endian, unaligned)
 *   0         8     sequence: the message's number (its ring index, the sender's count from 0, a snapshot's number)
 *   8         8     stamp: the sender's System.nanoTime() when it sent, or meant to send, the message
 *                   (CLOCK_MONOTONIC, so comparable across processes on one host); the tests put the
 *                   writer's id here; 0 where nobody reads it
 *  16         n     filler: the long at offset 8k is sequence * 0x9E3779B97F4A7C15 + k (of a last partial
 *                   long, its low bytes), so neighbouring messages differ in every word
 * [length-4   4     CRC32C of bytes [0, length - 4): sealed messages only, {@link MessageChecksum#writeSealed}]
 * </pre>
 *
 * How a receiver checks one depends on what it knows:
 * <ul>
 *   <li>which message it expects: {@link #verify} compares the sequence, the length and every filler
 *       byte (the ring benchmarks; Q7 checks a snapshot against the sequence it carries);</li>
 *   <li>nothing: a sealed message's checksum says whether it is whole, its sequence then which one it
 *       is ({@link MessageChecksum#check}: the soak, the tests);</li>
 *   <li>what was sent: an echo is compared with it byte for byte ({@link AlternatingMessages}: Q1, Q6).</li>
 * </ul>
 * The stamp is never checked: it is time. A message shorter than {@value #MIN_LENGTH} bytes holds only
 * the start of the header (Q1's 0- and 8-byte messages, which only an echo check can check).
 * Allocation-free.
 */
public final class CheckedMessage {
    /** Sequence and stamp. */
    public static final int MIN_LENGTH = 16;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final long SEQUENCE_OFFSET = 0;
    private static final long STAMP_OFFSET = 8;
    private static final int FILLER_OFFSET = 16;
    private static final long SPREAD = 0x9E3779B97F4A7C15L; // 2^64 / golden ratio: neighbouring sequences differ in every word

    private CheckedMessage() {
    }

    /** Refuses a length too short for sequence and stamp, naming it. */
    public static int checkLength(int length) {
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException("a checked message has at least " + MIN_LENGTH
                    + " bytes (sequence and stamp); " + length + " is too short");
        }
        return length;
    }

    /** Writes message {@code sequence} of {@code length} bytes in full. */
    public static void write(MemorySegment message, long sequence, long stamp, int length) {
        if (length < MIN_LENGTH) {
            for (int at = 0; at < length; at++) { // the start of the header
                message.set(ValueLayout.JAVA_BYTE, at, (byte) ((at < 8 ? sequence : stamp) >>> (8 * (at & 7))));
            }
            return;
        }
        message.set(LONG, SEQUENCE_OFFSET, sequence);
        message.set(LONG, STAMP_OFFSET, stamp);
        long base = sequence * SPREAD;
        int words = length >>> 3;
        for (int k = FILLER_OFFSET >>> 3; k < words; k++) {
            message.set(LONG, (long) k << 3, base + k);
        }
        for (int at = words << 3; at < length; at++) {
            message.set(ValueLayout.JAVA_BYTE, at, (byte) ((base + words) >>> (8 * (at & 7))));
        }
    }

    /** Renumbers a message already written, as a sender reusing one buffer does. Needs 8 bytes. */
    public static void writeSequence(MemorySegment message, long sequence) {
        message.set(LONG, SEQUENCE_OFFSET, sequence);
    }

    /** Restamps a message already written. Needs {@value #MIN_LENGTH} bytes. */
    public static void writeStamp(MemorySegment message, long stamp) {
        message.set(LONG, STAMP_OFFSET, stamp);
    }

    public static long sequence(MemorySegment message) {
        return message.get(LONG, SEQUENCE_OFFSET);
    }

    public static long stamp(MemorySegment message) {
        return message.get(LONG, STAMP_OFFSET);
    }

    /** True when {@code message} holds exactly message {@code sequence} of {@code expectedLength} bytes (its stamp aside). */
    public static boolean verify(MemorySegment message, long sequence, int length, int expectedLength) {
        return length == expectedLength && length >= MIN_LENGTH && message.get(LONG, SEQUENCE_OFFSET) == sequence
                && fillerMatches(message, sequence, FILLER_OFFSET, length);
    }

    /**
     * True when bytes {@code [from, to)} hold the filler of message {@code sequence}; {@code from} is a
     * multiple of 8, at least {@value #MIN_LENGTH}. Every byte is read, with no early exit, so a reader
     * that checks a message in parts (Q7's slow reader) reads each part in full.
     */
    public static boolean fillerMatches(MemorySegment message, long sequence, int from, int to) {
        long base = sequence * SPREAD;
        int words = to >>> 3;
        long wrong = 0;
        for (int k = from >>> 3; k < words; k++) {
            wrong |= message.get(LONG, (long) k << 3) ^ (base + k);
        }
        for (int at = Math.max(from, words << 3); at < to; at++) {
            wrong |= (message.get(ValueLayout.JAVA_BYTE, at) ^ (byte) ((base + words) >>> (8 * (at & 7)))) & 0xFF;
        }
        return wrong == 0;
    }
}
