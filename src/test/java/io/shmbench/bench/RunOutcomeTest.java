package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.measure.Outcome;
import io.shmbench.placement.Placement;
import io.shmbench.placement.PlacementDecision;
import io.shmbench.placement.PlacementException;
import io.shmbench.placement.PlacementUnavailableException;
import io.shmbench.report.QuestionCsvReader;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.ring.RingTimeoutException;
import io.shmbench.transport.ChannelTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunOutcomeTest {
    @TempDir
    Path root;

    @Test
    void problemsAreClassifiedByTheirCauses() {
        assertEquals(Outcome.TIMED_OUT, RunOutcome.statusOf(new RingTimeoutException("no message")));
        assertEquals(Outcome.TIMED_OUT, RunOutcome.statusOf(new ChannelException("the peer did not come up",
                new ChannelTimeoutException("timed out after 60000 ms"))));
        assertEquals(Outcome.UNAVAILABLE, RunOutcome.statusOf(new PlacementUnavailableException(
                new PlacementDecision.Unavailable(Placement.CROSS_NODE, "one node"))));
        assertEquals(Outcome.FAILED, RunOutcome.statusOf(new PlacementException("sched_setaffinity failed")));
        assertEquals(Outcome.FAILED, RunOutcome.statusOf(new IllegalStateException("lost step")));
    }

    @Test
    void onlyTheFirstProblemIsTheStatusAndCorruptCountsComeOnTop() throws Exception {
        try (RunDirectoryFixture run = RunDirectoryFixture.at(root)) {
            RunOutcome outcome = new RunOutcome("io.shmbench.bench.Q6Placement.roundTrip", "placement=cross-core,transport=uds");
            assertFalse(outcome.failed());
            outcome.corrupt(0, 100, "echoes");
            outcome.fail(new RingTimeoutException("timed out waiting for a message"));
            outcome.fail(Outcome.FAILED, "closing after the time-out failed too");
            outcome.corrupt(3, 100, "echoes");
            assertTrue(outcome.failed());

            List<SeriesOutcome> rows = QuestionCsvReader.outcomes(run.outcomes());
            assertEquals(List.of("timed out", "corrupt"), rows.stream().map(SeriesOutcome::status).toList());
            assertEquals("timed out waiting for a message", rows.get(0).detail());
            assertEquals("3 corrupt of 100 echoes", rows.get(1).detail());
            assertEquals("Q6Placement.roundTrip", rows.get(0).key().benchmark());
        }
    }
}
