package io.shmbench.run;

import io.shmbench.measure.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsRootTest {
    @TempDir
    Path dir;

    @Test
    void createsARunWithItsRawDirectoryAndNeverReusesOne() {
        ResultsRoot results = new ResultsRoot(dir.resolve("results"));

        RunDirectory run = results.create("first");

        assertTrue(Files.isDirectory(run.raw()));
        assertEquals(dir.resolve("results/first/raw/jmh.json").toAbsolutePath(), run.jmhResults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> results.create("first"));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void latestFollowsTheNewestRun() throws Exception {
        ResultsRoot results = new ResultsRoot(dir);
        assertTrue(results.pointLatestAt(results.create("a")));
        assertTrue(results.pointLatestAt(results.create("b")));

        Path latest = dir.resolve("latest");
        assertEquals(Path.of("b"), Files.readSymbolicLink(latest));
        assertEquals(dir.resolve("b").toRealPath(), latest.toRealPath());
        assertFalse(Files.exists(dir.resolve(".latest-" + ProcessHandle.current().pid())));
    }

    @Test
    void leavesALatestThatIsNotASymlinkAlone() throws Exception {
        ResultsRoot results = new ResultsRoot(dir);
        Files.createDirectory(dir.resolve("latest"));

        assertFalse(results.pointLatestAt(results.create("a")));
        assertTrue(Files.isDirectory(dir.resolve("latest")));
    }

    @Test
    void runIdsAreSafeDirectoryNames() {
        ResultsRoot.validateRunId("2026-11-26_paper.v1");
        for (String bad : new String[] {"", "../x", "a/b", "latest", ".hidden", "x".repeat(101), "a b"}) {
            assertThrows(IllegalArgumentException.class, () -> ResultsRoot.validateRunId(bad), bad);
        }
    }

    @Test
    void defaultIdsAreTheTimeWithASuffixWhenTaken() {
        ResultsRoot results = new ResultsRoot(dir);
        LocalDateTime t = LocalDateTime.of(2026, 11, 26, 18, 30, 5);

        assertEquals("20261126-183005", results.newRunId(t));
        results.create("20261126-183005");
        assertEquals("20261126-183005-2", results.newRunId(t));
    }
}
