package io.shmbench.testutil;

import io.shmbench.shm.SharedSegment;
import io.shmbench.shm.SuiteName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leak check finds what this JVM left behind, removes it, and leaves other processes' files alone. */
@ExtendWith(NoLeaks.class)
class NoLeaksTest {
    @Test
    void findsAndRemovesASegmentOfThisJvm() throws IOException {
        Path leaked = ShmFiles.freshPath();
        try {
            Files.createFile(leaked);
            assertTrue(NoLeaks.leftovers().contains(leaked));
            List<String> leaks = NoLeaks.removeLeaks(Duration.ZERO);
            assertEquals(List.of("left in " + leaked.getParent() + ": " + leaked.getFileName()), leaks);
            assertFalse(Files.exists(leaked), "removed");
        } finally {
            ShmFiles.delete(leaked);
        }
    }

    @Test
    void leavesOtherProcessesSegmentsAlone() throws IOException {
        SuiteName mine = SuiteName.fresh("test");
        Path foreign = SharedSegment.DEFAULT_DIR.resolve(new SuiteName("test", 1, mine.random()).toString());
        try {
            Files.createFile(foreign);
            assertFalse(NoLeaks.leftovers().contains(foreign), "pid 1 is neither this JVM nor a child of it");
        } finally {
            ShmFiles.delete(foreign);
        }
    }

    @Test
    void findsAndKillsAChildThatIsStillRunning() throws Exception {
        Process child = new ProcessBuilder("sleep", "300").start();
        try {
            assertEquals(List.of(child.pid()), NoLeaks.liveDescendants(Duration.ZERO).stream().map(ProcessHandle::pid).toList());
            List<String> leaks = NoLeaks.removeLeaks(Duration.ZERO);
            assertEquals(1, leaks.size());
            assertTrue(leaks.get(0).startsWith("process " + child.pid() + " still running"), leaks.get(0));
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "killed");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
