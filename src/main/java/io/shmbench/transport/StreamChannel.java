package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Whole messages over a kernel byte stream: two pipe or FIFO ends, or a socket's one descriptor
 * for both directions. Each message is a 4-byte little-endian length followed by the payload. All
 * four stream transports ({@code pipe}, {@code fifo}, {@code tcp}, {@code uds}) use this class and
 * {@link NativeFd}, so they differ only in the kernel mechanism.
 *
 * <p>Costs, on purpose: the length and a native payload leave in one {@code writev(2)} (one segment
 * on the wire with TCP_NODELAY), straight from the caller's segment; a receive reads the length and
 * then the payload straight into the caller's buffer, one extra {@code read(2)} per message instead
 * of a copy out of a staging buffer. Descriptors are non-blocking: an operation is tried first and
 * only when it finds nothing does the side sleep in {@code poll(2)} ({@link WaitMode#BLOCK}) or retry
 * at once ({@link WaitMode#SPIN}, {@link WaitMode#YIELD}).
 *
 * <p>A timeout while waiting for the first byte of a message leaves the stream intact (a peer can
 * keep waiting); a timeout in the middle of a message breaks it.
 */
final class StreamChannel extends BaseChannel {
    static final int HEADER_SIZE = 4;
    private static final String FOR_MESSAGE = "for a message";
    private static final String FOR_REST = "for the rest of a message";
    private static final String FOR_ROOM = "for room to send (the peer is not reading)";

    private final NativeFd in;
    private final NativeFd out;
    private final AutoCloseable owner;
    /** The frame header, native so that it can go out with the payload in one gathering write. */
    private final MemorySegment header = Arena.ofAuto().allocate(8, 8);
    /**
     * A FIFO opened for reading before any writer reads as end-of-stream; until the first byte
     * arrives that means "the peer has not opened its end yet", not "the peer is gone".
     */
    private boolean writerSeen;

    /**
     * @param writerKnown false for a FIFO whose writer may not have opened it yet
     * @param owner       closes the descriptors when they belong to something else (a NIO socket), or null
     */
    StreamChannel(String transport, ChannelConfig config, PeerWatch peer, NativeFd in, NativeFd out, boolean writerKnown,
                  AutoCloseable owner) {
        super(transport, config, peer);
        this.in = in;
        this.out = out;
        this.writerSeen = writerKnown;
        this.owner = owner;
    }

    @Override
    public void send(MemorySegment message, int length) {
        checkSend(message, length);
        header.set(ValueLayout.JAVA_INT, 0, length);
        long total = HEADER_SIZE + (long) length;
        long done = 0;
        wait.reset();
        while (done < total) {
            long n;
            if (done >= HEADER_SIZE) {
                n = out.write(message, done - HEADER_SIZE, total - done);
            } else if (message.isNative() && length > 0) {
                n = out.write(header, done, HEADER_SIZE - done, message, 0, length);
            } else {
                n = out.write(header, done, HEADER_SIZE - done);
            }
            if (n < 0) {
                throw wait.peer().gone(transport, "to send");
            }
            if (n > 0) {
                done += n;
            } else {
                wait.await(out, NativeFd.POLLOUT, FOR_ROOM);
            }
        }
    }

    @Override
    public int receive(MemorySegment buffer) {
        checkReceive(buffer);
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
            long n = in.read(target, done, length - done);
            if (n > 0) {
                writerSeen = true;
                done += n;
            } else if (n < 0 && writerSeen) {
                throw wait.peer().gone(transport, waitingFor);
            } else {
                wait.await(in, NativeFd.POLLIN, done == 0 ? waitingFor : FOR_REST);
            }
        }
    }

    @Override
    void release() {
        try {
            out.close();
            in.close();
        } finally {
            if (owner != null) {
                try {
                    owner.close();
                } catch (Exception e) {
                    throw new ChannelException(transport + ": close failed: " + e.getMessage(), e);
                }
            }
        }
    }
}
