package io.shmbench.bench;

import io.shmbench.ring.RingException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A command to a {@link RingPeerRole#PACED_WRITER}: write {@code messages} messages, message i at
 * {@code start + i * periodNanos} where start is when the command arrives. One {@value #SIZE}-byte
 * message (little-endian longs).
 */
record PacedRun(long messages, long periodNanos) {
    static final int SIZE = 16;

    PacedRun {
        if (messages <= 0 || periodNanos <= 0) {
            throw new IllegalArgumentException("a paced run needs a positive count and period, got " + messages
                    + " messages every " + periodNanos + " ns");
        }
    }

    void write(MemorySegment message) {
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, messages);
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, 8, periodNanos);
    }

    static PacedRun read(MemorySegment message, int length) {
        if (length != SIZE) {
            throw new RingException("expected a " + SIZE + "-byte paced-run command, got a message of " + length + " bytes");
        }
        return new PacedRun(message.get(ValueLayout.JAVA_LONG_UNALIGNED, 0), message.get(ValueLayout.JAVA_LONG_UNALIGNED, 8));
    }
}
