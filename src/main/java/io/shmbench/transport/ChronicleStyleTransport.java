package io.shmbench.transport;

import io.shmbench.queue.MappedQueue;
import io.shmbench.queue.QueueConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code chronicle-style}: the suite's own append-only memory-mapped queue ({@code io.shmbench.queue},
 * in the style of Chronicle Queue), one queue per direction ({@link ChronicleStyleChannel}). The
 * parent creates both queues (each a private 0700 directory under java.io.tmpdir, chunks sized by
 * {@link #chunksFor}); the peer opens them by directory. The queues keep growing while
 * the channel lives (records persist, chunk files are added as they fill), so their directories are
 * removed when the parent closes, not when the peer connects: a parent killed with SIGKILL leaves
 * them (suite-named: {@code clean} removes them once their creator is dead).
 */
final class ChronicleStyleTransport extends BaseTransport {
    static final String NAME = "chronicle-style";
    /** A chunk is at most 1 GiB and holds 64 records of the largest size; 16 MiB keeps chunks at 1 GiB or less. */
    private static final SizeLimit LIMIT = new SizeLimit(16 << 20,
            "QueueConfig.forMaxPayload sizes a chunk for 64 records of the largest size, and a chunk is at most 1 GiB");

    /** QueueConfig.DEFAULT's chunk size: 8192 records of 2 KiB per chunk. */
    static final int MIN_CHUNK = QueueConfig.DEFAULT.chunkSize();

    ChronicleStyleTransport() {
        super(NAME, "the suite's Chronicle-style append-only mapped queue, one queue per direction", LIMIT);
    }

    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        QueueConfig queueConfig = chunksFor(config.maxMessageSize());
        return openPair(() -> MappedQueue.create(queueConfig), () -> MappedQueue.create(queueConfig), MappedQueue::delete,
                (toPeer, fromPeer) -> new End(config, toPeer, fromPeer));
    }

    /**
     * {@link QueueConfig#forMaxPayload}, but chunks of at least {@link #MIN_CHUNK} bytes: every roll
     * still costs the message path a {@code link(2)} (appender) and a {@code stat(2)} (tailer), tens of
     * microseconds on ext4, and with 1 MiB chunks a 2048 B stream rolled every 505 messages, often
     * enough to set a round trip's p99.9. The preparation ahead of need is the same work per byte.
     */
    static QueueConfig chunksFor(int maxMessageSize) {
        QueueConfig sized = QueueConfig.forMaxPayload(maxMessageSize);
        return sized.chunkSize() >= MIN_CHUNK ? sized : new QueueConfig(MIN_CHUNK, sized.indexStride());
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        peerArgs(args, "to-peer queue directory", "from-peer queue directory");
        return openPair(() -> MappedQueue.open(Path.of(args.get(0))), () -> MappedQueue.open(Path.of(args.get(1))),
                MappedQueue::close, (toPeer, fromPeer) -> new ChronicleStyleChannel(config, parent, fromPeer, toPeer, false));
    }

    private static final class End implements ParentEnd {
        private final ChannelConfig config;
        private final MappedQueue toPeer;
        private final MappedQueue fromPeer;

        End(ChannelConfig config, MappedQueue toPeer, MappedQueue fromPeer) {
            this.config = config;
            this.toPeer = toPeer;
            this.fromPeer = fromPeer;
        }

        @Override
        public List<String> peerArgs() {
            return List.of(toPeer.directory().toString(), fromPeer.directory().toString());
        }

        @Override
        public Channel connect(PeerWatch peer) {
            return new ChronicleStyleChannel(config, peer, toPeer, fromPeer, true);
        }

        @Override
        public void peerConnected() {
            // The queues add chunk files while they run: their directories go with the channel.
        }

        @Override
        public void close() {
            // The channel deletes the queues when it closes; this also covers a channel never closed
            // (shutdown hook) and never made. delete() is idempotent.
            try {
                toPeer.delete();
            } finally {
                fromPeer.delete();
            }
        }
    }
}
