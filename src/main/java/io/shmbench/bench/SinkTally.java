package io.shmbench.bench;

import io.shmbench.ring.RingException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What a {@link RingPeerRole#SINK} reports when asked: messages checked and how many of them were
 * wrong, since it started. One {@value #SIZE}-byte message (little-endian longs).
 */
record SinkTally(long checked, long corrupt) {
    static final int SIZE = 16;

    void write(MemorySegment message) {
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, checked);
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, 8, corrupt);
    }

    /** Reads a report, refusing a message of the wrong length. */
    static SinkTally read(MemorySegment message, int length) {
        if (length != SIZE) {
            throw new RingException("expected the sink's " + SIZE + "-byte tally, got a message of " + length + " bytes");
        }
        return new SinkTally(message.get(ValueLayout.JAVA_LONG_UNALIGNED, 0), message.get(ValueLayout.JAVA_LONG_UNALIGNED, 8));
    }
}
