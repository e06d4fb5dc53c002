package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.shm.Libc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * A file descriptor this process owns, used through FFM: non-blocking {@code read}/{@code write}/
 * {@code writev} straight between the caller's segment and the kernel (no JDK buffer in between),
 * and {@code poll} to sleep until it is ready. Reads and writes never block (the descriptor is
 * O_NONBLOCK), so they are linked as critical calls, which also lets them take heap segments.
 */
final class NativeFd implements AutoCloseable {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int EPIPE = 32;
    static final int ENXIO = 6;
    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;

    private static final Linker.Option CRITICAL = Linker.Option.critical(true);
    // Native segments are passed as raw addresses (no slice object per call); heap segments as slices.
    private static final MethodHandle READ = Libc.functionWithErrno("read",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), CRITICAL);
    private static final MethodHandle READ_ADDRESS = Libc.functionWithErrno("read",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), CRITICAL);
    private static final MethodHandle WRITE = Libc.functionWithErrno("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), CRITICAL);
    private static final MethodHandle WRITE_ADDRESS = Libc.functionWithErrno("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), CRITICAL);
    // Pointers to this class's own structs go as raw addresses too: a downcall given two segments
    // (the errno capture and a struct) allocates on every call.
    private static final MethodHandle WRITEV = Libc.functionWithErrno("writev",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), CRITICAL);
    private static final MethodHandle POLL = Libc.functionWithErrno("poll",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle FCNTL = Libc.functionWithErrno("fcntl",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle OPEN = Libc.functionWithErrno("open",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = Libc.function("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle PIPE2 = Libc.functionWithErrno("pipe2",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    /** struct iovec { void *base; size_t len; } */
    private static final long IOVEC_SIZE = 16;

    private final int fd;
    private final String description;
    private final boolean owned;
    /** Shared, not automatic: a downcall taking a segment of an automatic arena allocates on every call. */
    private final Arena arena = Arena.ofShared();
    private final MemorySegment callState;
    private final MemorySegment pollFd;
    private final MemorySegment iovecs;
    private boolean closed;

    NativeFd(int fd, String description) {
        this(fd, description, true);
    }

    private NativeFd(int fd, String description, boolean owned) {
        this.fd = fd;
        this.description = description;
        this.owned = owned;
        this.callState = arena.allocate(Libc.callStateLayout());
        this.pollFd = arena.allocate(8, 8);
        this.iovecs = arena.allocate(2 * IOVEC_SIZE, 8);
        pollFd.set(ValueLayout.JAVA_INT, 0, fd);
    }

    /** A descriptor that something else (a NIO channel) owns and closes; {@link #close()} leaves it open. */
    static NativeFd borrowed(int fd, String description) {
        return new NativeFd(fd, description, false);
    }

    /** Opens a path (a FIFO) non-blocking; returns null when {@code retryErrno} says "not yet" (ENXIO: no reader). */
    static NativeFd open(Path path, int flags, int retryErrno) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.callStateLayout());
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path.toString()), flags | O_NONBLOCK | O_CLOEXEC, 0);
            if (fd >= 0) {
                return new NativeFd(fd, path.toString());
            }
            int errno = Libc.errno(state);
            if (errno == retryErrno) {
                return null;
            }
            throw new ChannelException("cannot open " + path + ": " + Libc.strerror(errno));
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("open(" + path + ") failed: " + t, t);
        }
    }

    /** A new pipe; element 0 is the read end, 1 the write end, both close-on-exec. */
    static NativeFd[] pipe(String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            MemorySegment state = arena.allocate(Libc.callStateLayout());
            if ((int) PIPE2.invokeExact(state, fds, O_CLOEXEC) != 0) {
                throw new ChannelException("pipe2() failed: " + Libc.strerror(Libc.errno(state)));
            }
            return new NativeFd[] {
                new NativeFd(fds.getAtIndex(ValueLayout.JAVA_INT, 0), what + " (read end)"),
                new NativeFd(fds.getAtIndex(ValueLayout.JAVA_INT, 1), what + " (write end)")};
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("pipe2() failed: " + t, t);
        }
    }

    int fd() {
        return fd;
    }

    /** The errno capture segment of this descriptor's calls (for callers that make their own calls on it, such as mq_send). */
    MemorySegment callState() {
        return callState;
    }

    /** Sets O_NONBLOCK (the descriptors this class creates have it; inherited ones such as stdin need it set). */
    NativeFd nonBlocking() {
        try {
            int flags = (int) FCNTL.invokeExact(callState, fd, F_GETFL, 0);
            if (flags < 0 || (int) FCNTL.invokeExact(callState, fd, F_SETFL, flags | O_NONBLOCK) < 0) {
                throw new ChannelException("fcntl(" + description + ", O_NONBLOCK) failed: " + Libc.strerror(Libc.errno(callState)));
            }
            return this;
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("fcntl failed: " + t, t);
        }
    }

    /** Bytes read (&gt; 0), 0 when nothing is there yet, -1 at end of stream. */
    long read(MemorySegment target, long offset, long length) {
        try {
            long n = target.isNative()
                    ? (long) READ_ADDRESS.invokeExact(callState, fd, target.address() + offset, length)
                    : (long) READ.invokeExact(callState, fd, target.asSlice(offset, length), length);
            if (n > 0) {
                return n;
            }
            if (n == 0) {
                return -1;
            }
            int errno = Libc.errno(callState);
            if (errno == EAGAIN || errno == EINTR) {
                return 0;
            }
            throw new ChannelException("read(" + description + ") failed: " + Libc.strerror(errno));
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("read(" + description + ") failed: " + t, t);
        }
    }

    /** Bytes written (&ge; 0; 0 when the pipe is full), -1 when the reader is gone (EPIPE). */
    long write(MemorySegment source, long offset, long length) {
        try {
            long n = source.isNative()
                    ? (long) WRITE_ADDRESS.invokeExact(callState, fd, source.address() + offset, length)
                    : (long) WRITE.invokeExact(callState, fd, source.asSlice(offset, length), length);
            return result(n, "write");
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("write(" + description + ") failed: " + t, t);
        }
    }

    /** Like {@link #write} for two native segments in one call ({@code writev}). */
    long write(MemorySegment first, long firstOffset, long firstLength, MemorySegment second, long secondOffset, long secondLength) {
        iovecs.set(ValueLayout.JAVA_LONG, 0, first.address() + firstOffset);
        iovecs.set(ValueLayout.JAVA_LONG, 8, firstLength);
        iovecs.set(ValueLayout.JAVA_LONG, 16, second.address() + secondOffset);
        iovecs.set(ValueLayout.JAVA_LONG, 24, secondLength);
        try {
            return result((long) WRITEV.invokeExact(callState, fd, iovecs.address(), 2), "writev");
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("writev(" + description + ") failed: " + t, t);
        }
    }

    private long result(long n, String call) {
        if (n >= 0) {
            return n;
        }
        int errno = Libc.errno(callState);
        if (errno == EAGAIN || errno == EINTR) {
            return 0;
        }
        if (errno == EPIPE) {
            return -1;
        }
        throw new ChannelException(call + "(" + description + ") failed: " + Libc.strerror(errno));
    }

    /** Sleeps until readable/writable (or hung up), at most {@code millis}. */
    void poll(short events, int millis) {
        pollFd.set(ValueLayout.JAVA_SHORT, 4, events);
        pollFd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
        try {
            int n = (int) POLL.invokeExact(callState, pollFd.address(), 1L, millis);
            if (n < 0 && Libc.errno(callState) != EINTR) {
                throw new ChannelException("poll(" + description + ") failed: " + Libc.strerror(Libc.errno(callState)));
            }
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("poll(" + description + ") failed: " + t, t);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                if (owned) {
                    int ignored = (int) CLOSE.invokeExact(fd);
                }
            } catch (Throwable t) {
                throw new ChannelException("close(" + description + ") failed: " + t, t);
            } finally {
                try {
                    arena.close();
                } catch (IllegalStateException inUse) {
                    // another thread is still inside a call on this descriptor (closing at shutdown): leave it to exit
                }
            }
        }
    }

    @Override
    public String toString() {
        return description + " (fd " + fd + ")";
    }
}
