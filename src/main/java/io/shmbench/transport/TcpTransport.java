package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.PeerGoneException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code tcp}: one loopback TCP connection, {@code TCP_NODELAY} on both ends (no Nagle delay for
 * small messages). The listening port is ephemeral and open to every local user, so the peer first
 * presents a random token it got on its command line; a connection without it is refused.
 */
final class TcpTransport extends BaseTransport {
    static final String NAME = "tcp";
    private static final int TOKEN_SIZE = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    TcpTransport() {
        super(NAME, "TCP over loopback, TCP_NODELAY", STREAM_LIMIT);
    }

    @Override
    public boolean blocksInKernel() {
        return true;
    }

    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        byte[] token = new byte[TOKEN_SIZE];
        RANDOM.nextBytes(token);
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            return new End(config, server, token);
        } catch (IOException e) {
            throw new ChannelException(NAME + ": cannot listen on loopback: " + e.getMessage(), e);
        }
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        peerArgs(args, "port", "token");
        int port = Integer.parseInt(args.get(0));
        byte[] token = HexFormat.of().parseHex(args.get(1));
        SocketChannel socket = null;
        try {
            socket = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer out = ByteBuffer.wrap(token);
            while (out.hasRemaining()) {
                socket.write(out);
            }
            return Sockets.messages(NAME, config, parent, socket);
        } catch (IOException e) {
            Sockets.closeQuietly(socket);
            throw new ChannelException(NAME + ": cannot connect to loopback port " + port + ": " + e.getMessage(), e);
        }
    }

    private static final class End implements ParentEnd {
        private final ChannelConfig config;
        private final ServerSocketChannel server;
        private final byte[] token;

        End(ChannelConfig config, ServerSocketChannel server, byte[] token) {
            this.config = config;
            this.server = server;
            this.token = token;
        }

        @Override
        public List<String> peerArgs() {
            try {
                return List.of(String.valueOf(((InetSocketAddress) server.getLocalAddress()).getPort()), HexFormat.of().formatHex(token));
            } catch (IOException e) {
                throw new ChannelException(NAME + ": cannot read the listening port: " + e.getMessage(), e);
            }
        }

        @Override
        public Channel connect(PeerWatch peer) {
            BoundedWait wait = new BoundedWait(NAME, config.forSetup(), peer);
            SocketChannel socket = Sockets.accept(server, wait);
            Sockets.closeQuietly(server);
            try {
                socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
                checkToken(socket, wait);
                return Sockets.messages(NAME, config, peer, socket);
            } catch (IOException | RuntimeException e) {
                Sockets.closeQuietly(socket);
                if (e instanceof ChannelException ce) {
                    throw ce;
                }
                throw new ChannelException(NAME + ": cannot set up the accepted connection: " + e.getMessage(), e);
            }
        }

        private void checkToken(SocketChannel socket, BoundedWait wait) throws IOException {
            socket.configureBlocking(false);
            ByteBuffer received = ByteBuffer.allocate(TOKEN_SIZE);
            wait.reset();
            while (received.hasRemaining()) {
                if (socket.read(received) < 0) {
                    throw new PeerGoneException(NAME + ": the connection closed before presenting the peer's token");
                }
                if (received.hasRemaining()) {
                    wait.pauseForSetup("for the peer's token");
                }
            }
            if (!MessageDigest.isEqual(received.array(), token)) {
                throw new ChannelException(NAME + ": the process that connected to port " + socket.socket().getLocalPort()
                        + " did not present the peer's token; another local process connected first");
            }
        }

        @Override
        public void peerConnected() {
            Sockets.closeQuietly(server);
        }

        @Override
        public void close() {
            Sockets.closeQuietly(server);
        }
    }
}
