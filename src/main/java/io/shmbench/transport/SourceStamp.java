package io.shmbench.transport;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The first {@link #SIZE} bytes of every message a {@link PeerRole#SOURCE} sends (little-endian):
 *
 * <pre>
 * offset size field
 *   0     8   intended send time, System.nanoTime() of the sender (CLOCK_MONOTONIC, so comparable
 *             across processes on one host); start + i * period, not when it actually went out,
 *             so a receiver that falls behind sees the delay (no coordinated omission)
 *   8     8   sequence number, 0-based
 *  16   ...   filler: byte k = (byte) k, written once (a source's per-message cost is the stamp only)
 * </pre>
 */
public final class SourceStamp {
    public static final int SIZE = 16;
    public static final long INTENDED_SEND_NANOS_OFFSET = 0;
    public static final long SEQUENCE_OFFSET = 8;

    private SourceStamp() {
    }

    public static void write(MemorySegment message, long intendedSendNanos, long sequence) {
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, INTENDED_SEND_NANOS_OFFSET, intendedSendNanos);
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, SEQUENCE_OFFSET, sequence);
    }

    public static long intendedSendNanos(MemorySegment message) {
        return message.get(ValueLayout.JAVA_LONG_UNALIGNED, INTENDED_SEND_NANOS_OFFSET);
    }

    public static long sequence(MemorySegment message) {
        return message.get(ValueLayout.JAVA_LONG_UNALIGNED, SEQUENCE_OFFSET);
    }

    /** Fills bytes {@code [SIZE, length)} with the filler pattern. */
    public static void fill(MemorySegment message, int length) {
        for (int k = SIZE; k < length; k++) {
            message.set(ValueLayout.JAVA_BYTE, k, (byte) k);
        }
    }

    /** True when bytes {@code [SIZE, length)} hold the filler pattern. */
    public static boolean filled(MemorySegment message, int length) {
        for (int k = SIZE; k < length; k++) {
            if (message.get(ValueLayout.JAVA_BYTE, k) != (byte) k) {
                return false;
            }
        }
        return true;
    }
}
