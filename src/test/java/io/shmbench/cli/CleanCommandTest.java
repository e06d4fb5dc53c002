package io.shmbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.shmbench.shm.DeadProcess;
import io.shmbench.shm.Leftovers;
import io.shmbench.shm.SharedSegment;
import io.shmbench.shm.SuiteName;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * {@code clean} on the real roots: a segment in /dev/shm and a private directory under
 * java.io.tmpdir left by a dead process go; those of this live process stay.
 */
class CleanCommandTest {
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void removesLeftoversOfADeadProcessAndKeepsThoseOfALiveOne() throws Exception {
        long deadPid = DeadProcess.pid();
        SharedSegment dead = SharedSegment.create(SharedSegment.DEFAULT_DIR,
                new SuiteName("ring", deadPid, SuiteName.fresh("ring").random()), 4096);
        SharedSegment live = SharedSegment.create("ring", 4096);
        Path deadDir = TMP.resolve(new SuiteName("fifo", deadPid, SuiteName.fresh("fifo").random()).toString());
        Path liveDir = TMP.resolve(SuiteName.fresh("fifo").toString());
        try {
            dead.close();
            live.close();
            for (Path dir : new Path[] {deadDir, liveDir}) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.writeString(dir.resolve("inside"), "x");
            }

            CommandRun dryRun = CommandRun.main("clean", "--dry-run");
            assertEquals(0, dryRun.exit(), dryRun.toString());
            assertTrue(Files.exists(dead.path()), "a dry run removes nothing");
            assertTrue(Files.exists(deadDir), "a dry run removes nothing");
            assertTrue(dryRun.out().contains("would remove " + dead.path()), dryRun.toString());
            assertTrue(dryRun.out().contains("would remove " + deadDir), dryRun.toString());

            CommandRun run = CommandRun.main("clean");

            assertEquals(0, run.exit(), run.toString());
            assertFalse(Files.exists(dead.path(), LinkOption.NOFOLLOW_LINKS), run.toString());
            assertFalse(Files.exists(deadDir, LinkOption.NOFOLLOW_LINKS), run.toString());
            assertTrue(Files.exists(live.path()), run.toString());
            assertTrue(Files.exists(liveDir.resolve("inside")), run.toString());
            assertTrue(run.out().contains("removed      " + dead.path() + " (shared-memory segment of pid " + deadPid
                    + ", which is dead)"), run.toString());
            assertTrue(run.out().contains("removed      " + deadDir), run.toString());
            assertTrue(run.out().contains("kept         " + live.path() + " (its creator, pid "
                    + ProcessHandle.current().pid() + ", is running)"), run.toString());
            assertTrue(run.out().contains("kept         " + liveDir), run.toString());
            assertTrue(run.out().lines().anyMatch(l -> l.matches("clean: removed \\d+, kept \\d+, failed 0")), run.toString());
        } finally {
            dead.unlink();
            live.unlink();
            for (Path dir : new Path[] {deadDir, liveDir}) {
                Files.deleteIfExists(dir.resolve("inside"));
                Files.deleteIfExists(dir);
            }
        }
    }

    @Test
    void saysSoWhenMessageQueuesCannotBeListed() {
        assumeFalse(Leftovers.isMessageQueueMount(Leftovers.MESSAGE_QUEUE_DIR), "/dev/mqueue is mounted here");

        CommandRun run = CommandRun.main("clean", "--dry-run");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("note         /dev/mqueue (not mounted, so leftover message queues cannot be listed"),
                run.toString());
    }
}
