package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * What the socket transports ({@code tcp}, {@code uds}) share: NIO sets the connection up
 * (addresses, {@code TCP_NODELAY}, {@link java.net.UnixDomainSocketAddress}); the messages then go
 * through the socket's own descriptor with {@link NativeFd}, exactly as for pipes and FIFOs. NIO's
 * gathering write allocates per call for buffers made from segments, and its reads and writes add
 * locking on top of the system call; the raw descriptor keeps the measurement to the mechanism.
 * The descriptor comes from {@code sun.nio.ch.SelChImpl.getFDVal()}, which needs
 * {@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED} (in {@code io.shmbench.process.JavaCommand}).
 */
final class Sockets {
    private Sockets() {
    }

    /**
     * The connected socket as a stream of messages over its descriptor; the NIO channel stays the
     * owner and closes the descriptor when the returned channel closes.
     */
    static Channel messages(String transport, ChannelConfig config, PeerWatch peer, SocketChannel socket) {
        try {
            socket.configureBlocking(false);
            Method fdVal = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
            int fd = (int) fdVal.invoke(socket);
            String description = transport + " socket";
            return new StreamChannel(transport, config, peer, NativeFd.borrowed(fd, description), NativeFd.borrowed(fd, description),
                    true, socket);
        } catch (IllegalAccessException e) {
            closeQuietly(socket);
            throw new ChannelException(transport + ": cannot reach the socket's descriptor; run with "
                    + "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED (io.shmbench.process.JavaCommand)", e);
        } catch (IOException | ReflectiveOperationException e) {
            closeQuietly(socket);
            throw new ChannelException(transport + ": cannot set up the socket: " + e, e);
        }
    }

    /** Accepts one connection, waiting up to the timeout and watching the peer meanwhile. */
    static SocketChannel accept(ServerSocketChannel server, BoundedWait wait) {
        try {
            server.configureBlocking(false);
            wait.reset();
            SocketChannel accepted;
            while ((accepted = server.accept()) == null) {
                wait.pauseForSetup("for the peer to connect to " + server.getLocalAddress());
            }
            return accepted;
        } catch (IOException e) {
            throw new ChannelException(wait.transport() + ": accept failed: " + e.getMessage(), e);
        }
    }

    static void closeQuietly(Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // closing on a failure path or at shutdown
        }
    }
}
