package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.OutcomeLog;
import io.shmbench.measure.SeriesName;
import io.shmbench.report.QuestionCsvReader;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.MemoryOrder;
import io.shmbench.ring.Padding;
import io.shmbench.ring.ReaderPoll;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.SlotRelease;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring benchmarks' two processes for real: a {@link RingBenchPeer} in a child JVM attached to
 * rings of a non-default variant, as each benchmark drives it (round trips through an echo, a
 * stream into a checking sink that accounts for every message and for the CPU both sides spent, a
 * paced writer into an OVERWRITE ring), and the two ways a trial stops without aborting the run: a peer that never answers (stopped with SIGSTOP: alive, silent)
 * gives {@code timed out}, a peer that dies gives {@code failed}. Nothing may be left behind
 * ({@link NoLeaks}). No timings are asserted; every wait has a generous deadline.
 */
@ExtendWith(NoLeaks.class)
class RingPeerCrossProcessTest {
    /** A variant unlike the default in every setting, so the peer must take it from the header. */
    private static final RingConfig VARIANT = new RingConfig(5, 64, RingMode.BLOCKING, Padding.PACKED, MemoryOrder.VOLATILE,
            false, false, ReaderPoll.WRITE_INDEX);
    private static final long GENEROUS_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;

    private TrialOutcome outcome(String benchmark) {
        return new TrialOutcome(SeriesName.of("io.shmbench.bench." + benchmark, Map.of("slots", "5")),
                Optional.of(new OutcomeLog(outcomes())));
    }

    private Path outcomes() {
        return dir.resolve("outcomes.csv");
    }

    private List<SeriesOutcome> recorded() throws Exception {
        return Files.exists(outcomes()) ? QuestionCsvReader.outcomes(outcomes()) : List.of();
    }

    @ParameterizedTest
    @EnumSource(SlotRelease.class)
    void roundTripsThroughAnEchoArriveWholeAndAreRecorded(SlotRelease slotRelease) throws Exception {
        RingRoundTrip trial = new RingRoundTrip();
        trial.timeoutNanos = GENEROUS_NANOS;
        LatencyRecorder latency = new LatencyRecorder();
        try {
            trial.open(VARIANT, slotRelease, 64, outcome("Q4Padding.roundTrip"));
            for (int i = 0; i < 1000; i++) {
                trial.roundTrip(latency);
            }
            assertFalse(trial.outcome.stopped());
            assertEquals(0, trial.outcome.corrupt());
            assertEquals(1000, latency.interval().getTotalCount(), "every round trip recorded");
        } finally {
            trial.close();
        }
        assertTrue(recorded().isEmpty(), "a plain trial records no outcome");
    }

    /** With each slot release: a sink whose reader writes the slots it consumed still finds every message whole. */
    @ParameterizedTest
    @EnumSource(SlotRelease.class)
    void aSinkChecksAndAccountsForEveryMessageStreamedToIt(SlotRelease slotRelease) throws Exception {
        RingStream trial = new RingStream();
        trial.timeoutNanos = GENEROUS_NANOS;
        try {
            trial.open(VARIANT, slotRelease, 64, outcome("Q4Padding.throughput"));
            for (int round = 0; round < 3; round++) {
                trial.startCounting();
                long deadline = System.nanoTime() + GENEROUS_NANOS;
                long sent = 0;
                do { // until a CPU clock of a few ms resolution has seen the iteration's work
                    for (int i = 0; i < 10_000; i++) {
                        trial.send();
                    }
                    sent += 10_000;
                    trial.collectTally(); // must find the sink's count equal to what was sent
                } while (trial.cpuNs == 0 && System.nanoTime() < deadline);
                assertEquals(sent, trial.messages, "the iteration's messages, for CPU per message");
                assertTrue(trial.cpuNs > 0, "CPU of both processes in the iteration");
            }
            assertFalse(trial.outcome.stopped(), "the sink accounted for every message");
            assertEquals(0, trial.outcome.corrupt());
        } finally {
            trial.close();
        }
        assertTrue(recorded().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(LapPolicy.class)
    void aPacedWriterIntoAnOverwriteRingGivesRowsWhoseBooksBalance(LapPolicy policy) throws Exception {
        OverwriteReading trial = new OverwriteReading();
        trial.lapPolicy = policy;
        trial.timeoutNanos = GENEROUS_NANOS;
        try {
            trial.open(RingConfig.of(2, 64), 64, outcome("Q3Slots.overwriteLoss"));
            for (double ratio : OverwriteReading.RATE_RATIOS) {
                OverwriteLoss row = trial.trial(ratio, 40).orElseThrow(() -> new AssertionError("the trial stopped"));
                assertEquals(2, row.slots());
                assertEquals(policy, row.lapPolicy());
                assertEquals(ratio, row.rateRatio());
                assertEquals(Math.round(40 * ratio), row.written());
                assertEquals(row.written(), row.delivered() + row.missed(), "written = delivered + missed");
                assertTrue(row.delivered() > 0, "the reader got something");
                assertTrue(row.stalenessP50Ns() > 0 && row.stalenessP99Ns() >= row.stalenessP50Ns(), row.toString());
            }
            assertEquals(0, trial.outcome.corrupt());
        } finally {
            trial.close();
        }
        assertTrue(recorded().isEmpty());
    }

    @Test
    void aPeerThatNeverAnswersTimesOutOnceAndTheTrialThenReturnsAtOnce() throws Exception {
        RingRoundTrip trial = new RingRoundTrip();
        LatencyRecorder latency = new LatencyRecorder();
        try {
            // Primed with the normal timeout (20,000 round trips: a loaded machine may stall one for a
            // while), then shortened for the round trip that is meant to time out.
            trial.open(VARIANT, SlotRelease.DEFAULT, 64, outcome("Q2MemoryOrders.roundTrip"));
            trial.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(200);
            Signals.send("STOP", trial.peer.pid()); // alive but silent, as a peer spinning on a hoisted load
            trial.roundTrip(latency);
            assertTrue(trial.outcome.stopped());
            long sent = trial.peer.writer().position();
            long recorded = latency.interval().getTotalCount();
            for (int i = 0; i < 1000; i++) {
                trial.roundTrip(latency); // each would wait out the timeout if it tried again
            }
            assertEquals(sent, trial.peer.writer().position(), "a stopped trial sends no more");
            assertEquals(recorded, latency.interval().getTotalCount(), "and records nothing");
            Signals.send("CONT", trial.peer.pid());
        } finally {
            trial.close();
        }
        List<SeriesOutcome> rows = recorded();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("timed out", rows.getFirst().status());
        assertTrue(rows.getFirst().detail().contains("timed out waiting for a message"), rows.getFirst().detail());
        assertEquals(0, latency.interval().getTotalCount(), "nothing recorded for the round trip that never came back");
    }

    @Test
    void aPeerThatDiesFailsTheTrialWithItsLog() throws Exception {
        RingStream trial = new RingStream();
        trial.timeoutNanos = GENEROUS_NANOS;
        try {
            trial.open(VARIANT, SlotRelease.DEFAULT, 64, outcome("Q4Padding.throughput"));
            ProcessHandle.of(trial.peer.pid()).orElseThrow().destroyForcibly();
            for (int i = 0; i < 100 && !trial.outcome.stopped(); i++) {
                trial.send(); // fills the 5 slots, then waits for a reader that is gone
            }
            trial.collectTally();
            assertTrue(trial.outcome.stopped());
        } finally {
            trial.close();
        }
        List<SeriesOutcome> rows = recorded();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("failed", rows.getFirst().status());
        assertTrue(rows.getFirst().detail().contains("died"), rows.getFirst().detail());
    }

}
