package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code shm-ring}: the suite's SWSR ring ({@code io.shmbench.ring}) in BLOCKING mode, one ring per
 * direction, {@link ChannelConfig#depth()} slots each sized for the largest message, default
 * layout (padded indices, release/acquire, cached remote index). The parent creates both segments
 * in /dev/shm; the peer attaches by path; the files are unlinked once the peer is ready.
 */
final class ShmRingTransport extends BaseTransport {
    static final String NAME = "shm-ring";
    /** Keeps one slot (and so a ring of {@code depth} of them) to a sane size. */
    static final SizeLimit LIMIT = new SizeLimit(64 << 20, "the suite caps a ring slot at 64 MiB");

    ShmRingTransport() {
        super(NAME, "the suite's SWSR shared-memory ring, BLOCKING mode, one ring per direction", LIMIT);
    }

    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        return prepareRings(name(), config);
    }

    /**
     * The parent's two rings, to the peer and from it; {@code shm-ring-c} prepares the same for its
     * C peer, which attaches them by path as the JVM peer does.
     */
    static ParentEnd prepareRings(String transport, ChannelConfig config) {
        RingConfig ringConfig = ringConfig(config);
        return openPair(() -> create(transport, ringConfig), () -> create(transport, ringConfig), ShmRingTransport::remove,
                (toPeer, fromPeer) -> new SharedFilesEnd(List.of(toPeer.path(), fromPeer.path()),
                        peer -> new RingChannel(transport, config, peer, toPeer, fromPeer),
                        () -> {
                            toPeer.close();
                            fromPeer.close();
                        }));
    }

    /** One direction's ring for the config: {@code depth} slots, each sized for the largest message. */
    static RingConfig ringConfig(ChannelConfig config) {
        return RingConfig.of(config.depth(), Math.max(1, config.maxMessageSize()));
    }

    /** Bytes of one direction's slots (headers included, the ring's own header not): what {@code agrona}'s capacity is matched to. */
    static long slotBytes(ChannelConfig config) {
        RingConfig ring = ringConfig(config);
        return (long) ring.slotCount() * ring.slotSize();
    }

    private static Ring create(String transport, RingConfig ringConfig) {
        try {
            return Ring.create(ringConfig);
        } catch (RuntimeException e) { // a RingException, or the segment's own (no space in /dev/shm)
            throw new ChannelException(transport + ": " + e.getMessage(), e);
        }
    }

    private static void remove(Ring ring) {
        try {
            ring.unlink();
        } finally {
            ring.close();
        }
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        peerArgs(args, "to-peer ring path", "from-peer ring path");
        return openPair(() -> Ring.attach(Path.of(args.get(0))), () -> Ring.attach(Path.of(args.get(1))),
                Ring::close, (toPeer, fromPeer) -> new RingChannel(NAME, config, parent, fromPeer, toPeer));
    }
}
