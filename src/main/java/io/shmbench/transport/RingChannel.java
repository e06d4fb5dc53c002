package io.shmbench.transport;

import io.shmbench.ring.Ring;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;

import java.lang.foreign.MemorySegment;

/**
 * A {@link Channel} over two of the suite's SWSR rings (BLOCKING mode), one per direction. It
 * copies once into the claimed slot and once out of the polled one, the least a copying API over
 * a shared ring can do; the ring's zero-copy API is there for benchmarks that want none.
 */
final class RingChannel implements Channel {
    private static final String FOR_MESSAGE = "for a message";
    private static final String FOR_ROOM = "for a free slot (the peer is not reading)";

    private final int maxMessageSize;
    private final Ring out;
    private final Ring in;
    private final RingWriter writer;
    private final RingReader reader;
    private final BoundedWait wait;
    private boolean closed;

    RingChannel(ChannelConfig config, PeerWatch peer, Ring out, Ring in) {
        this.maxMessageSize = config.maxMessageSize();
        this.out = out;
        this.in = in;
        this.wait = new BoundedWait(ShmRingTransport.NAME, config, peer);
        this.writer = out.openWriter(config.waitMode().sharedMemoryStrategy());
        this.reader = in.openReader(config.waitMode().sharedMemoryStrategy());
    }

    @Override
    public String transport() {
        return ShmRingTransport.NAME;
    }

    @Override
    public int maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public void send(MemorySegment message, int length) {
        ensureOpen();
        ChannelChecks.send(ShmRingTransport.NAME, maxMessageSize, message, length);
        MemorySegment slot;
        wait.reset();
        while ((slot = writer.tryClaim()) == null) {
            wait.idle(FOR_ROOM);
        }
        MemorySegment.copy(message, 0, slot, 0, length);
        writer.commit(length);
    }

    @Override
    public int receive(MemorySegment buffer) {
        ensureOpen();
        ChannelChecks.receive(maxMessageSize, buffer);
        int length;
        wait.reset();
        while ((length = reader.poll()) < 0) {
            wait.idle(FOR_MESSAGE);
        }
        MemorySegment.copy(reader.payload(), 0, buffer, 0, length);
        return length;
    }

    private void ensureOpen() {
        if (closed) {
            throw ChannelChecks.closed(ShmRingTransport.NAME);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            writer.close();
            reader.close();
            out.close();
            in.close();
        }
    }
}
