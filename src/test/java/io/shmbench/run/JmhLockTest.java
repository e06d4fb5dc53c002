package io.shmbench.run;

import io.shmbench.testutil.HeldJmhLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Telling a busy JMH lock apart, before a run and from JMH's own refusal. */
class JmhLockTest {
    @TempDir
    Path dir;

    @Test
    void aFreeLockLetsTheRunStartAndABusyOneSaysWhoToWaitFor() throws Exception {
        Path lockFile = dir.resolve("jmh.lock");
        assertTrue(JmhLock.heldElsewhere(lockFile).isEmpty(), "nobody holds it");

        try (RandomAccessFile raf = new RandomAccessFile(lockFile.toFile(), "rw");
             FileLock held = raf.getChannel().lock()) {
            String why = JmhLock.heldElsewhere(lockFile).orElseThrow();
            assertTrue(why.contains(lockFile.toString()) && why.contains("another JMH instance"), why);
        }
        assertTrue(JmhLock.heldElsewhere(lockFile).isEmpty(), "released again, and the check itself holds nothing");
    }

    @Test
    void jmhsOwnRefusalIsRecognised() throws Exception {
        // This JVM's JMH locks the same file JmhLock.FILE names; holding it here makes JMH refuse.
        try (HeldJmhLock held = HeldJmhLock.take()) {
            RunnerException refusal = assertThrows(RunnerException.class,
                    () -> new Runner(new OptionsBuilder().include("nothing-to-run").build()).run());
            assertTrue(JmhLock.refused(refusal), refusal.getMessage());
        }
        assertFalse(JmhLock.refused(new RunnerException("ERROR: No benchmarks to run")));
        assertFalse(JmhLock.refused(new IllegalStateException("Another JMH instance might be running")));
        assertFalse(JmhLock.refused(new RunnerException("ERROR: Unable to create the JMH lock (/tmp/jmh.lock), exiting.")),
                "a lock file JMH cannot create is not a busy lock: waiting would not help");
    }
}
