package io.shmbench.transport;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.shm.SharedSegment;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code agrona}: reference peer, Agrona 2.6.0's {@code OneToOneRingBuffer} over a mapped /dev/shm
 * file per direction ({@link AgronaChannel}). Agrona carries at most capacity/8 per message; the
 * capacity is the power of two that fits {@link ChannelConfig#depth()} messages of the largest
 * size, and at least 8 times that size. Needs {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}
 * ({@code io.shmbench.process.JavaCommand}).
 */
final class AgronaTransport extends BaseTransport {
    static final String NAME = "agrona";
    private static final String KIND = "agrona";
    private static final int MAX_CAPACITY = 1 << 30;
    private static final int MIN_CAPACITY = 4096;
    private static final SizeLimit LIMIT = new SizeLimit(16 << 20,
            "OneToOneRingBuffer carries at most capacity/8 per message; the suite caps a buffer at 128 MiB");

    /** Ring capacity (a power of two) for the config: room for {@code depth} records and Agrona's capacity/8 rule. */
    static int capacity(ChannelConfig config) {
        long record = align8(RecordDescriptor.HEADER_LENGTH + (long) config.maxMessageSize());
        long needed = Math.max(MIN_CAPACITY, Math.max(record * config.depth(), 8L * Math.max(8, config.maxMessageSize())));
        long capacity = Long.highestOneBit(needed - 1) << 1;
        if (capacity > MAX_CAPACITY) {
            throw new MessageTooLargeException(NAME + ": " + config.depth() + " messages of " + config.maxMessageSize()
                    + " bytes need a ring buffer of " + capacity + " bytes, above the suite's cap of " + MAX_CAPACITY + "; lower the depth");
        }
        return (int) capacity;
    }

    private static long align8(long value) {
        return (value + 7) & ~7L;
    }

    AgronaTransport() {
        super(NAME, "reference: Agrona OneToOneRingBuffer over /dev/shm, one per direction", LIMIT);
    }

    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        long size = (long) capacity(config) + RingBufferDescriptor.TRAILER_LENGTH;
        return openPair(() -> SharedSegment.create(KIND, size), () -> SharedSegment.create(KIND, size),
                AgronaTransport::remove,
                (toPeer, fromPeer) -> new SharedFilesEnd(List.of(toPeer.path(), fromPeer.path()),
                        peer -> new AgronaChannel(config, peer, toPeer, fromPeer),
                        () -> {
                            toPeer.close();
                            fromPeer.close();
                        }));
    }

    private static void remove(SharedSegment segment) {
        try {
            segment.unlink();
        } finally {
            segment.close();
        }
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        peerArgs(args, "to-peer segment path", "from-peer segment path");
        return openPair(() -> SharedSegment.attach(Path.of(args.get(0))), () -> SharedSegment.attach(Path.of(args.get(1))),
                SharedSegment::close, (toPeer, fromPeer) -> new AgronaChannel(config, parent, fromPeer, toPeer));
    }
}
