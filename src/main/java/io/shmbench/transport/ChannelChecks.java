package io.shmbench.transport;

import java.lang.foreign.MemorySegment;

/** The preconditions every {@link Channel} checks the same way, with the same messages. */
final class ChannelChecks {
    private ChannelChecks() {
    }

    static void send(String transport, int maxMessageSize, MemorySegment message, int length) {
        if (length < 0 || length > maxMessageSize) {
            throw new MessageTooLargeException(transport + ": message of " + length + " bytes exceeds this channel's largest message, "
                    + maxMessageSize + " bytes (ChannelConfig.maxMessageSize)");
        }
        if (message.byteSize() < length) {
            throw new IllegalArgumentException("message segment of " + message.byteSize() + " bytes is shorter than length " + length);
        }
    }

    static void receive(int maxMessageSize, MemorySegment buffer) {
        if (buffer.byteSize() < maxMessageSize) {
            throw new IllegalArgumentException("receive buffer of " + buffer.byteSize()
                    + " bytes is smaller than the channel's largest message, " + maxMessageSize + " bytes");
        }
    }

    static ChannelException closed(String transport) {
        return new ChannelException(transport + ": the channel is closed");
    }
}
