package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.PeerGoneException;
import io.shmbench.measure.Outcome;
import io.shmbench.measure.OutcomeLog;
import io.shmbench.measure.SeriesName;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a trial writes to raw/outcomes.csv, read back as the reporter reads it. */
class TrialOutcomeTest {
    private static final SeriesName SERIES = SeriesName.of("io.shmbench.bench.Q2MemoryOrders.roundTrip",
            Map.of("memoryOrder", "PLAIN", "messageBytes", "64"));

    @TempDir
    Path dir;

    private TrialOutcome outcome() {
        return new TrialOutcome(SERIES, Optional.of(new OutcomeLog(dir.resolve("outcomes.csv"))));
    }

    private List<SeriesOutcome> written() throws Exception {
        Path file = dir.resolve("outcomes.csv");
        return Files.exists(file) ? QuestionCsvReader.outcomes(file) : List.of();
    }

    @Test
    void aTimeoutStopsTheTrialAndIsRecordedOnce() throws Exception {
        TrialOutcome outcome = outcome();
        assertFalse(outcome.stopped());
        outcome.stop(new RingTimeoutException("timed out waiting for a message on /dev/shm/x (writer is ALIVE)"), "");
        outcome.stop(new RingTimeoutException("again"), "");
        outcome.end("messages checked");

        assertTrue(outcome.stopped());
        List<SeriesOutcome> rows = written();
        assertEquals(1, rows.size(), "recorded once");
        assertEquals("timed out", rows.getFirst().status());
        assertEquals("Q2MemoryOrders.roundTrip", rows.getFirst().key().benchmark());
        assertEquals("PLAIN", rows.getFirst().key().param("memoryOrder").orElseThrow());
        assertTrue(rows.getFirst().detail().contains("waiting for a message"), rows.getFirst().detail());
    }

    @Test
    void anyOtherErrorIsAFailureWithItsContext() throws Exception {
        TrialOutcome outcome = outcome();
        outcome.stop(new PeerGoneException("the reader process (pid 7) died"), " (the peer exited; its log ends with:\n  boom)");
        SeriesOutcome row = written().getFirst();
        assertEquals("failed", row.status());
        assertEquals("the reader process (pid 7) died (the peer exited; its log ends with:   boom)", row.detail());
    }

    @Test
    void wrongMessagesAreCountedAndRecordedAtTheEndWithTheCountFirst() throws Exception {
        TrialOutcome outcome = outcome();
        for (int i = 0; i < 10; i++) {
            outcome.checked(i % 4 != 0); // 3 wrong of 10
        }
        outcome.checked(90, 2);
        assertTrue(written().isEmpty(), "nothing before the end of the trial");
        outcome.end("messages checked");

        SeriesOutcome row = written().getFirst();
        assertEquals("corrupt", row.status());
        assertEquals("5 corrupt of 100 messages checked", row.detail());
        assertEquals("5 corrupt", row.mark());
        assertFalse(outcome.stopped(), "wrong messages do not stop a trial");
    }

    @Test
    void aPlainTrialWritesNothing() throws Exception {
        TrialOutcome outcome = outcome();
        outcome.checked(1000, 0);
        outcome.end("messages checked");
        assertTrue(written().isEmpty());
    }

    @Test
    void problemsAreClassifiedByTheirCauses() {
        assertEquals(Outcome.TIMED_OUT, TrialOutcome.statusOf(new RingTimeoutException("no message")));
        assertEquals(Outcome.TIMED_OUT, TrialOutcome.statusOf(new ChannelException("the peer did not come up",
                new ChannelTimeoutException("timed out after 60000 ms"))));
        assertEquals(Outcome.UNAVAILABLE, TrialOutcome.statusOf(new PlacementUnavailableException(
                new PlacementDecision.Unavailable(Placement.CROSS_NODE, "one node"))));
        assertEquals(Outcome.FAILED, TrialOutcome.statusOf(new PlacementException("sched_setaffinity failed")));
        assertEquals(Outcome.FAILED, TrialOutcome.statusOf(new IllegalStateException("lost step")));
    }

    @Test
    void onlyTheFirstProblemIsTheStatusAndCorruptCountsComeOnTop() throws Exception {
        TrialOutcome outcome = outcome();
        outcome.checked(100, 0);
        outcome.stop(new RingTimeoutException("timed out waiting for a message"));
        outcome.stop(Outcome.FAILED, "closing after the time-out failed too");
        outcome.checked(100, 3);
        outcome.end("echoes");

        List<SeriesOutcome> rows = written();
        assertEquals(List.of("timed out", "corrupt"), rows.stream().map(SeriesOutcome::status).toList());
        assertEquals("timed out waiting for a message", rows.get(0).detail());
        assertEquals("3 corrupt of 200 echoes", rows.get(1).detail());
    }

    @Test
    void anExceptionFromOutsideTheSuiteIsNamed() throws Exception {
        outcome().stop(new IllegalStateException("lost step\nat the end"));
        assertEquals("lost step at the end (IllegalStateException)", written().getFirst().detail());
    }
}
