package io.shmbench.process;

import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real child processes through every step of their life: readiness found, missed (the child
 * exited: its exit code and log, not a timeout) and timed out; stopping by closing stdin, by
 * SIGTERM and, for a child that ignores both, by SIGKILL; the cleanup run once; nothing left.
 */
@ExtendWith(NoLeaks.class)
class ChildProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Short, so that a child that ignores a step costs the test little; no result depends on it. */
    private static final Duration STEP = Duration.ofSeconds(1);

    @TempDir
    Path logs;

    private ChildProcess shell(String script, Path log, Runnable cleanup) {
        return ChildProcess.start("the test child", new ProcessBuilder("sh", "-c", script), log, cleanup);
    }

    @Test
    void aChildThatEndsWithItsStdinIsStoppedByClosingItAndGetsWhatWasSent() throws IOException {
        Path log = logs.resolve("cat.log");
        AtomicInteger cleanups = new AtomicInteger();
        ChildProcess child = shell("exec cat", log, cleanups::incrementAndGet);
        child.send("hello");
        child.stop(WAIT);
        assertEquals(OptionalInt.of(0), child.awaitExit(WAIT), "it exited by itself: " + child.exitDescription());
        assertEquals("hello", Files.readString(log).strip(), "its stdout went to the log");
        child.close(); // idempotent
        assertEquals(1, cleanups.get(), "the cleanup runs once");
    }

    @Test
    void aChildThatIgnoresItsStdinIsTerminated() {
        ChildProcess child = shell("exec sleep 300", logs.resolve("sleep.log"), () -> { });
        child.stop(STEP);
        assertEquals(OptionalInt.of(128 + 15), child.awaitExit(WAIT), "ended by SIGTERM");
    }

    @Test
    void aChildThatIgnoresStdinAndSigtermIsKilledAndStillCleanedUp() {
        AtomicInteger cleanups = new AtomicInteger();
        ChildProcess child = shell("trap '' TERM; exec sleep 300", logs.resolve("stubborn.log"), cleanups::incrementAndGet);
        child.stop(STEP);
        assertEquals(OptionalInt.of(128 + 9), child.awaitExit(WAIT), "ended by SIGKILL");
        assertFalse(child.isAlive());
        assertEquals(1, cleanups.get());
    }

    @Test
    void readinessIsFoundInWhatTheChildDoes() {
        Path log = logs.resolve("ready.log");
        try (ChildProcess child = shell("echo up; exec sleep 300", log, () -> { })) {
            child.awaitReady("up", WAIT, () -> read(log).contains("up"));
            assertTrue(child.isAlive());
        }
    }

    @Test
    void aChildThatExitsBeforeItIsReadyIsReportedWithItsExitCodeAndLogNotAsATimeout() {
        Path log = logs.resolve("fails.log");
        try (ChildProcess child = shell("echo cannot start >&2; exit 7", log, () -> { })) {
            NotReadyException e = assertThrows(NotReadyException.class, () -> child.awaitReady("ready", WAIT, () -> false));
            assertFalse(e.timedOut());
            assertTrue(e.getMessage().startsWith("the test child (pid " + child.pid() + ") exited with code 7 before ready; its output is in "
                    + log), e.getMessage());
            assertTrue(child.logTail().endsWith("cannot start"), child.logTail());
        }
    }

    @Test
    void aChildThatRunsButIsNeverReadyTimesOut() {
        try (ChildProcess child = shell("exec sleep 300", logs.resolve("never.log"), () -> { })) {
            NotReadyException e = assertThrows(NotReadyException.class, () -> child.awaitReady("ready", STEP, () -> false));
            assertTrue(e.timedOut());
            assertTrue(e.getMessage().contains("is running but not ready"), e.getMessage());
            assertTrue(child.isAlive(), "a timeout does not stop the child; close does");
        }
    }

    @Test
    void aJvmChildRunsWithTheSuitesFlagsAndClassPath() {
        Path log = logs.resolve("jvm.log");
        try (ChildProcess child = ChildProcess.start("a JVM", new ProcessBuilder(JavaCommand.of(PrintsItsFlags.class,
                List.of("-Xmx32m"), List.of("arg"))), log)) {
            assertEquals(OptionalInt.of(0), child.awaitExit(WAIT), child.logTail());
            assertTrue(child.logTail().contains("arg " + JavaCommand.FLAGS.getFirst() + " -Xmx32m"), child.logTail());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Prints its argument and its first and last JVM flags. */
    public static final class PrintsItsFlags {
        public static void main(String[] args) {
            List<String> flags = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
            System.out.println(args[0] + " " + flags.getFirst() + " " + flags.getLast());
        }
    }
}
