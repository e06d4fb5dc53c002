package io.shmbench.transport;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Whole messages over a kernel byte stream (pipe, FIFO, TCP, Unix socket): each message is a
 * 4-byte little-endian length followed by the payload.
 *
 * <p>Costs, on purpose: the length and the payload leave in one gathering write (one segment on
 * the wire with TCP_NODELAY) when the payload is a native segment; a receive reads the length and
 * then the payload straight into the caller's buffer, one extra {@code read(2)} per message instead
 * of a copy out of a staging buffer. Descriptors are non-blocking: an operation is tried first and
 * only when it finds nothing does the side sleep in the kernel ({@link WaitMode#BLOCK}) or spin
 * ({@link WaitMode#SPIN}).
 *
 * <p>A timeout while waiting for the first byte of a message leaves the stream intact (a peer can
 * keep waiting); a timeout in the middle of a message breaks it.
 */
abstract class StreamChannel implements Channel {
    static final int HEADER_SIZE = 4;
    private static final String FOR_MESSAGE = "for a message";
    private static final String FOR_REST = "for the rest of a message";
    private static final String FOR_ROOM = "for room to send (the peer is not reading)";

    final String transport;
    final BoundedWait wait;
    private final int maxMessageSize;
    /** The frame header, native so that it can go out with the payload in one gathering write. */
    final MemorySegment header = Arena.ofAuto().allocate(8, 8);
    private boolean closed;

    StreamChannel(String transport, ChannelConfig config, PeerWatch peer) {
        this.transport = transport;
        this.maxMessageSize = config.maxMessageSize();
        this.wait = new BoundedWait(transport, config, peer);
    }

    /** Bytes read (&gt; 0), 0 when nothing is there yet, -1 at end of stream. */
    abstract long readSome(MemorySegment target, long offset, long length);

    /** Bytes written (&ge; 0), -1 when the reader is gone. */
    abstract long writeSome(MemorySegment source, long offset, long length);

    /** Writes part of the header and then the payload from its start, in one call when possible. */
    abstract long writeHeaderAndPayload(long headerOffset, MemorySegment payload, int length);

    /** Sleeps in the kernel until the stream is readable (or writable), at most {@code millis}. */
    abstract void sleepUntilReady(boolean forWrite, int millis);

    abstract void closeStreams();

    @Override
    public final String transport() {
        return transport;
    }

    @Override
    public final int maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public final void send(MemorySegment message, int length) {
        ensureOpen();
        ChannelChecks.send(transport, maxMessageSize, message, length);
        header.set(ValueLayout.JAVA_INT, 0, length);
        long total = HEADER_SIZE + (long) length;
        long done = 0;
        wait.reset();
        while (done < total) {
            long n = done < HEADER_SIZE
                    ? writeHeaderAndPayload(done, message, length)
                    : writeSome(message, done - HEADER_SIZE, total - done);
            if (n < 0) {
                throw wait.peer().gone(transport, "to send");
            }
            if (n > 0) {
                done += n;
            } else {
                await(true, FOR_ROOM);
            }
        }
    }

    @Override
    public final int receive(MemorySegment buffer) {
        ensureOpen();
        ChannelChecks.receive(maxMessageSize, buffer);
        wait.reset();
        readFully(header, HEADER_SIZE, FOR_MESSAGE);
        int length = header.get(ValueLayout.JAVA_INT, 0);
        if (length < 0 || length > maxMessageSize) {
            throw new ChannelException(transport + ": received a frame of length " + length + ", outside 0.." + maxMessageSize
                    + "; the other end does not use this framing or this message size");
        }
        readFully(buffer, length, FOR_REST);
        return length;
    }

    private void readFully(MemorySegment target, long length, String waitingFor) {
        long done = 0;
        while (done < length) {
            long n = readSome(target, done, length - done);
            if (n > 0) {
                done += n;
            } else if (n < 0) {
                throw wait.peer().gone(transport, waitingFor);
            } else {
                await(false, done == 0 ? waitingFor : FOR_REST);
            }
        }
    }

    private void await(boolean forWrite, String waitingFor) {
        if (wait.spins()) {
            wait.idle(waitingFor);
        } else {
            sleepUntilReady(forWrite, wait.sleepMillis(waitingFor));
        }
    }

    final void ensureOpen() {
        if (closed) {
            throw ChannelChecks.closed(transport);
        }
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            closeStreams();
        }
    }
}
