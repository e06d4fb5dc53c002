package io.shmbench.transport;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;

/**
 * {@code pipe}: two anonymous pipes that are the peer's stdin and stdout.
 *
 * <p>{@link ProcessBuilder}'s own child streams are buffered Java wrappers (a flush per message,
 * an extra copy through a heap array). Instead the parent makes the pipes itself
 * ({@code pipe2(2)}) and hands the child their far ends by redirecting its stdin and stdout from
 * {@code /proc/self/fd/N}, which the JDK opens in the parent before the fork; both sides then read
 * and write the raw descriptors through {@link NativeFd}, straight from the caller's segments.
 * The peer's end of stream on stdin doubles as "the parent is gone".
 */
final class PipeTransport extends BaseTransport {
    static final String NAME = "pipe";
    static final int STDIN = 0;
    static final int STDOUT = 1;

    PipeTransport() {
        super(NAME, "anonymous pipes: the peer's stdin and stdout, raw descriptors", STREAM_LIMIT);
    }

    @Override
    public boolean blocksInKernel() {
        return true;
    }

    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        NativeFd[] toPeer = NativeFd.pipe("pipe to peer");
        NativeFd[] fromPeer;
        try {
            fromPeer = NativeFd.pipe("pipe from peer");
        } catch (RuntimeException e) {
            toPeer[0].close();
            toPeer[1].close();
            throw e;
        }
        return new End(config, toPeer, fromPeer);
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        NativeFd in = new NativeFd(STDIN, "stdin pipe").nonBlocking();
        NativeFd out = new NativeFd(STDOUT, "stdout pipe").nonBlocking();
        return new StreamChannel(NAME, config, parent, in, out, true, null);
    }

    private static final class End implements ParentEnd {
        private final ChannelConfig config;
        private final NativeFd childStdin;
        private final NativeFd parentOut;
        private final NativeFd parentIn;
        private final NativeFd childStdout;
        private boolean handedOver;

        End(ChannelConfig config, NativeFd[] toPeer, NativeFd[] fromPeer) {
            this.config = config;
            this.childStdin = toPeer[0];
            this.parentOut = toPeer[1];
            this.parentIn = fromPeer[0];
            this.childStdout = fromPeer[1];
        }

        @Override
        public List<String> peerArgs() {
            return List.of();
        }

        @Override
        public boolean redirect(ProcessBuilder builder) {
            builder.redirectInput(Redirect.from(new File("/proc/self/fd/" + childStdin.fd())));
            builder.redirectOutput(Redirect.to(new File("/proc/self/fd/" + childStdout.fd())));
            return true;
        }

        @Override
        public void peerStarted() {
            // The child has its own copies now; ours would keep the pipes open after it dies.
            childStdin.close();
            childStdout.close();
        }

        @Override
        public Channel connect(PeerWatch peer) {
            // Only once the channel exists does it own what this end holds; if building it fails, close() releases it.
            Channel channel = new StreamChannel(NAME, config, peer, parentIn.nonBlocking(), parentOut.nonBlocking(), true, null);
            handedOver = true;
            return channel;
        }

        @Override
        public void peerConnected() {
            // nothing has a name
        }

        @Override
        public void close() {
            childStdin.close();
            childStdout.close();
            if (!handedOver) {
                parentIn.close();
                parentOut.close();
            }
        }
    }
}
