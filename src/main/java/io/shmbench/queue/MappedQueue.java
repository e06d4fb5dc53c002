package io.shmbench.queue;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.shm.Libc;
import io.shmbench.shm.PrivateDirectory;
import io.shmbench.shm.SuiteName;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An append-only queue of records in memory-mapped chunk files, in the style of Chronicle Queue: one
 * appender, any number of tailers in any processes, records kept until the queue is deleted. The
 * files follow {@link QueueLayout}.
 *
 * <p>One process creates the queue ({@link #create}: a private directory named by {@link SuiteName},
 * under {@code java.io.tmpdir} or a given parent), others open it by its directory ({@link #open}).
 * {@link #close} unmaps everything this object opened; {@link #delete} also removes the directory, so
 * tests and benchmarks leave nothing behind.
 *
 * <pre>{@code
 * try (MappedQueue queue = MappedQueue.create(QueueConfig.DEFAULT)) {
 *     QueueAppender appender = queue.appender();
 *     long at = appender.claim(64);                        // zero-copy: write the payload at `at`
 *     appender.buffer().set(ValueLayout.JAVA_LONG, at, 42L); // payloads start 8-byte-aligned
 *     appender.publish(8);
 *     QueueTailer tailer = queue.tailer(WaitStrategy.PARK);
 *     int length = tailer.receive(1_000_000_000L);         // read in place at tailer.offset()
 *     queue.delete();
 * }
 * }</pre>
 */
public final class MappedQueue implements AutoCloseable {
    /** Directory kind in the name: {@code shmbench-queue-<pid>-<random>}. */
    public static final String KIND = "queue";

    static {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("the queue layout is little-endian; this platform is not");
        }
    }

    private final Path directory;
    private final QueueConfig config;
    private final ChunkDirectory chunks;
    private final Set<QueueCursor> cursors = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private MappedQueue(Path directory, QueueConfig config) {
        this.directory = directory;
        this.config = config;
        this.chunks = new ChunkDirectory(directory, config);
    }

    /** Creates a queue in a new private directory under {@code java.io.tmpdir}. */
    public static MappedQueue create(QueueConfig config) {
        return create(Path.of(System.getProperty("java.io.tmpdir")), config);
    }

    /** Creates a queue in a new private directory (0700) under {@code parent}, with its lock file and chunk 0. */
    public static MappedQueue create(Path parent, QueueConfig config) {
        Path directory;
        try {
            directory = PrivateDirectory.create(parent, KIND).path();
        } catch (FileAlreadyExistsException e) {
            throw new QueueException(e.getFile() + " already exists; queue directories are created exclusively", e);
        } catch (IOException e) {
            throw new QueueException("cannot create a queue directory under " + parent + ": " + e, e);
        }
        try {
            Files.createFile(directory.resolve(QueueLayout.LOCK_FILE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Chunk.create(directory, config, 0, 0).close();
            return new MappedQueue(directory, config);
        } catch (IOException | RuntimeException e) {
            try {
                deleteDirectory(directory);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof QueueException qe) {
                throw qe;
            }
            throw new QueueException("cannot create queue " + directory + ": " + e, e);
        }
    }

    /**
     * Opens an existing queue after checking that its directory is private to this user and that chunk
     * 0 is a valid chunk; the geometry comes from chunk 0's header.
     */
    public static MappedQueue open(Path directory) {
        checkPrivateDirectory(directory);
        Path lock = directory.resolve(QueueLayout.LOCK_FILE);
        if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
            throw new QueueException(directory + " has no regular file " + QueueLayout.LOCK_FILE + "; it is not a shmbench queue");
        }
        ChunkHeader first = ChunkHeader.read(Chunk.path(directory, 0), 0);
        return new MappedQueue(directory, first.config());
    }

    private static void checkPrivateDirectory(Path directory) {
        PosixFileAttributes attributes;
        int owner;
        try {
            attributes = Files.readAttributes(directory, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            owner = (Integer) Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new QueueException("no queue at " + directory + " (it does not exist)", e);
        } catch (IOException e) {
            throw new QueueException("cannot read the attributes of " + directory + ": " + e.getMessage(), e);
        }
        if (!attributes.isDirectory()) {
            throw new QueueException(directory + " is not a directory" + (attributes.isSymbolicLink() ? " but a symbolic link" : ""));
        }
        int me = Libc.getuid();
        if (owner != me) {
            throw new QueueException(directory + " is owned by uid " + owner + ", not by this user (uid " + me + "); refusing to open it");
        }
        Set<PosixFilePermission> shared = EnumSet.copyOf(attributes.permissions());
        shared.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE));
        if (!shared.isEmpty()) {
            throw new QueueException(directory + " has mode " + PosixFilePermissions.toString(attributes.permissions())
                    + "; a queue directory must be private to its owner (rwx------)");
        }
    }

    public Path directory() {
        return directory;
    }

    public QueueConfig config() {
        return config;
    }

    ChunkDirectory chunks() {
        return chunks;
    }

    /**
     * Opens the queue's only appender, positioned after the last record.
     *
     * @throws QueueException when an appender is already open, in this or another process
     */
    public QueueAppender appender() {
        ensureOpen();
        AppenderLock lock = AppenderLock.acquire(directory);
        try {
            return register(new QueueAppender(this, lock));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Opens a tailer at record 0. */
    public QueueTailer tailer(WaitStrategy waitStrategy) {
        ensureOpen();
        return register(new QueueTailer(this, waitStrategy));
    }

    /**
     * The pid the current (or last) appender recorded in the lock file; empty when none has the queue
     * open. Only for messages: the process may have died since.
     */
    public OptionalLong appenderPid() {
        return AppenderLock.recordedPid(directory);
    }

    private <C extends QueueCursor> C register(C cursor) {
        cursors.add(cursor);
        if (closed) {
            cursor.close();
            ensureOpen();
        }
        return cursor;
    }

    void forget(QueueCursor cursor) {
        cursors.remove(cursor);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("queue " + directory + " is closed");
        }
    }

    /** Closes every appender and tailer opened from this object (unmapping their chunks). Idempotent. */
    @Override
    public void close() {
        closed = true;
        RuntimeException failure = null;
        for (QueueCursor cursor : List.copyOf(cursors)) {
            try {
                cursor.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Closes this object and removes the queue directory with every file in it. Tailers and appenders
     * of other processes keep their mappings until they close; nobody can open the queue any more.
     * Idempotent.
     */
    public void delete() {
        try {
            close();
        } finally {
            deleteDirectory(directory);
        }
    }

    private static void deleteDirectory(Path directory) {
        try {
            PrivateDirectory.deleteTree(directory);
        } catch (IOException e) {
            throw new QueueException("cannot delete queue directory " + directory + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "MappedQueue[" + directory + ", " + config + "]";
    }
}
