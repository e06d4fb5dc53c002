package io.shmbench.transport;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.shm.SharedSegment;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The {@code floor} yardstick: one 64-bit counter in one cache line of a shared segment, bounced
 * between the two processes. A "message" carries no payload, only the next counter value, so
 * {@link #maxMessageSize()} is 0. Each side publishes with release and waits with acquire; a round
 * trip is two cache-line transfers and nothing else, the physical limit of any shared-memory
 * transport on this machine.
 *
 * <p>Strict alternation: the peer speaks first (its ready message, 0 to 1), then each side sends
 * only after receiving. The peer writes odd values, the parent even ones; a send out of turn
 * throws {@link IllegalStateException}. So only the {@link PeerRole#ECHO} role runs over it.
 */
final class FloorChannel extends BaseChannel {
    /** Offset of the counter: the segment is page-aligned, so this is the start of a cache line. */
    static final long COUNTER_OFFSET = 0;
    static final long SEGMENT_SIZE = 4096;
    private static final VarHandle COUNTER = ValueLayout.JAVA_LONG.varHandle();
    private static final String FOR_MESSAGE = "for the other side's counter";

    private final SharedSegment segment;
    private final MemorySegment line;
    private final long sendParity;
    /** The counter value this side last wrote or saw. */
    private long value;

    /** @param peerSide true in the peer (writes odd values), false in the parent */
    FloorChannel(ChannelConfig config, PeerWatch other, SharedSegment segment, boolean peerSide) {
        super(FloorTransport.NAME, config, other);
        if (config.maxMessageSize() != 0) {
            throw new MessageTooLargeException(FloorTransport.NAME + " carries no payload (a counter only); its channels need maxMessageSize 0, not "
                    + config.maxMessageSize());
        }
        this.segment = segment;
        this.line = segment.memory();
        this.sendParity = peerSide ? 0 : 1;
    }

    @Override
    public void send(MemorySegment message, int length) {
        checkSend(message, length);
        if ((value & 1) != sendParity) {
            throw new IllegalStateException(FloorTransport.NAME + " is strict ping-pong: receive the other side's message before sending again");
        }
        COUNTER.setRelease(line, COUNTER_OFFSET, ++value);
    }

    @Override
    public int receive(MemorySegment buffer) {
        checkReceive(buffer);
        long expected = value + 1;
        wait.reset();
        while ((long) COUNTER.getAcquire(line, COUNTER_OFFSET) != expected) {
            wait.idle(FOR_MESSAGE);
        }
        value = expected;
        return 0;
    }

    @Override
    void release() {
        segment.close();
    }
}
