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
final class RingChannel extends BaseChannel {
    private static final String FOR_MESSAGE = "for a message";
    private static final String FOR_ROOM = "for a free slot (the peer is not reading)";

    private final Ring out;
    private final Ring in;
    private final RingWriter writer;
    private final RingReader reader;

    /** @param transport the name errors give: {@code shm-ring}, or {@code shm-ring-c} on the parent's side of a C peer */
    RingChannel(String transport, ChannelConfig config, PeerWatch peer, Ring out, Ring in) {
        super(transport, config, peer);
        this.out = out;
        this.in = in;
        this.writer = out.openWriter(config.waitMode().sharedMemoryStrategy());
        this.reader = in.openReader(config.waitMode().sharedMemoryStrategy());
    }

    @Override
    public void send(MemorySegment message, int length) {
        checkSend(message, length);
        wait.reset();
        while (!writer.offer(message, 0, length)) { // offer orders the copy as the reader's spin wants it
            wait.idle(FOR_ROOM);
        }
    }

    @Override
    public int receive(MemorySegment buffer) {
        checkReceive(buffer);
        int length;
        wait.reset();
        while ((length = reader.poll()) < 0) {
            wait.idle(FOR_MESSAGE);
        }
        MemorySegment.copy(reader.payload(), 0, buffer, 0, length);
        return length;
    }

    @Override
    void release() {
        writer.close();
        reader.close();
        out.close();
        in.close();
    }
}
