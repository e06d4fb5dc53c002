package io.shmbench.transport;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.shm.SharedSegment;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code agrona}: reference peer, Agrona 2.6.0's {@code OneToOneRingBuffer} over a mapped /dev/shm
 * file per direction ({@link AgronaChannel}), run as its users run it for speed.
 *
 * <p>Capacity: the same bytes as {@code shm-ring}'s slots for the same {@link ChannelConfig}
 * ({@link ShmRingTransport#slotBytes}: {@code depth} slots of 16 B header + payload, 64-byte
 * aligned), as near as Agrona's rule allows: its capacity must be a power of two, so it is the power
 * of two nearest the ring's slot bytes (by ratio, so within a factor of &radic;2 either way), and at
 * least 8 times the largest message, since Agrona carries at most capacity/8 per message (that only
 * matters below 8 slots). At the default depth of 64 the two are equal at 8 and 64 B, Agrona has
 * 3% fewer bytes at 2048 B (63 records of 2056 B fit, not 64), 20% fewer at 256 B and 39% more at
 * 2880 B, where rounding down would leave it 30% fewer. Until the suite matched them, Agrona got the
 * power of two above {@code depth} of its own records, up to twice the ring's bytes.
 *
 * <p>Bounds checks: every suite JVM (JMH forks, peers, tests) runs with
 * {@value #DISABLE_BOUNDS_CHECKS}=true ({@code io.shmbench.process.JavaCommand#FLAGS}), as Agrona's
 * users do when they want speed; Agrona reads it once, when {@code DirectBuffer} loads. Needs
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} (the same flags).
 */
final class AgronaTransport extends BaseTransport {
    static final String NAME = "agrona";
    /** Agrona's system property (DirectBuffer.DISABLE_BOUNDS_CHECKS_PROP_NAME) and the value the suite gives it. */
    static final String DISABLE_BOUNDS_CHECKS = "agrona.disable.bounds.checks";
    private static final String KIND = "agrona";
    private static final int MAX_CAPACITY = 1 << 30;
    /** Agrona's OneToOneRingBuffer carries at most capacity / this per message. */
    private static final int MAX_MESSAGE_FRACTION = 8;
    private static final SizeLimit LIMIT = new SizeLimit(16 << 20,
            "OneToOneRingBuffer carries at most capacity/8 per message; the suite caps a buffer at 128 MiB");

    /** Ring capacity (a power of two) for the config: the nearest to shm-ring's slot bytes, and room for Agrona's capacity/8 rule. */
    static int capacity(ChannelConfig config) {
        long matched = nearestPowerOfTwo(ShmRingTransport.slotBytes(config));
        long capacity = Math.max(matched, powerOfTwoAtLeast((long) MAX_MESSAGE_FRACTION * Math.max(8, config.maxMessageSize())));
        if (capacity > MAX_CAPACITY) {
            throw new MessageTooLargeException(NAME + ": " + config.depth() + " messages of " + config.maxMessageSize()
                    + " bytes need a ring buffer of " + capacity + " bytes, above the suite's cap of " + MAX_CAPACITY + "; lower the depth");
        }
        return (int) capacity;
    }

    /** The power of two nearest {@code bytes} by ratio (a tie goes up). */
    static long nearestPowerOfTwo(long bytes) {
        long below = Long.highestOneBit(bytes);
        return below == bytes || bytes < below * Math.sqrt(2) ? below : below << 1;
    }

    private static long powerOfTwoAtLeast(long bytes) {
        return bytes <= 1 ? 1 : Long.highestOneBit(bytes - 1) << 1;
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
