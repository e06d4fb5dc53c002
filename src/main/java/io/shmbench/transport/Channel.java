package io.shmbench.transport;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.ipc.PeerGoneException;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * One end of a two-way message channel between two processes.
 *
 * <p>Messages are whole: a {@link #receive} returns exactly one message as it was sent. Every call
 * that can wait honours {@link ChannelConfig#timeout()} and then throws
 * {@link ChannelTimeoutException}; a peer that closed its end or died gives
 * {@link PeerGoneException} (kernel transports see it at once, shared-memory transports check the
 * peer's pid while waiting, at most every {@link PeerWatch#CHECK_INTERVAL_NANOS}). A receive that
 * times out before any byte of a message arrived leaves the channel usable (call it again); so does
 * a refused call ({@link MessageTooLargeException}, {@link IllegalArgumentException}). After any
 * other exception the channel is broken (a stream may be mid-message) and must be closed.
 *
 * <p>The {@link MemorySegment} calls are the hot path: they allocate nothing when the caller passes
 * the same segments each time. The {@link ByteBuffer} forms wrap the buffer in a segment per call.
 * A channel is used by one thread at a time.
 */
public interface Channel extends AutoCloseable {

    /** The transport's name, as in {@link Transports}. */
    String transport();

    /** The largest message this channel carries ({@link ChannelConfig#maxMessageSize()}). */
    int maxMessageSize();

    /**
     * Sends bytes {@code [0, length)} of {@code message} as one message.
     *
     * @throws MessageTooLargeException when {@code length > maxMessageSize()}
     * @throws IllegalArgumentException when {@code message} is shorter than {@code length}
     */
    void send(MemorySegment message, int length);

    /**
     * Waits for the next message, copies it to the start of {@code buffer} and returns its length.
     *
     * @throws IllegalArgumentException when {@code buffer} is smaller than {@link #maxMessageSize()}
     */
    int receive(MemorySegment buffer);

    /** Sends the bytes between the buffer's position and limit; the position does not move. */
    default void send(ByteBuffer message) {
        send(MemorySegment.ofBuffer(message), message.remaining());
    }

    /**
     * Receives the next message into the buffer starting at its position (the room up to the
     * limit must hold {@link #maxMessageSize()} bytes) and returns its length; position and limit
     * do not move.
     */
    default int receive(ByteBuffer buffer) {
        return receive(MemorySegment.ofBuffer(buffer));
    }

    /** Releases this end. Idempotent; the peer then sees {@link PeerGoneException} or a timeout. */
    @Override
    void close();
}
