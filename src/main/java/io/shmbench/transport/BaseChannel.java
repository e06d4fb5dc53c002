package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.MessageTooLargeException;

import java.lang.foreign.MemorySegment;

/**
 * What every {@link Channel} does the same way: its name and size, the checks before a send or a
 * receive (with the same messages everywhere), its {@link BoundedWait}, and an idempotent close.
 */
abstract class BaseChannel implements Channel {
    final String transport;
    final int maxMessageSize;
    final BoundedWait wait;
    private boolean closed;

    BaseChannel(String transport, ChannelConfig config, PeerWatch peer) {
        this.transport = transport;
        this.maxMessageSize = config.maxMessageSize();
        this.wait = new BoundedWait(transport, config, peer);
    }

    @Override
    public final String transport() {
        return transport;
    }

    @Override
    public final int maxMessageSize() {
        return maxMessageSize;
    }

    /** Before a send: the channel is open, the length within the channel's size, the segment long enough. */
    final void checkSend(MemorySegment message, int length) {
        checkOpen();
        if (length < 0 || length > maxMessageSize) {
            throw new MessageTooLargeException(transport + ": message of " + length + " bytes exceeds this channel's largest message, "
                    + maxMessageSize + " bytes (ChannelConfig.maxMessageSize)");
        }
        if (message.byteSize() < length) {
            throw new IllegalArgumentException("message segment of " + message.byteSize() + " bytes is shorter than length " + length);
        }
    }

    /** Before a receive: the channel is open and the buffer holds the largest message. */
    final void checkReceive(MemorySegment buffer) {
        checkOpen();
        if (buffer.byteSize() < maxMessageSize) {
            throw new IllegalArgumentException("receive buffer of " + buffer.byteSize()
                    + " bytes is smaller than the channel's largest message, " + maxMessageSize + " bytes");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new ChannelException(transport + ": the channel is closed");
        }
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /** Releases the transport's resources; called once. */
    abstract void release();
}
