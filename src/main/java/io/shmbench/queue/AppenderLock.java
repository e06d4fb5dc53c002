package io.shmbench.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-appender rule: an exclusive POSIX lock on {@link QueueLayout#LOCK_FILE}, which the kernel
 * drops when the holder dies, so a crashed appender never blocks its successor.
 *
 * <p>POSIX locks belong to a process, and closing <em>any</em> descriptor of the file drops all of the
 * process's locks on it. So within one JVM the lock file is opened only by the holder: a second
 * appender in the same process is refused by {@link #HELD} before it opens the file, and
 * {@link #recordedPid} does not read the file where this JVM holds the lock.
 */
final class AppenderLock implements AutoCloseable {
    /** File keys (device, inode) of the queue directories whose appender lock this JVM holds. */
    private static final Set<Object> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final Object key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private AppenderLock(Path directory, Object key, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static AppenderLock acquire(Path directory) {
        Path file = directory.resolve(QueueLayout.LOCK_FILE);
        Object key = key(directory);
        long me = ProcessHandle.current().pid();
        if (!HELD.add(key)) {
            throw new QueueException("queue " + directory + " already has a live appender in this process (pid " + me
                    + "); a queue has exactly one appender: close it first");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new QueueException("queue " + directory + " already has a live appender (" + holder(channel)
                        + " holds the lock on " + file + "); a queue has exactly one appender");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new AppenderLock(directory, key, channel, lock);
        } catch (NoSuchFileException e) {
            release(key, channel);
            throw new QueueException("queue " + directory + " has no " + QueueLayout.LOCK_FILE + "; it is not a shmbench queue", e);
        } catch (IOException e) {
            release(key, channel);
            throw new QueueException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(key, channel);
            throw e;
        }
    }

    /**
     * The pid the last appender wrote into the lock file (it may have died since), or empty when no
     * appender has one open.
     */
    static OptionalLong recordedPid(Path directory) {
        if (HELD.contains(key(directory))) {
            return OptionalLong.of(ProcessHandle.current().pid());
        }
        try {
            String text = Files.readString(directory.resolve(QueueLayout.LOCK_FILE), StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(32);
        channel.read(bytes, 0);
        String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip();
        return text.isEmpty() ? "another process" : "pid " + text;
    }

    private static Object key(Path directory) {
        try {
            return Files.readAttributes(directory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            throw new QueueException("cannot read the attributes of queue directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void release(Object key, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing a descriptor we only read from
        } finally {
            HELD.remove(key);
        }
    }

    /** Clears the pid and gives the lock up. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            throw new QueueException("cannot release the appender lock of " + directory + ": " + e.getMessage(), e);
        } finally {
            release(key, channel);
        }
    }
}
