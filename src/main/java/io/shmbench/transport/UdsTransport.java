package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.shm.PrivateDirectory;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code uds}: a Unix domain stream socket ({@link UnixDomainSocketAddress}). The socket file lives
 * in a private 0700 directory, so only this user can connect; it is removed once the peer is
 * connected.
 */
final class UdsTransport extends BaseTransport {
    static final String NAME = "uds";
    private static final String SOCKET_FILE = "socket";

    UdsTransport() {
        super(NAME, "Unix domain stream socket, socket file in a private directory", STREAM_LIMIT);
    }

    @Override
    public boolean blocksInKernel() {
        return true;
    }

    @Override
    public ParentEnd prepare(ChannelConfig config) {
        checkSize(config);
        PrivateDirectory dir = PrivateDirectory.create(NAME);
        try {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(dir.resolve(SOCKET_FILE)), 1);
            } catch (IOException e) {
                Sockets.closeQuietly(server);
                throw e;
            }
            return new End(config, dir, server);
        } catch (IOException e) {
            dir.close();
            throw new ChannelException(NAME + ": cannot listen on " + dir.resolve(SOCKET_FILE) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        peerArgs(args, "socket path");
        Path path = Path.of(args.get(0));
        try {
            return Sockets.messages(NAME, config, parent, SocketChannel.open(UnixDomainSocketAddress.of(path)));
        } catch (IOException e) {
            throw new ChannelException(NAME + ": cannot connect to " + path + ": " + e.getMessage(), e);
        }
    }

    private static final class End implements ParentEnd {
        private final ChannelConfig config;
        private final PrivateDirectory dir;
        private final ServerSocketChannel server;

        End(ChannelConfig config, PrivateDirectory dir, ServerSocketChannel server) {
            this.config = config;
            this.dir = dir;
            this.server = server;
        }

        @Override
        public List<String> peerArgs() {
            return List.of(dir.resolve(SOCKET_FILE).toString());
        }

        @Override
        public Channel connect(PeerWatch peer) {
            SocketChannel socket = Sockets.accept(server, new BoundedWait(NAME, config.forSetup(), peer));
            peerConnected();
            return Sockets.messages(NAME, config, peer, socket);
        }

        @Override
        public void peerConnected() {
            Sockets.closeQuietly(server);
            dir.close();
        }

        @Override
        public void close() {
            peerConnected();
        }
    }
}
