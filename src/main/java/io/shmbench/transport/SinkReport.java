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
        write(message, messages, checksum);
    }

    /** Writes a report without making one: what the sink does on its hot path, once a batch. */
    public static void write(MemorySegment message, long messages, long checksum) {
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, messages);
        message.set(ValueLayout.JAVA_LONG_UNALIGNED, 8, checksum);
    }

    /** Reads a report message, refusing one of the wrong length. */
    public static SinkReport read(MemorySegment message, int length) {
        checkLength(length);
        return new SinkReport(messages(message), message.get(ValueLayout.JAVA_LONG_UNALIGNED, 8));
    }

    /**
     * Whether the report message says {@code messages} messages with {@code checksum}, refusing one of
     * the wrong length; makes no object, so the sender's once-a-batch check allocates nothing (C2 did
     * not scalar-replace {@link #read}'s record there).
     */
    public static boolean says(MemorySegment message, int length, long messages, long checksum) {
        checkLength(length);
        return messages(message) == messages && message.get(ValueLayout.JAVA_LONG_UNALIGNED, 8) == checksum;
    }

    private static long messages(MemorySegment message) {
        return message.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
    }

    private static void checkLength(int length) {
        if (length != SIZE) {
            throw new ChannelException("expected the sink's " + SIZE + "-byte report, got a message of " + length + " bytes");
        }
    }

    /** Waits on {@code channel} for the sink's report. */
    public static SinkReport receive(Channel channel, MemorySegment buffer) {
        return read(buffer, channel.receive(buffer));
    }
}
