package io.shmbench.testutil;

import io.shmbench.run.JmhLock;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;

/**
 * JMH's lock file held by this JVM, as another JMH instance would hold it. Taken without waiting:
 * if a real JMH run on this machine holds it, the test is skipped (said why) rather than blocked.
 */
public final class HeldJmhLock implements AutoCloseable {
    private final RandomAccessFile file;
    private final FileLock lock;

    private HeldJmhLock(RandomAccessFile file, FileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    public static HeldJmhLock take() throws IOException {
        RandomAccessFile file = new RandomAccessFile(JmhLock.FILE.toFile(), "rw");
        FileLock lock = file.getChannel().tryLock();
        if (lock == null) {
            file.close();
            Assumptions.abort(JmhLock.FILE + " is held by a JMH run on this machine; this test needs to hold it itself");
        }
        return new HeldJmhLock(file, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        file.close();
    }
}
