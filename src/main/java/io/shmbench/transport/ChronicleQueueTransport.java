package io.shmbench.transport;

import io.shmbench.shm.PrivateDirectory;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code chronicle-queue}: reference peer, the real Chronicle Queue 2026.4, one queue per direction
 * ({@link ChronicleQueueChannel}) in a private 0700 directory under java.io.tmpdir, never in the
 * working tree. The queues persist while the channel is open and are deleted with the directory
 * when the parent closes.
 *
 * <p>Chronicle sends usage analytics by default: the {@code net.openhft:chronicle-analytics}
 * artifact is excluded in pom.xml, every JVM of the suite gets {@code -Dchronicle.analytics.disable=true}
 * ({@code io.shmbench.process.JavaCommand}), and this class sets it too before Chronicle loads. Chronicle
 * creates a {@code target/} directory under java.io.tmpdir unless {@code project.build.directory}
 * is set; this class points it at its own private directory when nobody set it.
 */
final class ChronicleQueueTransport extends BaseTransport {
    static final String NAME = "chronicle-queue";
    private static final String KIND = "chronicle";
    private static final String TO_PEER = "to-peer";
    private static final String FROM_PEER = "from-peer";
    /** Bytes per mapped block; Chronicle allows a document of up to a quarter of it. */
    private static final long BLOCK_SIZE = 64L << 20;
    private static final SizeLimit LIMIT = new SizeLimit(4 << 20,
            "Chronicle allows a document of at most a quarter of the queue's block size; the suite maps 64 MiB blocks and keeps 4 MiB");

    ChronicleQueueTransport() {
        super(NAME, "reference: Chronicle Queue, one queue per direction in a private directory", LIMIT);
    }

    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        ChronicleSettings.apply();
        PrivateDirectory dir = PrivateDirectory.create(KIND);
        try {
            return openPair(() -> open(dir.resolve(TO_PEER)), () -> open(dir.resolve(FROM_PEER)), ChronicleQueue::close,
                    (toPeer, fromPeer) -> new End(config, dir, toPeer, fromPeer));
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        peerArgs(args, "queue directory");
        ChronicleSettings.apply();
        Path dir = Path.of(args.get(0));
        return openPair(() -> open(dir.resolve(FROM_PEER)), () -> open(dir.resolve(TO_PEER)), ChronicleQueue::close,
                (fromPeer, toPeer) -> new ChronicleQueueChannel(config, parent, fromPeer, toPeer, () -> { }));
    }

    private static ChronicleQueue open(Path dir) {
        return SingleChronicleQueueBuilder.single(dir.toFile()).blockSize(BLOCK_SIZE).build();
    }

    private static final class End implements ParentEnd {
        private final ChannelConfig config;
        private final PrivateDirectory dir;
        private final ChronicleQueue toPeer;
        private final ChronicleQueue fromPeer;
        private boolean handedOver;

        End(ChannelConfig config, PrivateDirectory dir, ChronicleQueue toPeer, ChronicleQueue fromPeer) {
            this.config = config;
            this.dir = dir;
            this.toPeer = toPeer;
            this.fromPeer = fromPeer;
        }

        @Override
        public List<String> peerArgs() {
            return List.of(dir.path().toString());
        }

        @Override
        public Channel connect(PeerWatch peer) {
            // Only once the channel exists does it own what this end holds; if building it fails, close() releases it.
            Channel channel = new ChronicleQueueChannel(config, peer, toPeer, fromPeer, () -> { });
            handedOver = true;
            return channel;
        }

        @Override
        public void peerConnected() {
            // Chronicle creates new cycle files in these directories while running: they go with close().
        }

        @Override
        public void close() {
            if (!handedOver) {
                toPeer.close();
                fromPeer.close();
            }
            dir.close();
        }
    }
}
