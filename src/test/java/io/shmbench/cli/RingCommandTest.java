package io.shmbench.cli;

import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.shm.SharedSegment;
import io.shmbench.shm.SuiteName;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ring create|inspect|remove NAME}: a named ring is created exclusively and owner-only, read
 * back with its header validated, and removed only if it is a ring; bad names are usage errors.
 * Names are suite names ({@code shmbench-test-<pid>-<random>}), so {@link NoLeaks} finds any left over.
 */
@ExtendWith(NoLeaks.class)
class RingCommandTest {
    private final String name = SuiteName.fresh("test").toString();
    private final Path file = SharedSegment.DEFAULT_DIR.resolve(name);

    @Test
    void createInspectRemove() throws IOException {
        try {
            CommandRun created = CommandRun.main("ring", "create", name, "--slots", "5", "--max-message", "100", "--mode", "overwrite");
            assertEquals(0, created.exit(), created.toString());
            assertTrue(created.out().contains("created " + file + ": overwrite, 5 slots"), created.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "owner-only");
            try (Ring ring = Ring.attachNamed(name)) {
                assertEquals(RingConfig.of(5, 100).withMode(RingMode.OVERWRITE), ring.config());
            }

            CommandRun again = CommandRun.main("ring", "create", name);
            assertEquals(1, again.exit(), again.toString());
            assertTrue(again.err().contains(file + " already exists; segments are created exclusively"), again.toString());

            CommandRun inspected = CommandRun.main("ring", "inspect", name);
            assertEquals(0, inspected.exit(), inspected.toString());
            assertTrue(inspected.out().contains("write index 0, read index 0"), inspected.toString());
            assertTrue(inspected.out().contains("writer absent, reader absent"), inspected.toString());

            CommandRun removed = CommandRun.main("ring", "remove", name);
            assertEquals(0, removed.exit(), removed.toString());
            assertFalse(Files.exists(file), "removed");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "inspect", "remove"})
    void aBadNameIsAUsageError(String action) {
        String tooLong = "x".repeat(256);
        for (String[] bad : new String[][] {{"a/b", "contains '/'"}, {"", "it is empty"}, {tooLong, "256 bytes long, at most 255"},
                {"..", "not starting with '.'"}, {"sp ace", "use letters, digits"}}) {
            CommandRun run = CommandRun.main("ring", action, bad[0]);
            assertEquals(Main.EXIT_USAGE, run.exit(), run.toString());
            assertTrue(run.err().contains("bad ring name '" + bad[0] + "': ") && run.err().contains(bad[1]), run.toString());
            assertTrue(run.err().contains("Usage: run-bench.sh ring " + action), "usage follows: " + run);
        }
    }

    @Test
    void aMissingRingIsAnError() {
        CommandRun run = CommandRun.main("ring", "inspect", name);
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("no segment at " + file + " (it does not exist)"), run.toString());
    }

    @Test
    void removeLeavesAFileThatIsNoRing() throws IOException {
        Files.writeString(file, "not a ring, but somebody's file".repeat(20));
        try {
            CommandRun run = CommandRun.main("ring", "remove", name);
            assertEquals(1, run.exit(), run.toString());
            assertTrue(run.err().contains("not a shmbench ring"), run.toString());
            assertTrue(Files.exists(file), "kept");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aBadGeometryIsAUsageError() {
        CommandRun run = CommandRun.main("ring", "create", name, "--slots", "0");
        assertEquals(Main.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("--slots 0"), run.toString());
        assertFalse(Files.exists(file), "nothing created");
    }
}
