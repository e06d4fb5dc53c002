package io.shmbench.bench;

import io.shmbench.transport.SourceStamp;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Checks each message a fixed-rate source sent ({@link SourceStamp}): whole length, the next
 * sequence number (none lost, repeated or reordered) and every filler byte (compared with a message
 * filled the same way), and that its intended send time is not in the receiver's future. After a
 * bad sequence number it expects the one after what arrived, so one loss counts once.
 */
final class Q1StampCheck {
    private final int size;
    private final MemorySegment expected;
    private long nextSequence;

    Q1StampCheck(Arena arena, int size) {
        if (size < SourceStamp.SIZE) {
            throw new IllegalArgumentException("a source message holds at least the " + SourceStamp.SIZE + "-byte stamp; size " + size);
        }
        this.size = size;
        this.expected = arena.allocate(size, 64);
        SourceStamp.fill(expected, size);
    }

    /**
     * @param receivedNanos {@link System#nanoTime()} when it arrived
     * @return the one-way latency (arrival minus intended send time), or -1 when the message is corrupt
     */
    long accept(MemorySegment message, int length, long receivedNanos) {
        if (length != size) {
            return -1;
        }
        long sequence = SourceStamp.sequence(message);
        boolean inOrder = sequence == nextSequence;
        nextSequence = sequence + 1;
        long oneWay = receivedNanos - SourceStamp.intendedSendNanos(message);
        boolean filled = MemorySegment.mismatch(message, SourceStamp.SIZE, size, expected, SourceStamp.SIZE, size) == -1;
        return inOrder && filled && oneWay >= 0 ? oneWay : -1;
    }
}
