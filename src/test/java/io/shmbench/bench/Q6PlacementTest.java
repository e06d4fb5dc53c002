package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.QuestionCsv;
import io.shmbench.measure.SeriesName;
import io.shmbench.placement.CpuPair;
import io.shmbench.placement.FakeSysfs;
import io.shmbench.placement.Placement;
import io.shmbench.placement.ThreadAffinity;
import io.shmbench.placement.Topology;
import io.shmbench.report.CoreLatency;
import io.shmbench.report.QuestionCsvReader;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.runner.IterationType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Q6 driven by hand as JMH would: a placement the host cannot offer becomes an "unavailable"
 * outcome (no peer, no exception) and the placements file lists it; an offered placement runs
 * pinned round trips through a real peer with every echo checked; the core matrix writes a row per
 * pair, empty when the pair cannot be measured.
 */
@ExtendWith(NoLeaks.class)
class Q6PlacementTest {
    private static final int ROUND_TRIPS = 200;
    /** Enough round trips for several blocks of any schedule (at most 512 per block). */
    private static final int PAIRED_ROUND_TRIPS = 5000;

    @TempDir
    Path root;
    @RegisterExtension
    final RunDirectoryFixture run = new RunDirectoryFixture();

    @Test
    void aPlacementTheHostCannotOfferIsRecordedUnavailableAndNothingRuns() throws Exception {
        Topology oneNode = FakeSysfs.oneNodeTwoCores(root.resolve("sys")).read();
        Q6Placement bench = new Q6Placement();
        bench.transport = "shm-ring";
        bench.placement = "cross-node";
        LatencyRecorder latency = new LatencyRecorder();

        TrialOutcome outcome = run.outcome("Q6Placement.roundTrip", "placement", "cross-node", "transport", "shm-ring");
        bench.start(outcome, oneNode);
        bench.roundTrip(latency);
        bench.stop();

        assertTrue(outcome.stopped());
        assertEquals(0, latency.interval().getTotalCount());
        List<SeriesOutcome> outcomes = QuestionCsvReader.outcomes(run.outcomes());
        assertEquals(1, outcomes.size());
        assertEquals("unavailable", outcomes.getFirst().status());
        assertTrue(outcomes.getFirst().detail().contains("needs 2 NUMA nodes"), outcomes.getFirst().detail());
        assertEquals(5, QuestionCsvReader.placements(run.raw(QuestionCsv.Q6_PLACEMENTS.fileName())).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"floor", "shm-ring", "uds"})
    void crossCoreRoundTripsArePinnedAndChecked(String transport) throws Exception {
        Topology host = Topology.host();
        assumeTrue(Placement.CROSS_CORE.resolve(host).isAvailable(), "this host has no two cores on one node");
        Q6Placement bench = new Q6Placement();
        bench.transport = transport;
        bench.placement = "cross-core";
        LatencyRecorder latency = new LatencyRecorder();
        List<Integer> before = ThreadAffinity.get();

        TrialOutcome outcome = run.outcome("Q6Placement.roundTrip", "placement", "cross-core", "transport", transport);
        SeriesName series = outcome.series();
        bench.start(outcome, host);
        try {
            assertEquals(List.of(Placement.CROSS_CORE.resolve(host).orElseThrow().writerCpu()), ThreadAffinity.get(),
                    "the measuring thread is pinned to the placement's writer CPU");
            bench.startIteration(IterationType.MEASUREMENT);
            for (int i = 0; i < PAIRED_ROUND_TRIPS; i++) {
                bench.roundTrip(latency);
            }
            bench.endIteration();
        } finally {
            bench.stop();
        }

        assertFalse(outcome.stopped(), () -> run.outcomesText());
        assertEquals(PAIRED_ROUND_TRIPS, latency.interval().getTotalCount());
        Path blocks = run.blocks(series);
        if (transport.equals("floor")) {
            assertFalse(Files.exists(blocks), "floor is not paired with itself");
        } else {
            List<FloorBlockRow> rows = FloorBlockRow.read(blocks);
            assertFalse(rows.isEmpty(), "the round trips took turns with a same-pair floor");
            assertTrue(rows.stream().allMatch(r -> r.floorP50Ns() > 0 && r.seriesP50Ns() > 0), rows.toString());
            assertTrue(Files.size(run.floorHlog(series)) > 0, "the floor's round trips are logged beside the series'");
        }
        assertFalse(Files.exists(run.outcomes()), "no outcome: every echo was right");
        assertEquals(before, ThreadAffinity.get(), "the pin is released at the end");
    }

    @Test
    void coreMatrixWritesTheMeasuredPair() throws Exception {
        List<CpuPair> pairs = CpuPair.allPairs(Topology.host());
        assumeTrue(!pairs.isEmpty(), "this host has a single usable CPU");
        CpuPair pair = pairs.getFirst();
        Q6CoreMatrix bench = new Q6CoreMatrix();
        bench.cpuPair = pair.label();
        TrialOutcome outcome = run.outcome("Q6CoreMatrix.floorRoundTrip", "cpuPair", pair.label());
        bench.start(outcome, Topology.host());
        try {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                bench.floorRoundTrip();
            }
            bench.endIteration(false);
            for (int i = 0; i < ROUND_TRIPS; i++) {
                bench.floorRoundTrip();
            }
            bench.endIteration(true);
        } finally {
            bench.stop();
        }
        assertFalse(outcome.stopped(), () -> run.outcomesText());
        List<CoreLatency> rows = QuestionCsvReader.coreMatrix(run.raw(QuestionCsv.Q6_CORE_MATRIX.fileName()));
        assertEquals(1, rows.size());
        CoreLatency row = rows.getFirst();
        assertEquals(List.of(pair.writerCpu(), pair.readerCpu()), List.of(row.cpuA(), row.cpuB()));
        assertTrue(row.p50Ns() > 0 && row.p99Ns() >= row.p50Ns(), row.toString());
    }

    @Test
    void coreMatrixKeepsAPairItCannotMeasureAsAnEmptyCell() throws Exception {
        Topology oneCpu = FakeSysfs.oneNodeTwoCores(root.resolve("sys")).allowed("0").read();
        Q6CoreMatrix bench = new Q6CoreMatrix();
        bench.cpuPair = "0:1";
        bench.start(run.outcome("Q6CoreMatrix.floorRoundTrip", "cpuPair", "0:1"), oneCpu);
        bench.floorRoundTrip();
        bench.endIteration(true);
        bench.stop();

        List<CoreLatency> rows = QuestionCsvReader.coreMatrix(run.raw(QuestionCsv.Q6_CORE_MATRIX.fileName()));
        assertEquals(1, rows.size());
        assertTrue(Double.isNaN(rows.getFirst().p50Ns()));
        SeriesOutcome unavailable = QuestionCsvReader.outcomes(run.outcomes()).getFirst();
        assertEquals("unavailable", unavailable.status());
        assertTrue(unavailable.detail().contains("CPU 1 is not a usable CPU"), unavailable.detail());
    }

}
