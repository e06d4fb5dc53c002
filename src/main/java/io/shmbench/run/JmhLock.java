package io.shmbench.run;

import org.openjdk.jmh.runner.RunnerException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * JMH lets one instance run per machine: every {@code Runner.run()} takes a lock on
 * {@code java.io.tmpdir/jmh.lock} and refuses to start while another process holds it (another
 * shmbench run, or any JMH benchmark). The suite starts one JMH invocation per planned run, so
 * without this check a busy lock would turn every one of them into a "failed" run; instead the
 * run command refuses to start, and a suite that meets the lock part-way stops at once.
 */
public final class JmhLock {
    /** The file JMH 1.37 locks (its {@code Runner.JMH_LOCK_FILE}). */
    public static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");

    private JmhLock() {
    }

    /** Why a run cannot start now, if another process holds {@code lockFile}; the lock is released at once. */
    public static Optional<String> heldElsewhere(Path lockFile) {
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            return Optional.empty();
        }
        try (RandomAccessFile raf = new RandomAccessFile(lockFile.toFile(), "rw");
             FileLock lock = raf.getChannel().tryLock()) {
            return lock != null ? Optional.empty() : Optional.of(busy(lockFile));
        } catch (OverlappingFileLockException e) {
            return Optional.of(busy(lockFile)); // held by this very JVM (a run inside a run)
        } catch (IOException e) {
            // JMH itself will say what is wrong with the file; not this check's business.
            return Optional.empty();
        }
    }

    /**
     * Whether JMH refused a run because another instance holds its lock. JMH's other lock errors
     * (it cannot create or open the file) are not this: they are reported as what they are.
     */
    public static boolean refused(Throwable e) {
        return e instanceof RunnerException && e.getMessage() != null
                && e.getMessage().contains("Another JMH instance might be running");
    }

    /** The message for a lock another JMH instance holds. */
    public static String busy(Path lockFile) {
        return "another JMH instance (another shmbench run or a JMH benchmark on this machine) holds " + lockFile
                + "; JMH runs one instance at a time, and two benchmark runs would disturb each other's timings"
                + " anyway. Wait for it to finish (see: fuser -v " + lockFile + ")";
    }
}
