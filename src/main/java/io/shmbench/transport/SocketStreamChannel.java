package io.shmbench.transport;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * A {@link StreamChannel} over a connected NIO {@link SocketChannel} (the {@code tcp} and
 * {@code uds} transports). The socket is non-blocking; a blocking wait is one
 * {@code epoll_wait(2)} through a selector made once per direction. NIO reads and writes native
 * segments (direct buffers) without a copy; the buffer views are made once per segment.
 */
final class SocketStreamChannel extends StreamChannel {
    private static final Consumer<SelectionKey> IGNORE_KEY = key -> { };

    private final SocketChannel socket;
    private final Selector readable;
    private final Selector writable;
    private final ByteBuffer headerBuffer = header.asByteBuffer();
    private final BufferView readView = new BufferView();
    private final BufferView writeView = new BufferView();
    private final ByteBuffer[] gather = new ByteBuffer[2];

    SocketStreamChannel(String transport, ChannelConfig config, PeerWatch peer, SocketChannel socket) {
        super(transport, config, peer);
        this.socket = socket;
        try {
            socket.configureBlocking(false);
            if (config.waitMode() == WaitMode.BLOCK) {
                readable = Selector.open();
                writable = Selector.open();
                socket.register(readable, SelectionKey.OP_READ);
                socket.register(writable, SelectionKey.OP_WRITE);
            } else {
                readable = null;
                writable = null;
            }
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ChannelException(transport + ": cannot set up the socket: " + e.getMessage(), e);
        }
    }

    /** Accepts one connection on a non-blocking server socket, waiting up to the timeout. */
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

    @Override
    long readSome(MemorySegment target, long offset, long length) {
        ByteBuffer buffer = target == header ? headerBuffer.limit((int) (offset + length)) : readView.of(target, (int) (offset + length));
        buffer.position((int) offset);
        try {
            return socket.read(buffer);
        } catch (ClosedChannelException e) {
            throw new ChannelException(transport + ": the channel is closed", e);
        } catch (IOException e) {
            return -1; // reset by the peer: it is gone
        }
    }

    @Override
    long writeSome(MemorySegment source, long offset, long length) {
        ByteBuffer buffer = writeView.of(source, (int) (offset + length));
        buffer.position((int) offset);
        return write(buffer);
    }

    @Override
    long writeHeaderAndPayload(long headerOffset, MemorySegment payload, int length) {
        headerBuffer.limit(HEADER_SIZE).position((int) headerOffset);
        if (length == 0) {
            return write(headerBuffer);
        }
        gather[0] = headerBuffer;
        gather[1] = writeView.of(payload, length);
        try {
            return socket.write(gather);
        } catch (ClosedChannelException e) {
            throw new ChannelException(transport + ": the channel is closed", e);
        } catch (IOException e) {
            return -1; // broken pipe: the peer is gone
        }
    }

    private long write(ByteBuffer buffer) {
        try {
            return socket.write(buffer);
        } catch (ClosedChannelException e) {
            throw new ChannelException(transport + ": the channel is closed", e);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    void sleepUntilReady(boolean forWrite, int millis) {
        try {
            (forWrite ? writable : readable).select(IGNORE_KEY, millis);
        } catch (IOException e) {
            throw new ChannelException(transport + ": select failed: " + e.getMessage(), e);
        }
    }

    @Override
    void closeStreams() {
        try {
            if (readable != null) {
                readable.close();
                writable.close();
            }
        } catch (IOException ignored) {
            // the socket below is what matters
        } finally {
            closeQuietly(socket);
        }
    }

    static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // closing on a failure path or at shutdown
        }
    }
}
