package io.shmbench.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The probe messages of the C and Python peers ({@code src/main/c/probe_message.h}), on the Java
 * side of the interop tests: sequence, CLOCK_MONOTONIC stamp, filler, CRC-32 of the rest, so every
 * message is checked whoever wrote it. Message n is {@link #length} bytes long.
 */
final class ProbeMessage {
    static final int MIN_LENGTH = 20;

    private final CRC32 crc = new CRC32();

    /** The length of message {@code sequence} when messages go up to {@code largest} bytes (as probe_length in C). */
    static int length(long sequence, int largest) {
        return MIN_LENGTH + (int) Long.remainderUnsigned(sequence * 7, largest - MIN_LENGTH + 1);
    }

    /** Writes message {@code sequence} of {@code length} bytes into {@code target}, stamped now. */
    void fill(byte[] target, long sequence, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(target).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(0, sequence);
        buffer.putLong(8, System.nanoTime()); // CLOCK_MONOTONIC on Linux, as the C and Python stamps
        for (int i = 16; i < length - 4; i++) {
            target[i] = (byte) (i + 7 * sequence);
        }
        buffer.putInt(length - 4, checksum(target, length - 4));
    }

    /** Whether the first {@code length} bytes of {@code message} are whole and are message {@code sequence}. */
    boolean check(byte[] message, int length, long sequence) {
        if (length < MIN_LENGTH) {
            return false;
        }
        ByteBuffer buffer = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        return buffer.getInt(length - 4) == checksum(message, length - 4) && buffer.getLong(0) == sequence;
    }

    private int checksum(byte[] data, int length) {
        crc.reset();
        crc.update(data, 0, length);
        return (int) crc.getValue();
    }
}
