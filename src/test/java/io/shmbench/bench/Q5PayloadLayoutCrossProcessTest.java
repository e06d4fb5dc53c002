package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import io.shmbench.payload.PayloadLayout;
import io.shmbench.report.QuestionCsvReader;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Q5 across processes, driven by hand as JMH would (set-up, per-invocation turns, tear-down) with a
 * real {@code SnapshotPeer}: every layout goes both ways without a corrupt snapshot, and a snapshot
 * damaged in the shared segment is caught, by the peer when it reads, by this side when it reads.
 */
@ExtendWith(NoLeaks.class)
class Q5PayloadLayoutCrossProcessTest {
    private static final int TURNS = 50;

    @RegisterExtension
    final RunDirectoryFixture run = new RunDirectoryFixture();
    private final Q5PayloadLayoutCrossProcess bench = new Q5PayloadLayoutCrossProcess();
    private final LatencyRecorder latency = new LatencyRecorder();


    @ParameterizedTest
    @EnumSource(PayloadLayout.class)
    void peerChecksEverySnapshotThisSideWrites(PayloadLayout layout) {
        Q5PayloadLayoutCrossProcess.WriterSide side = writer(layout);
        TrialOutcome outcome = run.outcome("Q5PayloadLayoutCrossProcess.writerFill", "payloadLayout", layout.name(), "servers", "16");
        side.start(outcome);
        try {
            for (int i = 0; i < TURNS; i++) {
                side.awaitPeer();
                bench.writerFill(side, latency);
                side.notifyPeer();
            }
        } finally {
            side.close();
        }
        assertFalse(outcome.stopped(), () -> run.outcomesText());
        assertEquals(TURNS, outcome.checked());
        assertEquals(0, outcome.corrupt());
        assertEquals(TURNS, latency.interval().getTotalCount());
        assertFalse(Files.exists(run.outcomes()));
    }

    @ParameterizedTest
    @EnumSource(PayloadLayout.class)
    void thisSideChecksEverySnapshotThePeerWrites(PayloadLayout layout) {
        Q5PayloadLayoutCrossProcess.ReaderSide side = reader(layout);
        TrialOutcome outcome = run.outcome("Q5PayloadLayoutCrossProcess.readerReadAll", "payloadLayout", layout.name(), "servers", "16");
        side.start(outcome);
        try {
            for (int i = 0; i < TURNS; i++) {
                side.fetch();
                bench.readerReadAll(side, latency);
                side.fetch();
                bench.readerAggregate(side, latency);
            }
        } finally {
            side.close();
        }
        assertFalse(outcome.stopped(), () -> run.outcomesText());
        assertEquals(2 * TURNS, outcome.checked());
        assertEquals(0, outcome.corrupt());
    }

    @ParameterizedTest
    @EnumSource(value = PayloadLayout.class, names = {"AOS", "SOA"})
    void aSnapshotDamagedAfterWritingIsReportedCorruptByThePeer(PayloadLayout layout) throws Exception {
        Q5PayloadLayoutCrossProcess.WriterSide side = writer(layout);
        TrialOutcome outcome = run.outcome("Q5PayloadLayoutCrossProcess.writerFill", "payloadLayout", layout.name(), "servers", "16");
        side.start(outcome);
        try {
            for (int i = 0; i < 5; i++) {
                side.awaitPeer();
                bench.writerFill(side, latency);
                if (i == 2) {
                    long last = side.layout.byteSize() - 4;
                    side.snapshot.set(ValueLayout.JAVA_INT, last, ~side.snapshot.get(ValueLayout.JAVA_INT, last));
                }
                side.notifyPeer();
            }
        } finally {
            side.close();
        }
        List<SeriesOutcome> outcomes = QuestionCsvReader.outcomes(run.outcomes());
        assertEquals(1, outcomes.size(), outcomes::toString);
        assertEquals("corrupt", outcomes.getFirst().status());
        assertEquals("1 corrupt of 5 snapshots", outcomes.getFirst().detail());
    }

    @ParameterizedTest
    @EnumSource(value = PayloadLayout.class, names = {"SOA", "HYBRID"})
    void aSnapshotDamagedBeforeThisSideReadsItIsCounted(PayloadLayout layout) throws Exception {
        Q5PayloadLayoutCrossProcess.ReaderSide side = reader(layout);
        TrialOutcome outcome = run.outcome("Q5PayloadLayoutCrossProcess.readerReadAll", "payloadLayout", layout.name(), "servers", "16");
        side.start(outcome);
        try {
            for (int i = 0; i < 4; i++) {
                side.fetch();
                if (i == 1) {
                    long last = side.layout.byteSize() - 4;
                    side.snapshot.set(ValueLayout.JAVA_INT, last, ~side.snapshot.get(ValueLayout.JAVA_INT, last));
                }
                bench.readerReadAll(side, latency);
            }
        } finally {
            side.close();
        }
        assertEquals(1, outcome.corrupt());
        assertTrue(run.outcomesText().contains("1 corrupt of 4 snapshots"), () -> run.outcomesText());
    }

    private static Q5PayloadLayoutCrossProcess.WriterSide writer(PayloadLayout layout) {
        Q5PayloadLayoutCrossProcess.WriterSide side = new Q5PayloadLayoutCrossProcess.WriterSide();
        side.payloadLayout = layout;
        side.servers = 16;
        return side;
    }

    private static Q5PayloadLayoutCrossProcess.ReaderSide reader(PayloadLayout layout) {
        Q5PayloadLayoutCrossProcess.ReaderSide side = new Q5PayloadLayoutCrossProcess.ReaderSide();
        side.payloadLayout = layout;
        side.servers = 16;
        return side;
    }

}
