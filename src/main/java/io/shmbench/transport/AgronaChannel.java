package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.shm.SharedSegment;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.lang.foreign.MemorySegment;

/**
 * A {@link Channel} over two Agrona {@link OneToOneRingBuffer}s, one per direction, each over a
 * mapped /dev/shm segment. Sends claim space ({@code tryClaim}), copy once and commit; receives
 * copy once out of the buffer in the read callback (a handler made once, so nothing is allocated).
 */
final class AgronaChannel extends BaseChannel implements MessageHandler {
    private static final int MESSAGE_TYPE = 1;
    private static final String FOR_MESSAGE = "for a message";
    private static final String FOR_ROOM = "for room in the ring buffer (the peer is not reading)";

    private final SharedSegment outSegment;
    private final SharedSegment inSegment;
    private final MemorySegment outMemory;
    private final MemorySegment inMemory;
    private final OneToOneRingBuffer out;
    private final OneToOneRingBuffer in;
    private MemorySegment target;
    private int received;

    AgronaChannel(ChannelConfig config, PeerWatch peer, SharedSegment outSegment, SharedSegment inSegment) {
        super(AgronaTransport.NAME, config, peer);
        this.outSegment = outSegment;
        this.inSegment = inSegment;
        this.outMemory = outSegment.memory();
        this.inMemory = inSegment.memory();
        this.out = ringOver(outMemory);
        this.in = ringOver(inMemory);
        if (out.maxMsgLength() < maxMessageSize) {
            throw new ChannelException(AgronaTransport.NAME + ": ring buffer of " + out.capacity() + " bytes carries at most "
                    + out.maxMsgLength() + " bytes, not " + maxMessageSize);
        }
    }

    private static OneToOneRingBuffer ringOver(MemorySegment memory) {
        return new OneToOneRingBuffer(new UnsafeBuffer(memory.address(), (int) memory.byteSize()));
    }

    @Override
    public void send(MemorySegment message, int length) {
        checkSend(message, length);
        int index;
        wait.reset();
        while ((index = out.tryClaim(MESSAGE_TYPE, length)) == RingBuffer.INSUFFICIENT_CAPACITY) {
            wait.idle(FOR_ROOM);
        }
        MemorySegment.copy(message, 0, outMemory, index, length);
        out.commit(index);
    }

    @Override
    public int receive(MemorySegment buffer) {
        checkReceive(buffer);
        target = buffer;
        wait.reset();
        while (in.read(this, 1) == 0) {
            wait.idle(FOR_MESSAGE);
        }
        target = null;
        return received;
    }

    /** Agrona's read callback: {@code index} is the payload's offset in the mapped segment. */
    @Override
    public void onMessage(int messageType, MutableDirectBuffer buffer, int index, int length) {
        MemorySegment.copy(inMemory, index, target, 0, length);
        received = length;
    }

    @Override
    void release() {
        outSegment.close();
        inSegment.close();
    }
}
