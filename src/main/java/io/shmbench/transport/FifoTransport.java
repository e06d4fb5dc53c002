package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.shm.Libc;
import io.shmbench.shm.PrivateDirectory;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code fifo}: two named pipes ({@code mkfifo(3)}, 0600) in a private 0700 directory.
 *
 * <p>Each side opens its reading end first (non-blocking, so it never waits) and then retries
 * opening its writing end until the other side's reader is there (ENXIO until then). The names
 * are removed as soon as the peer's ready message arrives.
 */
final class FifoTransport extends BaseTransport {
    static final String NAME = "fifo";
    private static final String TO_PEER = "to-peer";
    private static final String FROM_PEER = "from-peer";
    private static final MethodHandle MKFIFO = Libc.functionWithErrno("mkfifo",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

    FifoTransport() {
        super(NAME, "two named pipes (mkfifo) in a private directory", STREAM_LIMIT);
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
            mkfifo(dir.resolve(TO_PEER));
            mkfifo(dir.resolve(FROM_PEER));
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
        return new End(config, dir);
    }

    @Override
    public Channel openPeer(List<String> args, ChannelConfig config, PeerWatch parent) {
        peerArgs(args, "to-peer FIFO path", "from-peer FIFO path");
        return open(config, parent, Path.of(args.get(0)), Path.of(args.get(1)));
    }

    /** Opens the reading FIFO, then waits for the other side's reader to open the writing one. */
    private static Channel open(ChannelConfig config, PeerWatch other, Path readPath, Path writePath) {
        NativeFd in = NativeFd.open(readPath, NativeFd.O_RDONLY, -1);
        try {
            BoundedWait wait = new BoundedWait(NAME, config.forSetup(), other);
            NativeFd out;
            while ((out = NativeFd.open(writePath, NativeFd.O_WRONLY, NativeFd.ENXIO)) == null) {
                wait.pauseForSetup("for the other side to open " + writePath);
            }
            return new StreamChannel(NAME, config, other, in, out, false, null);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void mkfifo(Path path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.callStateLayout());
            if ((int) MKFIFO.invokeExact(state, arena.allocateFrom(path.toString()), 0600) != 0) {
                throw new ChannelException("mkfifo(" + path + ") failed: " + Libc.strerror(Libc.errno(state)));
            }
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("mkfifo(" + path + ") failed: " + t, t);
        }
    }

    private static final class End implements ParentEnd {
        private final ChannelConfig config;
        private final PrivateDirectory dir;

        End(ChannelConfig config, PrivateDirectory dir) {
            this.config = config;
            this.dir = dir;
        }

        @Override
        public List<String> peerArgs() {
            return List.of(dir.resolve(TO_PEER).toString(), dir.resolve(FROM_PEER).toString());
        }

        @Override
        public Channel connect(PeerWatch peer) {
            return open(config, peer, dir.resolve(FROM_PEER), dir.resolve(TO_PEER));
        }

        @Override
        public void peerConnected() {
            dir.close();
        }

        @Override
        public void close() {
            dir.close();
        }
    }
}
