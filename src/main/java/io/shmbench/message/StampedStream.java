package io.shmbench.message;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A stream of checked messages sent at a fixed rate (Q1's {@code fixedRate}), both ends of it. The
 * source fills its buffer once as message 0 ({@link #prepare}) and then only renumbers and stamps it
 * per message ({@link #stamp}): its cost per message is the two header words. The stamp is the
 * intended send time, start + i * period, not when the message actually went out, so a receiver
 * that falls behind sees the delay (no coordinated omission).
 *
 * <p>The receiver ({@link #accept}) checks each message: whole length, the next sequence number
 * (none lost, repeated or reordered), every filler byte (compared with message 0), and that its
 * intended send time is not in the receiver's future. After a bad sequence number it expects the one
 * after what arrived, so one loss counts once.
 */
public final class StampedStream {
    private final int size;
    private final MemorySegment expected;
    private long nextSequence;

    /** The receiving end, for messages of {@code size} bytes (at least {@value CheckedMessage#MIN_LENGTH}). */
    public StampedStream(Arena arena, int size) {
        this.size = CheckedMessage.checkLength(size);
        this.expected = arena.allocate(size, 64);
        prepare(expected, size);
    }

    /** Source: fills {@code buffer} once with the filler every message of the stream carries. */
    public static void prepare(MemorySegment buffer, int size) {
        CheckedMessage.write(buffer, 0, 0, size);
    }

    /** Source: makes the prepared buffer message {@code sequence}, meant to be sent at {@code intendedSendNanos}. */
    public static void stamp(MemorySegment buffer, long sequence, long intendedSendNanos) {
        CheckedMessage.writeSequence(buffer, sequence);
        CheckedMessage.writeStamp(buffer, intendedSendNanos);
    }

    /**
     * @param receivedNanos {@link System#nanoTime()} when it arrived
     * @return the one-way latency (arrival minus intended send time), or -1 when the message is corrupt
     */
    public long accept(MemorySegment message, int length, long receivedNanos) {
        if (length != size) {
            return -1;
        }
        long sequence = CheckedMessage.sequence(message);
        boolean inOrder = sequence == nextSequence;
        nextSequence = sequence + 1;
        long oneWay = receivedNanos - CheckedMessage.stamp(message);
        boolean filled = MemorySegment.mismatch(message, CheckedMessage.MIN_LENGTH, size, expected, CheckedMessage.MIN_LENGTH, size) == -1;
        return inOrder && filled && oneWay >= 0 ? oneWay : -1;
    }
}
