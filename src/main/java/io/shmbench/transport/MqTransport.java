package io.shmbench.transport;

import io.shmbench.shm.SuiteName;

import java.util.List;

/**
 * {@code mq}: two POSIX message queues ({@code /shmbench-mq-<pid>-<random>}, created O_EXCL 0600),
 * one per direction.
 *
 * <p>The host caps a message at {@code /proc/sys/fs/mqueue/msgsize_max} (8 KiB by default) and a
 * queue at {@code msg_max} messages (10 by default); both are read at run time and reported by
 * {@link #sizeLimit()} and {@link #description()}. A larger message size is refused up front with an
 * error that names the limit and how to raise it; the queue depth is capped at {@code msg_max}.
 * Queue names are unlinked as soon as the peer has opened them (queues live on while open), and
 * again on close.
 */
final class MqTransport extends BaseTransport {
    static final String NAME = "mq";
    static final String KIND = "mq";

    MqTransport() {
        super(NAME, null, null);
    }

    @Override
    public boolean blocksInKernel() {
        return true;
    }

    @Override
    public String description() {
        PosixMq.Limits limits = PosixMq.Limits.read();
        return "POSIX message queues (msgsize_max " + limits.msgsizeMax() + " bytes, msg_max " + limits.msgMax() + " messages here)";
    }

    @Override
    public SizeLimit sizeLimit() {
        PosixMq.Limits limits = PosixMq.Limits.read();
        return new SizeLimit(limits.msgsizeMax(), PosixMq.MSGSIZE_MAX + " is " + limits.msgsizeMax()
                + " on this host; raise it as root with 'sysctl fs.mqueue.msgsize_max=BYTES'");
    }

    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        int depth = Math.min(config.depth(), PosixMq.Limits.read().msgMax());
        int messageSize = Math.max(1, config.maxMessageSize());
        String toPeer = "/" + SuiteName.fresh(KIND);
        String fromPeer = "/" + SuiteName.fresh(KIND);
        NativeFd out = null;
        NativeFd in = null;
        try {
            out = PosixMq.create(toPeer, NativeFd.O_WRONLY, depth, messageSize);
            in = PosixMq.create(fromPeer, NativeFd.O_RDONLY, depth, messageSize);
            return new End(config, toPeer, fromPeer, out, in);
        } catch (RuntimeException e) {
            if (out != null) {
                out.close();
            }
            PosixMq.unlink(toPeer);
            PosixMq.unlink(fromPeer);
            throw e;
        }
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        peerArgs(args, "to-peer queue name", "from-peer queue name");
        NativeFd in = PosixMq.open(args.get(0), NativeFd.O_RDONLY);
        try {
            return new MqChannel(config, parent, PosixMq.open(args.get(1), NativeFd.O_WRONLY), in);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static final class End implements ParentEnd {
        private final ChannelConfig config;
        private final String toPeer;
        private final String fromPeer;
        private final NativeFd out;
        private final NativeFd in;
        private boolean handedOver;

        End(ChannelConfig config, String toPeer, String fromPeer, NativeFd out, NativeFd in) {
            this.config = config;
            this.toPeer = toPeer;
            this.fromPeer = fromPeer;
            this.out = out;
            this.in = in;
        }

        @Override
        public List<String> peerArgs() {
            return List.of(toPeer, fromPeer);
        }

        @Override
        public Channel connect(PeerWatch peer) {
            // Only once the channel exists does it own what this end holds; if building it fails, close() releases it.
            Channel channel = new MqChannel(config, peer, out, in);
            handedOver = true;
            return channel;
        }

        @Override
        public void peerConnected() {
            PosixMq.unlink(toPeer);
            PosixMq.unlink(fromPeer);
        }

        @Override
        public void close() {
            peerConnected();
            if (!handedOver) {
                out.close();
                in.close();
            }
        }

        /** The queue names, for tests that prove they are gone. */
        @Override
        public String toString() {
            return toPeer + " " + fromPeer;
        }
    }
}
