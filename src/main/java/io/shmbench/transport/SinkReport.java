package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What a {@link PeerRole#SINK} sends back after its expected count: one {@link #SIZE}-byte message,
 * the number of messages and the {@link io.shmbench.message.MessageChecksum} of all their bytes (little-endian longs).
 */
public record SinkReport(long messages, long checksum) {
    public static final int SIZE = 16;

    public void write(MemorySegment message) {
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, messages);
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, 8, checksum);
    }

    /** Reads a report message, refusing one of the wrong length. */
    public static SinkReport read(MemorySegment message, int length) {
        if (length != SIZE) {
            throw new ChannelException("expected the sink's " + SIZE + "-byte report, got a message of " + length + " bytes");
        }
        return new SinkReport(message.get(ValueLayout.JAVA_LONG_UNALIGNED, 0), message.get(ValueLayout.JAVA_LONG_UNALIGNED, 8));
    }

    /** Waits on {@code channel} for the sink's report. */
    public static SinkReport receive(Channel channel, MemorySegment buffer) {
        return read(buffer, channel.receive(buffer));
    }
}
