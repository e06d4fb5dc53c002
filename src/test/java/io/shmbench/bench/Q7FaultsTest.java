package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.QuestionCsv;
import io.shmbench.report.FaultObservation;
import io.shmbench.report.QuestionCsvReader;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Q7's benchmarks driven by hand, as JMH would (trial set-up, iterations, tear-down), across real
 * writer processes: the rows they write are the ones the reporter reads, a killed writer is
 * reported, and the seqlocked ring hands the slow reader no torn snapshot. Counts of torn and caught
 * snapshots depend on timing and are only printed.
 */
@ExtendWith(NoLeaks.class)
class Q7FaultsTest {
    @RegisterExtension
    final RunDirectoryFixture run = new RunDirectoryFixture();
    private final Q7Faults bench = new Q7Faults();


    @Test
    void killedWriterIsReportedDeadOrStaleInEveryTrial() throws Exception {
        KilledWriter side = new KilledWriter();
        LatencyRecorder latency = new LatencyRecorder();
        TrialOutcome outcome = run.outcome("Q7Faults.writerKill");
        side.start(outcome);
        try {
            for (int i = 0; i < 3; i++) {
                side.beginIteration(i > 0); // one warm-up trial, unrecorded
                side.startTrial();
                try {
                    bench.writerKill(side, latency);
                } finally {
                    side.flushRows();
                    side.endTrial();
                }
            }
        } finally {
            side.stop();
        }

        assertFalse(outcome.stopped(), () -> "outcomes: " + run.outcomesText());
        List<FaultObservation> rows = QuestionCsvReader.faults(run.raw(QuestionCsv.Q7_FAULTS.fileName()));
        System.out.println("writer kill: " + rows);
        assertEquals(List.of(1, 2), rows.stream().map(FaultObservation::trial).toList());
        assertTrue(rows.stream().allMatch(r -> r.scenario().equals(Q7Faults.KILL) && r.metric().equals("detection_ns")
                && r.value() > 0));
        assertEquals(3, latency.interval().getTotalCount(), "every trial's detection time is recorded, warm-up included");
    }

    @Test
    void seqlockedRingDeliversNoTornSnapshotToTheSlowReader() throws Exception {
        SlowReaderOnRing side = new SlowReaderOnRing();
        side.slots = 4;
        TrialOutcome outcome = run.outcome("Q7Faults.slowReaderSeqlock");
        side.start(outcome);
        try {
            for (int i = 0; i < 2; i++) {
                side.beginIteration(true);
                bench.slowReaderSeqlock(side);
                side.flushRows();
            }
        } finally {
            side.stop();
        }

        assertFalse(outcome.stopped(), () -> "outcomes: " + run.outcomesText());
        List<FaultObservation> rows = QuestionCsvReader.faults(run.raw(QuestionCsv.Q7_FAULTS.fileName()));
        System.out.println("seqlock: " + rows);
        assertEquals(List.of("snapshots_read_count", "delivered_count", "torn_caught_count", "torn_delivered_count",
                "gap_count"), rows.stream().filter(r -> r.trial() == 1).map(FaultObservation::metric).toList());
        assertTrue(rows.stream().allMatch(r -> r.scenario().equals(SlowReaderOnRing.scenario(4, side.lapPolicy)) && r.value() >= 0));
        assertTrue(rows.stream().filter(r -> r.metric().equals("torn_delivered_count")).allMatch(r -> r.value() == 0));
        assertTrue(rows.stream().filter(r -> r.metric().equals("snapshots_read_count")).allMatch(r -> r.value() > 0));
        assertFalse(Files.exists(run.outcomes()), "no corrupt outcome");
    }

    @Test
    void doubleBufferReportsWhatItHandedTheSlowReader() throws Exception {
        SlowReaderOnDoubleBuffer side = new SlowReaderOnDoubleBuffer();
        TrialOutcome outcome = run.outcome("Q7Faults.slowReaderDoubleBuffer");
        side.start(outcome);
        try {
            side.beginIteration(true);
            bench.slowReaderDoubleBuffer(side);
            side.flushRows();
        } finally {
            side.stop();
        }

        assertFalse(outcome.stopped(), () -> "outcomes: " + run.outcomesText());
        List<FaultObservation> rows = QuestionCsvReader.faults(run.raw(QuestionCsv.Q7_FAULTS.fileName()));
        System.out.println("double buffer: " + rows);
        assertEquals(List.of("snapshots_read_count", "delivered_count", "torn_delivered_count"),
                rows.stream().map(FaultObservation::metric).toList());
        assertTrue(rows.get(0).value() > 0, "the reader read snapshots");
        // delivered = read and torn <= read hold by construction (it has no way to refuse one); how many
        // were torn is the measurement, not something a test can fix.
    }

}
