package io.shmbench.bench;

import io.shmbench.measure.CpuCost;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.RunDirectory;
import io.shmbench.measure.SeriesName;
import io.shmbench.testutil.NoCCompiler;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.RunsHere;
import io.shmbench.testutil.Signals;
import io.shmbench.testutil.TemporaryProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.shmbench.transport.FloorSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.runner.IterationType;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Q1Transports' states and benchmark methods driven directly (as JMH would, without its timing),
 * against real peer processes: what is measured is checked, and a peer that dies, stalls or is
 * asked for what it cannot do ends as a recorded outcome with nothing left running.
 */
@ExtendWith(NoLeaks.class)
class Q1TransportsTest {
    private final Q1Transports bench = new Q1Transports();
    @TempDir
    Path run;
    private TemporaryProperty runDirectory;

    @BeforeEach
    void insideARun() throws IOException {
        Files.createDirectories(run.resolve(RunDirectory.RAW));
        runDirectory = TemporaryProperty.set(RunDirectory.PROPERTY, run.toString());
    }

    @AfterEach
    void restore() {
        runDirectory.close();
    }

    /** The series of {@code method} with these parameters, and any more as name, value, ... */
    private static SeriesName series(String method, String transport, int bytes, String wait, String... more) {
        Map<String, String> params = new TreeMap<>(Map.of("transport", transport, "messageBytes", Integer.toString(bytes),
                "waitStrategy", wait));
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return SeriesName.of("io.shmbench.bench.Q1Transports." + method, params);
    }

    private List<CSVRecord> outcomes() throws IOException {
        Path file = new RunDirectory(run).outcomes();
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }



    @Test
    void roundTripsRecordEveryEchoAndCompareEveryByte() throws Exception {
        TransportEcho echo = new TransportEcho();
        LatencyRecorder latency = new LatencyRecorder();
        echo.open(series("roundTrip", "uds", 2880, "block"));
        try {
            for (int i = 0; i < 500; i++) {
                bench.roundTrip(echo, latency);
            }
            assertEquals(500, latency.interval().getTotalCount());
            assertTrue(latency.interval().getMinValue() > 0);
            assertEquals(PairedFloor.PRIME_ROUND_TRIPS + 500, echo.outcome.checked(), "the priming round trips are checked too");
            assertEquals(0, echo.outcome.corrupt());
        } finally {
            echo.close();
        }
        assertEquals(List.of(), outcomes());
        assertNull(echo.peer, "stopped");
    }

    /**
     * The peer switches between the transport and the floor without losing or mixing a message:
     * every echo of the series is compared byte for byte with what was sent (a floor bounce taken for
     * a message, or a message taken for a bounce, would show as a wrong echo, a timeout or a floor
     * counter out of turn), and each pair of blocks is written once.
     */
    @ParameterizedTest
    @CsvSource({"uds,block", "pipe,block", "mq,block", "shm-ring,spin", "agrona,spin", "chronicle-style,spin", "shm-ring-c,spin"})
    void aRoundTripTakesTurnsWithItsSamePairFloorWithoutLosingOrMixingMessages(String transport, String wait) throws Exception {
        RunsHere.transport(transport);
        TransportEcho echo = new TransportEcho();
        LatencyRecorder latency = new LatencyRecorder();
        SeriesName series = series("roundTrip", transport, 64, wait);
        echo.open(series);
        FloorSchedule schedule = echo.paired.schedule();
        int roundTrips = 4 * FloorSchedule.MAX_SERIES_BLOCK;
        try {
            echo.startIteration(IterationType.MEASUREMENT);
            for (int i = 0; i < roundTrips; i++) {
                bench.roundTrip(echo, latency);
            }
            echo.endIteration();
            assertFalse(echo.outcome.stopped(), "the round trips went on: " + outcomes());
            assertEquals(0, echo.outcome.corrupt());
            assertEquals(PairedFloor.PRIME_ROUND_TRIPS + roundTrips, echo.outcome.checked(), "every echo checked");
        } finally {
            echo.close();
        }
        List<FloorBlockRow> rows = FloorBlockRow.read(new RunDirectory(run).blocks(series));
        assertEquals(roundTrips / schedule.seriesBlock(), rows.size(), "one row per whole pair of blocks");
        for (int b = 0; b < rows.size(); b++) {
            assertEquals(b + 1, rows.get(b).block());
            assertEquals(schedule.seriesBlock(), rows.get(b).seriesRoundTrips());
            assertEquals(schedule.floorBlock(), rows.get(b).floorRoundTrips());
            assertTrue(rows.get(b).seriesP50Ns() > 0 && rows.get(b).floorP50Ns() > 0, rows.get(b).toString());
        }
        assertEquals(List.of(), outcomes());
    }

    @Test
    void floorBouncesNothingButACounter() {
        TransportEcho floor = new TransportEcho();
        LatencyRecorder latency = new LatencyRecorder();
        floor.open(series("roundTrip", "floor", 0, "spin"));
        try {
            for (int i = 0; i < 1000; i++) {
                bench.roundTrip(floor, latency);
            }
            assertEquals(1000, latency.interval().getTotalCount());
            assertEquals(0, floor.outcome.corrupt());
            assertNull(floor.paired, "the floor is not paired with itself");
        } finally {
            floor.close();
        }
    }

    @Test
    void whatATransportCannotCarryIsRefusedBeforeAnyProcessStarts() {
        TransportEcho floor = new TransportEcho();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> floor.open(series("roundTrip", "floor", 64, "spin")));
        assertTrue(e.getMessage().contains("no payload"), e.getMessage());
        assertNull(floor.peer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shm-ring", "shm-ring-c"})
    void aPeerThatDiesIsAFailedOutcomeAndTheRoundTripsStopQuietly(String transport) throws Exception {
        RunsHere.transport(transport);
        TransportEcho echo = new TransportEcho();
        LatencyRecorder latency = new LatencyRecorder();
        echo.open(series("roundTrip", transport, 64, "spin"));
        long pid = echo.peer.pid();
        try {
            bench.roundTrip(echo, latency);
            echo.peer.kill();
            echo.peer.awaitExit(30, TimeUnit.SECONDS);
            bench.roundTrip(echo, latency); // notices; must not throw: the iteration ends cleanly
            assertTrue(echo.outcome.stopped());
            long recorded = latency.interval().getTotalCount();
            bench.roundTrip(echo, latency);
            assertEquals(recorded, latency.interval().getTotalCount(), "nothing measured once broken");
        } finally {
            echo.close();
        }
        List<CSVRecord> rows = outcomes();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("Q1Transports.roundTrip", rows.getFirst().get("benchmark"));
        assertEquals("messageBytes=64,transport=" + transport + ",waitStrategy=spin", rows.getFirst().get("params"));
        assertEquals("failed", rows.getFirst().get("status"));
        assertTrue(rows.getFirst().get("detail").contains(transport + ": the peer process (pid " + pid + ") died"),
                rows.getFirst().get("detail"));
    }

    /** Where no C compiler is, a shm-ring-c trial says so before anything starts (the plan records it as unsupported). */
    @Test
    void theCPeerWithoutACompilerIsRefusedWithTheReason() {
        try (NoCCompiler none = NoCCompiler.set()) {
            TransportEcho echo = new TransportEcho();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> echo.open(series("roundTrip", "shm-ring-c", 64, "spin")));
            assertTrue(e.getMessage().endsWith("is not measured: shm-ring-c cannot run on this machine: no C compiler on this machine ('"
                    + NoCCompiler.MISSING + "' does not run; set $CC to one)"), e.getMessage());
            assertNull(echo.peer);
        }
    }

    @Test
    void aSilentPeerTimesOut() throws Exception {
        TransportEcho echo = new TransportEcho();
        echo.timeout = Duration.ofSeconds(1);
        LatencyRecorder latency = new LatencyRecorder();
        echo.open(series("roundTrip", "uds", 64, "block"));
        long pid = echo.peer.pid();
        try {
            Signals.send("STOP", pid);
            bench.roundTrip(echo, latency);
            assertTrue(echo.outcome.stopped());
        } finally {
            Signals.send("CONT", pid);
            echo.close();
        }
        List<CSVRecord> rows = outcomes();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("timed out", rows.getFirst().get("status"));
        assertTrue(rows.getFirst().get("detail").contains("timed out"), rows.getFirst().get("detail"));
    }

    @ParameterizedTest
    @CsvSource({"tcp,block", "shm-ring-c,spin"})
    void aStreamIntoTheSinkIsCheckedBatchByBatchAndCostsCpu(String transport, String wait) throws Exception {
        RunsHere.transport(transport);
        TransportSink sink = new TransportSink();
        CpuCost cost = new CpuCost();
        sink.open(series("throughput", transport, 64, wait), cost);
        try {
            cost.startIteration();
            for (int i = 0; i < 3000; i++) {
                bench.throughput(sink);
            }
            cost.endIteration();
            assertEquals(3000, cost.messages);
            assertTrue(cost.cpuNs > 0);
        } finally {
            sink.close();
        }
        int batches = (TransportPeer.PRIME_MESSAGES + 3000 + TransportSink.BATCH - 1) / TransportSink.BATCH;
        assertEquals(batches, sink.outcome.checked(), "every batch's report was read, the last one at the end");
        assertEquals(0, sink.outcome.corrupt());
        assertEquals(List.of(), outcomes());
    }

    /**
     * What JMH times allocates nothing on this thread once compiled, for the two rings Q1 compares:
     * a round trip (with its echo check, its record and its same-pair floor blocks) and a message
     * into the sink (with its batch reports). JMH's {@code -prof gc} cannot show this: it counts every
     * thread of the fork and the iteration's end (the latency logs), so it reports a few B/op where
     * the timed code allocates none.
     */
    @ParameterizedTest
    @CsvSource({"shm-ring,64", "shm-ring,2048", "agrona,64", "agrona,2048"})
    void theTimedMethodsAllocateNothingOnceCompiled(String transport, int bytes) throws Exception {
        TransportEcho echo = new TransportEcho();
        LatencyRecorder latency = new LatencyRecorder();
        echo.open(series("roundTrip", transport, bytes, "spin"));
        try {
            assertEquals(0, leastAllocatedPerWindow(() -> bench.roundTrip(echo, latency)), transport + " round trip");
        } finally {
            echo.close();
        }
        TransportSink sink = new TransportSink();
        CpuCost cost = new CpuCost();
        sink.open(series("throughput", transport, bytes, "spin"), cost);
        try {
            cost.startIteration();
            assertEquals(0, leastAllocatedPerWindow(() -> bench.throughput(sink)), transport + " stream into the sink");
            cost.endIteration();
        } finally {
            sink.close();
        }
        assertEquals(0, echo.outcome.corrupt() + sink.outcome.corrupt());
        assertEquals(List.of(), outcomes());
    }

    /**
     * The fewest bytes this thread allocated in a window of calls (several sink batches each), over
     * up to 40 windows: the JIT compiles the calls within the first few, and the interpreter and C1
     * allocate where C2's escape analysis does not.
     */
    private static long leastAllocatedPerWindow(Runnable call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 40 && least > 0; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 4 * TransportSink.BATCH; i++) {
                call.run();
            }
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    @Test
    void aStreamWhosePeerDiedKeepsNoRate() throws Exception {
        TransportSink sink = new TransportSink();
        sink.open(series("throughput", "uds", 256, "spin"), new CpuCost());
        try {
            sink.peer.kill();
            sink.peer.awaitExit(30, TimeUnit.SECONDS);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 100_000_000; i++) { // until the socket buffer is full or the report is due
                    bench.throughput(sink);
                }
            });
            assertTrue(e.getMessage().contains("outcomes.csv"), e.getMessage());
        } finally {
            sink.close();
        }
        assertEquals("failed", outcomes().getFirst().get("status"));
    }

    @Test
    void fixedRateMessagesArriveStampedInOrderWithTheirOneWayLatency() {
        TransportSource source = new TransportSource();
        source.ratePerSecond = 20_000;
        LatencyRecorder latency = new LatencyRecorder();
        CpuCost cost = new CpuCost();
        source.open(series("fixedRate", "shm-ring", 64, "spin", "ratePerSecond", "20000"), cost);
        try {
            cost.startIteration();
            for (int i = 0; i < 450; i++) { // ends inside a batch of 200: the iteration's tear-down drains it
                bench.fixedRate(source, latency);
            }
            source.drain();
            cost.endIteration();
            assertEquals(450, latency.interval().getTotalCount());
            assertEquals(450, cost.messages);
            assertTrue(cost.cpuNs > 0);
            assertEquals(0, source.remaining);
            assertEquals(0, source.outcome.corrupt());
        } finally {
            source.close();
        }
    }

    @Test
    void corruptMessagesBecomeAnOutcomeThatCountsThem() throws Exception {
        TransportEcho echo = new TransportEcho();
        echo.open(series("roundTrip", "pipe", 8, "block"));
        echo.outcome.checked(false);
        echo.outcome.checked(false);
        echo.close();

        CSVRecord row = outcomes().getFirst();
        assertEquals("corrupt", row.get("status"));
        assertTrue(row.get("detail").startsWith("2 corrupt of " + (PairedFloor.PRIME_ROUND_TRIPS + 2)), row.get("detail"));
        assertFalse(row.get("detail").isBlank());
    }
}
