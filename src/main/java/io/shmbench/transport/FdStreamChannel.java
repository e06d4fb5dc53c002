package io.shmbench.transport;

import java.lang.foreign.MemorySegment;

/** A {@link StreamChannel} over two raw file descriptors (the {@code pipe} and {@code fifo} transports). */
final class FdStreamChannel extends StreamChannel {
    private final NativeFd in;
    private final NativeFd out;
    /**
     * A FIFO opened for reading before any writer reads as end-of-stream; until the first byte
     * arrives that means "the peer has not opened its end yet", not "the peer is gone".
     */
    private boolean writerSeen;

    FdStreamChannel(String transport, ChannelConfig config, PeerWatch peer, NativeFd in, NativeFd out, boolean writerKnown) {
        super(transport, config, peer);
        this.in = in;
        this.out = out;
        this.writerSeen = writerKnown;
    }

    @Override
    long readSome(MemorySegment target, long offset, long length) {
        long n = in.read(target, offset, length);
        if (n > 0) {
            writerSeen = true;
        } else if (n < 0 && !writerSeen) {
            return 0;
        }
        return n;
    }

    @Override
    long writeSome(MemorySegment source, long offset, long length) {
        return out.write(source, offset, length);
    }

    @Override
    long writeHeaderAndPayload(long headerOffset, MemorySegment payload, int length) {
        if (payload.isNative() && length > 0) {
            return out.write(header, headerOffset, HEADER_SIZE - headerOffset, payload, 0, length);
        }
        return out.write(header, headerOffset, HEADER_SIZE - headerOffset);
    }

    @Override
    void sleepUntilReady(boolean forWrite, int millis) {
        if (forWrite) {
            out.poll(NativeFd.POLLOUT, millis);
        } else {
            in.poll(NativeFd.POLLIN, millis);
        }
    }

    @Override
    void closeStreams() {
        try {
            out.close();
        } finally {
            in.close();
        }
    }
}
