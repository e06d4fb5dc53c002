package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.shm.Libc;

import java.lang.foreign.MemorySegment;

/**
 * A {@link Channel} over two POSIX message queues, one per direction. The kernel keeps message
 * boundaries, so there is no framing; each message is one {@code mq_send}/{@code mq_receive},
 * straight between the caller's segment and the kernel. A queue tells nothing when the other
 * process dies, so waits look at the peer's pid between bounded {@code poll(2)} slices.
 */
final class MqChannel extends BaseChannel {
    private static final String FOR_MESSAGE = "for a message";
    private static final String FOR_ROOM = "for room in the queue (the peer is not reading)";

    private final NativeFd out;
    private final NativeFd in;

    MqChannel(ChannelConfig config, PeerWatch peer, NativeFd out, NativeFd in) {
        super(MqTransport.NAME, config, peer);
        this.out = out;
        this.in = in;
    }

    @Override
    public void send(MemorySegment message, int length) {
        checkSend(message, length);
        wait.reset();
        try {
            while (true) {
                int result = message.isNative()
                        ? (int) PosixMq.MQ_SEND_ADDRESS.invokeExact(out.callState(), out.fd(), message.address(), (long) length, 0)
                        : (int) PosixMq.MQ_SEND.invokeExact(out.callState(), out.fd(), message, (long) length, 0);
                if (result == 0) {
                    return;
                }
                retryOrThrow(out, "mq_send");
                wait.await(out, NativeFd.POLLOUT, FOR_ROOM);
            }
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("mq_send failed: " + t, t);
        }
    }

    @Override
    public int receive(MemorySegment buffer) {
        checkReceive(buffer);
        // mq_receive insists on a buffer of at least the queue's message size.
        long room = Math.max(1, maxMessageSize);
        wait.reset();
        try {
            while (true) {
                long n = buffer.isNative()
                        ? (long) PosixMq.MQ_RECEIVE_ADDRESS.invokeExact(in.callState(), in.fd(), buffer.address(), room, 0L)
                        : (long) PosixMq.MQ_RECEIVE.invokeExact(in.callState(), in.fd(), buffer, room, 0L);
                if (n >= 0) {
                    return (int) n;
                }
                retryOrThrow(in, "mq_receive");
                wait.await(in, NativeFd.POLLIN, FOR_MESSAGE);
            }
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("mq_receive failed: " + t, t);
        }
    }

    private static void retryOrThrow(NativeFd queue, String call) {
        int errno = Libc.errno(queue.callState());
        if (errno != NativeFd.EAGAIN && errno != NativeFd.EINTR) {
            throw new ChannelException(MqTransport.NAME + ": " + call + " failed: " + Libc.strerror(errno));
        }
    }

    @Override
    void release() {
        try {
            out.close();
        } finally {
            in.close();
        }
    }
}
