package io.shmbench.cli;

import io.shmbench.interop.PeerPrograms;
import io.shmbench.shm.SharedSegment;
import io.shmbench.testutil.ChildJvm;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code scenario}: a C writer, a Python reader, short and fast here (50 Hz and 40 Hz for 2 s,
 * the same W/R = 1.25 as the real 5 and 4 Hz). What is lost depends on timing and is not asserted;
 * the books are: every snapshot delivered or counted missed, none corrupt. A scenario killed with
 * SIGKILL leaves neither a file in /dev/shm nor a running program.
 */
@ExtendWith(NoLeaks.class)
class ScenarioCommandTest {
    private static final Pattern TOTALS = Pattern.compile("written (\\d+), delivered (\\d+), missed (\\d+) \\([0-9.]+%\\), torn (\\d+), corrupt (\\d+)");

    @BeforeEach
    void needsCAndPython() {
        PeerPrograms programs = new PeerPrograms(Path.of("target", "c"));
        assumeTrue(programs.cMissing().isEmpty(), () -> programs.cMissing().get() + ": the scenario test is skipped");
        assumeTrue(programs.pythonMissing().isEmpty(), () -> programs.pythonMissing().get() + ": the scenario test is skipped");
    }

    @Test
    void aShortScenarioAccountsForEverySnapshot() {
        CommandRun run = CommandRun.main("scenario", "--seconds", "2", "--writer-hz", "50", "--reader-hz", "40", "--slots", "4");
        assertEquals(0, run.exit(), run.toString());
        Matcher totals = TOTALS.matcher(run.out());
        assertTrue(totals.find(), run.toString());
        long written = Long.parseLong(totals.group(1));
        assertEquals(100, written, run.toString());
        assertEquals(written, Long.parseLong(totals.group(2)) + Long.parseLong(totals.group(3)), "delivered + missed = written");
        assertEquals("0", totals.group(5), "nothing corrupt");
        assertTrue(run.out().contains("sizing rule: W/R = 1.25, slots = ceil(W/R) = 2 lose nothing; 4 slots should lose 0%"), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("seq=\\d+ age_ms=[0-9.]+ missed=\\d+ length=\\d+")),
                "the reader's line per snapshot: " + run);
    }

    @Test
    void aKilledScenarioLeavesNoRingAndNoProgram() throws IOException {
        try (ChildJvm scenario = ChildJvm.start(Main.class, "scenario", "--seconds", "30", "--writer-hz", "50", "--reader-hz", "40")) {
            scenario.expectLine("scenario:");
            scenario.expectLine("both attached;"); // the name is gone from here on
            scenario.expectLine("seq="); // the reader has had a snapshot
            List<ProcessHandle> programs = ProcessHandle.of(scenario.pid()).orElseThrow().descendants().toList();
            assertTrue(programs.size() >= 2, "the writer and the reader run: " + programs);
            scenario.kill();
            for (ProcessHandle program : programs) {
                // --watch-parent: each sees its parent gone within a period (25 ms for the writer, 25 ms for the reader)
                program.onExit().orTimeout(ChildJvm.TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
            }
            try (Stream<Path> left = Files.list(SharedSegment.DEFAULT_DIR)) {
                List<Path> rings = left.filter(p -> p.getFileName().toString().startsWith("shmbench-scenario-" + scenario.pid() + "-")).toList();
                assertEquals(List.of(), rings, "the ring was unlinked once both programs attached");
            }
        }
    }

    @Test
    void badSettingsAreUsageErrors() {
        for (String[] bad : new String[][] {{"--slots", "0", "--slots '0' is outside"}, {"--policy", "latest", "--policy 'latest' is neither"},
                {"--reader-hz", "0", "--reader-hz '0' is outside"}}) {
            CommandRun run = CommandRun.main("scenario", bad[0], bad[1]);
            assertEquals(Main.EXIT_USAGE, run.exit(), run.toString());
            assertTrue(run.err().contains(bad[2]), run.toString());
        }
    }
}
