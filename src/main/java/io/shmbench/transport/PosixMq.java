package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.shm.Libc;

import java.io.FileInputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * POSIX message queues through FFM ({@code mq_open(3)} and friends live in glibc). On Linux a queue
 * descriptor is a file descriptor, so it is held as a {@link NativeFd}: {@code poll(2)} waits on it
 * and {@code close(2)} is {@code mq_close(3)}.
 */
final class PosixMq {
    static final Path MSGSIZE_MAX = Path.of("/proc/sys/fs/mqueue/msgsize_max");
    static final Path MSG_MAX = Path.of("/proc/sys/fs/mqueue/msg_max");
    private static final int O_CREAT = 0x40;
    private static final int O_EXCL = 0x80;
    private static final int ENOENT = 2;
    /** struct mq_attr { long mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs; long reserved[4]; } */
    private static final long ATTR_SIZE = 64;
    private static final long ATTR_MAXMSG = 8;
    private static final long ATTR_MSGSIZE = 16;

    /** mq_open is variadic (mode and attr follow oflag only with O_CREAT). */
    private static final MethodHandle MQ_OPEN = Libc.functionWithErrno("mq_open",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle MQ_GETATTR = Libc.functionWithErrno("mq_getattr",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final MethodHandle MQ_UNLINK = Libc.functionWithErrno("mq_unlink",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    // The descriptors are non-blocking, so these never sleep: critical calls, heap segments allowed.
    private static final Linker.Option CRITICAL = Linker.Option.critical(true);
    static final MethodHandle MQ_SEND = Libc.functionWithErrno("mq_send",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), CRITICAL);
    static final MethodHandle MQ_SEND_ADDRESS = Libc.functionWithErrno("mq_send",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), CRITICAL);
    static final MethodHandle MQ_RECEIVE = Libc.functionWithErrno("mq_receive",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), CRITICAL);
    static final MethodHandle MQ_RECEIVE_ADDRESS = Libc.functionWithErrno("mq_receive",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), CRITICAL);

    private PosixMq() {
    }

    /** Creates a new queue (O_EXCL, 0600) and opens it non-blocking with {@code access} (O_RDONLY/O_WRONLY). */
    static NativeFd create(String name, int access, int maxMessages, int messageSize) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
            attr.set(ValueLayout.JAVA_LONG, ATTR_MAXMSG, maxMessages);
            attr.set(ValueLayout.JAVA_LONG, ATTR_MSGSIZE, messageSize);
            return open(arena, name, access | O_CREAT | O_EXCL, attr);
        }
    }

    /** Opens an existing queue non-blocking. */
    static NativeFd open(String name, int access) {
        try (Arena arena = Arena.ofConfined()) {
            return open(arena, name, access, MemorySegment.NULL);
        }
    }

    private static NativeFd open(Arena arena, String name, int flags, MemorySegment attr) {
        MemorySegment state = arena.allocate(Libc.callStateLayout());
        int fd;
        try {
            fd = (int) MQ_OPEN.invokeExact(state, arena.allocateFrom(name), flags | NativeFd.O_NONBLOCK | NativeFd.O_CLOEXEC, 0600, attr);
        } catch (Throwable t) {
            throw new ChannelException("mq_open(" + name + ") failed: " + t, t);
        }
        if (fd < 0) {
            int errno = Libc.errno(state);
            throw new ChannelException("mq_open(" + name + ") failed: " + Libc.strerror(errno)
                    + (errno == 22 ? " (message size or queue length above /proc/sys/fs/mqueue limits?)" : ""));
        }
        return new NativeFd(fd, "message queue " + name);
    }

    /** Removes the queue's name; true when it existed. */
    static boolean unlink(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.callStateLayout());
            int result = (int) MQ_UNLINK.invokeExact(state, arena.allocateFrom(name));
            if (result == 0) {
                return true;
            }
            if (Libc.errno(state) == ENOENT) {
                return false;
            }
            throw new ChannelException("mq_unlink(" + name + ") failed: " + Libc.strerror(Libc.errno(state)));
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("mq_unlink(" + name + ") failed: " + t, t);
        }
    }

    /** A queue's geometry as the kernel holds it. */
    record Attributes(long maxMessages, long messageSize) {
    }

    static Attributes attributes(NativeFd queue) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Libc.callStateLayout());
            MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
            if ((int) MQ_GETATTR.invokeExact(state, queue.fd(), attr) != 0) {
                throw new ChannelException("mq_getattr(" + queue + ") failed: " + Libc.strerror(Libc.errno(state)));
            }
            return new Attributes(attr.get(ValueLayout.JAVA_LONG, ATTR_MAXMSG), attr.get(ValueLayout.JAVA_LONG, ATTR_MSGSIZE));
        } catch (ChannelException e) {
            throw e;
        } catch (Throwable t) {
            throw new ChannelException("mq_getattr failed: " + t, t);
        }
    }

    /** True when a queue of that name exists (tests use it to prove nothing was left). */
    static boolean exists(String name) {
        try {
            open(name, NativeFd.O_RDONLY).close();
            return true;
        } catch (ChannelException e) {
            return false;
        }
    }

    /** The host's limits from /proc/sys/fs/mqueue. */
    record Limits(int msgsizeMax, int msgMax) {
        static Limits read() {
            return new Limits(readInt(MSGSIZE_MAX), readInt(MSG_MAX));
        }

        private static int readInt(Path path) {
            // Not Files.readString: on JDK 25 it returns "8" for this /proc file holding "8192\n"
            // (the file reports size 0); a plain stream reads it whole.
            try (FileInputStream in = new FileInputStream(path.toFile())) {
                return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
            } catch (IOException | NumberFormatException e) {
                throw new ChannelException("cannot read the POSIX message queue limit " + path + ": " + e.getMessage(), e);
            }
        }
    }
}
