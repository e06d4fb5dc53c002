package io.shmbench.report;

import io.shmbench.report.summary.QuestionSummary;
import io.shmbench.report.summary.RunSummary;
import io.shmbench.report.summary.SummaryTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.shmbench.report.SummaryFixture.answer;
import static io.shmbench.report.SummaryFixture.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary's answers on synthetic runs whose answers are known: a clear winner, a run where the
 * expected winner (the ring) loses, a tie within error, results without an error to test against,
 * and questions the run did not measure. The answers come from the data: the same code must say
 * "uds fastest" when uds is.
 */
class SummaryAnswersTest {
    @TempDir
    Path dir;

    private static Map<String, String> order(String memoryOrder) {
        return Map.of("memoryOrder", memoryOrder, "messageBytes", "64");
    }

    @Test
    void aClearWinnerIsNamedWithItsMarginOverTheNext() throws Exception {
        RunSummary s = new SummaryFixture(dir).transport("shm-ring", 2.0, 0.002).transport("agrona", 3.0, 0.002)
                .transport("uds", 40, 0.002)
                .throughput("Q1Transports.throughput", Map.of("transport", "shm-ring", "messageBytes", "64", "waitStrategy", "spin"), 10e6, 0.2e6)
                .throughput("Q1Transports.throughput", Map.of("transport", "uds", "messageBytes", "64", "waitStrategy", "spin"), 2e6, 0.1e6)
                .summary();
        String roundTrip = answer(s, "Q1", "Round trip at 64 B");
        assertTrue(roundTrip.startsWith("Round trip at 64 B: shm-ring fastest, 2.00x floor ["), roundTrip);
        assertTrue(roundTrip.contains("1.50x faster than agrona at 3.00x floor ["), roundTrip);
        assertTrue(roundTrip.contains("slowest uds at 40.0x floor ["), roundTrip);
        assertTrue(roundTrip.contains("20.0x slower"), roundTrip);
        assertEquals("Throughput at 64 B: shm-ring highest, 10.0 \u00b1 0.2 M msgs/s, 5.00x the rate of uds at 2.00 \u00b1 0.10 M msgs/s",
                answer(s, "Q1", "Throughput at 64 B"));
        List<String> row = question(s, "Q1").tables().getFirst().rows().getFirst();
        assertEquals("Round trip at 64 B", row.getFirst());
        assertEquals(List.of("1.50x", "differs beyond error"), row.subList(3, 5));
    }

    @Test
    void theSinkAloneIsTheCeilingNotACompetitor() throws Exception {
        RunSummary s = new SummaryFixture(dir)
                .throughput("Q1Transports.throughput", Map.of("transport", "shm-ring", "messageBytes", "2048", "waitStrategy", "spin"), 2e6, 0.1e6)
                .throughput("Q1Transports.throughput", Map.of("transport", "uds", "messageBytes", "2048", "waitStrategy", "spin"), 1e6, 0.1e6)
                .throughput("Q1SinkAlone.receive", Map.of("messageBytes", "2048"), 4e6, 0.1e6)
                .summary();
        String throughput = answer(s, "Q1", "Throughput at 2048 B");
        assertTrue(throughput.startsWith("Throughput at 2048 B: shm-ring highest"), throughput);
        assertFalse(throughput.contains("receive"), "the sink alone is no transport: " + throughput);
        assertEquals("The sink alone (its copy and CRC32C, no transport) at 2048 B: 4.00 \u00b1 0.10 M msgs/s; the fastest "
                + "transport, shm-ring, reaches 50% of it", answer(s, "Q1", "The sink alone"));
    }

    /** With the ring's C peer measured too, Q1 says how much of shm-ring's round trip its JVM peer takes, at each size. */
    @Test
    void theRingBesideItsCPeerSaysHowMuchOfItsRoundTripIsTheJvmPeers() throws Exception {
        RunSummary s = new SummaryFixture(dir).transport("shm-ring", 2.6, 0.002).transport("shm-ring-c", 2.0, 0.002)
                .transport("uds", 40, 0.002)
                .roundTrip(SummaryFixture.Q1, Map.of("transport", "shm-ring", "messageBytes", "2048", "waitStrategy", "spin"), 3.0, 0.3)
                .roundTrip(SummaryFixture.Q1, Map.of("transport", "shm-ring-c", "messageBytes", "2048", "waitStrategy", "spin"), 2.95, 0.3)
                .roundTrip(SummaryFixture.Q1, Map.of("transport", "shm-ring", "messageBytes", "8", "waitStrategy", "spin"), 1.7, 0.002)
                .roundTrip(SummaryFixture.Q1, Map.of("transport", "shm-ring-c", "messageBytes", "8", "waitStrategy", "spin"), 2.0, 0.002)
                .summary();
        String at64 = answer(s, "Q1", "The JVM peer's part of shm-ring's round trip at 64 B");
        assertTrue(at64.matches("The JVM peer's part of shm-ring's round trip at 64 B: shm-ring 2\\.60x floor \\[[0-9.-]+] with its "
                + "JVM peer, shm-ring-c 2\\.00x floor \\[[0-9.-]+] with the C one, 1\\.30x \\[1\\.\\d\\d-1\\.\\d\\d]: the JVM peer adds "
                + "23% of shm-ring's round trip \\(the measuring side is the JVM in both\\)"), at64);
        String at2048 = answer(s, "Q1", "The JVM peer's part of shm-ring's round trip at 2048 B");
        assertTrue(at2048.endsWith(": no measurable difference, the JVM peer adds nothing the run can tell apart "
                + "(the measuring side is the JVM in both)"), at2048);
        String at8 = answer(s, "Q1", "The JVM peer's part of shm-ring's round trip at 8 B");
        assertTrue(at8.matches(".*, 0\\.85x \\[0\\.8\\d-0\\.8\\d]: the C peer's round trip is the longer one, the JVM peer costs nothing over it .*"), at8);
        List<String> answers = question(s, "Q1").answers();
        assertTrue(answers.indexOf(at64) > answers.indexOf(answer(s, "Q1", "Round trip at 2048 B")), "after the round trips");
        SummaryTable table = question(s, "Q1").tables().stream().filter(x -> x.title().startsWith("The JVM peer's part")).findFirst()
                .orElseThrow();
        assertEquals(List.of("8 B", "64 B", "2048 B"), table.rows().stream().map(List::getFirst).toList());
        assertEquals(List.of("none (the C peer is slower)", "23%", "not measurable"), table.rows().stream().map(r -> r.get(4)).toList());
        assertEquals(List.of("floor_multiples.csv"), table.sources());
    }

    /**
     * On a host whose blocks fell into a fast and a slow state, the two peers are compared within each
     * state both spent enough blocks in: over all blocks, a C peer that happened to run more in the slow
     * state would look slower for that alone.
     */
    @Test
    void theJvmPeersPartIsReadWithinEachHostState() throws Exception {
        Map<String, String> jvm = Map.of("transport", "shm-ring", "messageBytes", "64", "waitStrategy", "spin");
        Map<String, String> c = Map.of("transport", "shm-ring-c", "messageBytes", "64", "waitStrategy", "spin");
        RunSummary s = new SummaryFixture(dir).roundTrip(SummaryFixture.Q1, jvm, 1.5, 2.0, 0.1, 0.002)
                .roundTrip(SummaryFixture.Q1, c, 1.4, 1.9, 0.5, 0.002).summary();
        String fast = answer(s, "Q1", "The JVM peer's part of shm-ring's round trip at 64 B, fast host state: ");
        assertTrue(fast.contains("shm-ring 1.50x floor") && fast.contains("shm-ring-c 1.40x floor") && fast.contains(", 1.07x ["), fast);
        String slow = answer(s, "Q1", "The JVM peer's part of shm-ring's round trip at 64 B, slow host state: ");
        assertTrue(slow.contains(", 1.05x ["), slow);
        assertTrue(question(s, "Q1").answers().stream().noneMatch(a -> a.startsWith("The JVM peer's part of shm-ring's round trip at 64 B: ")),
                "not over all blocks, where the C peer's larger slow share would make it look slower");
    }

    @Test
    void whenTheRingLosesTheAnswerSaysSo() throws Exception {
        // A kernel transport beating the shared-memory ring: not what the theory expects, but what this run measured.
        RunSummary s = new SummaryFixture(dir).transport("uds", 1.5, 0.002).transport("agrona", 1.8, 0.002)
                .transport("shm-ring", 2.2, 0.002).transport("tcp", 50, 0.002)
                .throughput("Q1Transports.throughput", Map.of("transport", "shm-ring", "messageBytes", "64", "waitStrategy", "spin"), 1e6, 0.05e6)
                .throughput("Q1Transports.throughput", Map.of("transport", "pipe", "messageBytes", "64", "waitStrategy", "spin"), 3e6, 0.05e6)
                .summary();
        String roundTrip = answer(s, "Q1", "Round trip at 64 B");
        assertTrue(roundTrip.startsWith("Round trip at 64 B: uds fastest, 1.50x floor ["), roundTrip);
        assertTrue(roundTrip.contains("1.20x faster than agrona at 1.80x floor"), roundTrip);
        assertTrue(roundTrip.contains("; shm-ring at 2.20x floor ["), "the ring is named wherever it ranks: " + roundTrip);
        assertTrue(roundTrip.contains("1.47x slower"), roundTrip);
        assertFalse(roundTrip.contains("shm-ring fastest"), roundTrip);
        assertTrue(answer(s, "Q1", "Throughput at 64 B").startsWith("Throughput at 64 B: pipe highest, 3.00 \u00b1 0.05 M msgs/s, "
                + "3.00x the rate of shm-ring"), answer(s, "Q1", "Throughput at 64 B"));
    }

    @Test
    void overlappingIntervalsAreATieNotAWinner() throws Exception {
        RunSummary s = new SummaryFixture(dir).transport("shm-ring", 2.0, 0.1).transport("agrona", 2.01, 0.1)
                .transport("uds", 40, 0.1)
                .roundTrip(SummaryFixture.Q2, order("RELEASE_ACQUIRE"), 2.0, 0.1)
                .roundTrip(SummaryFixture.Q2, order("VOLATILE"), 2.01, 0.1)
                .throughput("Q2MemoryOrders.throughput", order("RELEASE_ACQUIRE"), 5.0e6, 0.3e6)
                .throughput("Q2MemoryOrders.throughput", order("VOLATILE"), 4.8e6, 0.3e6)
                .avgt("Q5PayloadLayout.writeSnapshot", Map.of("payloadLayout", "AOS", "servers", "256"), 200, 5)
                .avgt("Q5PayloadLayout.writeSnapshot", Map.of("payloadLayout", "SOA", "servers", "256"), 204, 6)
                .summary();
        String q1 = answer(s, "Q1", "Round trip at 64 B");
        assertTrue(q1.matches("Round trip at 64 B: (shm-ring|agrona) at 2\\.0\\dx floor \\[[^]]+] and (agrona|shm-ring) at "
                + "2\\.0\\dx floor \\[[^]]+] tie within error; next uds at .*"), q1);
        String orders = answer(s, "Q2", "Round trip by memory order");
        assertTrue(orders.startsWith("Round trip by memory order: no measurable difference between "), orders);
        assertTrue(orders.contains("RELEASE_ACQUIRE at ") && orders.contains("VOLATILE at ") && orders.endsWith("the intervals overlap"), orders);
        assertTrue(answer(s, "Q2", "Throughput by memory order").contains("no measurable difference"));
        assertEquals("In one process at 256 servers, SoA against AoS: writeSnapshot no measurable difference (+2%): "
                + "204 \u00b1 6 ns against 200 \u00b1 5 ns", answer(s, "Q5", "In one process"));
    }

    @Test
    void aDifferenceTheClockCannotResolveIsATie() throws Exception {
        // A run recorded on a 10 ns clock (Q2's blocks show the step), in which tcp and uds made the same
        // block p50s every time: 3900 and 3980 ns over a 130 ns floor. The bootstrap alone gives both multiples
        // intervals of no width, which would call their 2% difference beyond the error.
        SummaryFixture f = new SummaryFixture(dir).transport("tcp", 3900.0 / 130, 0).transport("uds", 3980.0 / 130, 0)
                .onClockSteps(SummaryFixture.Q2, order("RELEASE_ACQUIRE"), 2.0, 10);
        String q1 = answer(f.summary(), "Q1", "Round trip at 64 B");
        assertTrue(q1.matches("Round trip at 64 B: no measurable difference between tcp at 30\\.0x floor \\[2[89]\\.\\d-3[01]\\.\\d] "
                + "and uds at 30\\.6x floor \\[[^]]+]; the intervals overlap"), q1);

        SummaryFixture oneNs = new SummaryFixture(dir.resolve("one-ns")).transport("tcp", 3900.0 / 130, 0)
                .transport("uds", 3980.0 / 130, 0).onClockSteps(SummaryFixture.Q2, order("RELEASE_ACQUIRE"), 2.0, 1);
        assertTrue(answer(oneNs.summary(), "Q1", "Round trip at 64 B").contains("tcp fastest"),
                "on a clock of 1 ns the same 2% is beyond the error");
    }

    @Test
    void aCorePairMeasuredOnceARoundIsOnePairNotARange() throws Exception {
        // Two rounds on a 2-CPU machine: the one pair twice. Not "130 ns between CPUs 0 and 1 to 131 ns between CPUs 0 and 1".
        SummaryFixture f = new SummaryFixture(dir);
        f.run.csv("q6_core_matrix.csv", List.of("cpu_a", "cpu_b", "p50_ns", "p99_ns"),
                List.of(List.of("0", "1", "131", "470"), List.of("0", "1", "129", "150")));
        String cores = answer(f.summary(), "Q6", "Core to core");
        assertEquals("Core to core, one cache line's round trip (p50): 130 ns between CPUs 0 and 1, the only pair "
                + "(median of its 2 measurements)", cores);
    }

    @Test
    void resultsWithoutAnErrorAreRankedButNotTested() throws Exception {
        RunSummary s = new SummaryFixture(dir)
                .throughput("Q4Padding.throughput", Map.of("padding", "PAD_64", "cacheRemoteIndex", "true"), 3e6, Double.NaN)
                .throughput("Q4Padding.throughput", Map.of("padding", "PACKED", "cacheRemoteIndex", "true"), 2e6, Double.NaN)
                .throughput("Q4Padding.throughput", Map.of("padding", "PAD_64", "cacheRemoteIndex", "false"), 2.5e6, Double.NaN)
                .summary();
        assertEquals("Throughput by padding layout: PAD_64 (cacheRemoteIndex=true) highest, 3.00 M msgs/s, 1.20x the rate of "
                + "PAD_64 (cacheRemoteIndex=false) at 2.50 M msgs/s; not tested against error (no interval in this run); "
                + "lowest PACKED (cacheRemoteIndex=true) at 2.00 M msgs/s, 1.50x lower", answer(s, "Q4", "Throughput"));
        assertEquals("not tested: no interval", question(s, "Q4").tables().getFirst().rows().getFirst().get(4));
    }

    @Test
    void questionsTheRunDidNotMeasureAreListedAsSuch() throws Exception {
        RunSummary s = new SummaryFixture(dir)
                .avgt("Q0RecordingCost.timestampsAndRecord", Map.of(), 65.6, 1.2)
                .avgt("Q0RecordingCost.timestampsOnly", Map.of(), 50.1, 0.8)
                .avgt("Q0RecordingCost.recordOnly", Map.of(), 4.07, 0.05)
                .summary();
        assertEquals(List.of("Q0"), s.measured().stream().map(QuestionSummary::question).toList());
        assertEquals(List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7"), s.notMeasured().stream().map(QuestionSummary::question).toList());
        for (QuestionSummary q : s.notMeasured()) {
            assertTrue(q.answers().isEmpty() && q.tables().isEmpty(), q.question() + " claims nothing");
            assertFalse(q.notes().isEmpty(), q.question() + " says why");
        }
        assertEquals("Recording one latency costs 65.6 \u00b1 1.2 ns on average (the clock reads 50.1 \u00b1 0.8 ns, the "
                + "histogram record 4.07 \u00b1 0.05 ns); every recorded latency and every average time of a latency benchmark "
                + "includes it", answer(s, "Q0", "Recording"));
    }

    @Test
    void theSlotCountThatStopsTheLossIsReadFromTheLossItself() throws Exception {
        SummaryFixture f = new SummaryFixture(dir);
        for (double[] p : new double[][]{{1, 0.2}, {2, 0}, {4, 0.003}}) {
            f.loss("newest", 1.25, (int) p[0], p[1]);
        }
        // W/R = 4: 4 slots are what the rule asks for, but this run still lost 2% there; the answer follows the run.
        for (double[] p : new double[][]{{1, 0.75}, {2, 0.5}, {4, 0.02}, {8, 0.005}, {64, 0}}) {
            f.loss("newest", 4, (int) p[0], p[1]);
        }
        for (double[] p : new double[][]{{1, 0.5}, {2, 0}, {64, 0.03}}) {
            f.loss("oldest", 2, (int) p[0], p[1]);
        }
        RunSummary s = f.summary();
        assertEquals("Lap policy newest: the loss stops (below 1% from there on) at 2 slots for W/R = 1.25 (rule 2) and "
                + "8 slots for W/R = 4 (rule 4)", answer(s, "Q3", "Lap policy newest"));
        assertEquals("Lap policy oldest: no measured slot count stops the loss (below 1% from there on) at W/R = 2 "
                + "(least 0% at 2 slots, 3% at 64 slots; rule 2)", answer(s, "Q3", "Lap policy oldest"));
        List<String> row = question(s, "Q3").tables().getFirst().rows().get(1);
        assertEquals(List.of("newest", "4", "1: 75%, 2: 50%, 4: 2%, 8: 0.5%, 64: 0%", "8 slots", "4"), row);
    }

    @Test
    void ratiosWhoseLossStopsAtTheSameSlotCountShareOneClause() throws Exception {
        SummaryFixture f = new SummaryFixture(dir);
        for (double ratio : new double[]{1, 1.25, 4}) {
            f.loss("newest", ratio, 64, 0);
        }
        assertEquals("Lap policy newest: the loss stops (below 1% from there on) at 64 slots, the fewest measured, for "
                + "W/R = 1 (rule 1), W/R = 1.25 (rule 2) and W/R = 4 (rule 4)", answer(f.summary(), "Q3", "Lap policy newest"));
    }

    @Test
    void soaSavingsAreMeasuredAgainstAosAtTheLargestServerCount() throws Exception {
        RunSummary s = new SummaryFixture(dir)
                .avgt("Q5PayloadLayout.aggregateFeature", Map.of("payloadLayout", "AOS", "servers", "16"), 30, 1)
                .avgt("Q5PayloadLayout.aggregateFeature", Map.of("payloadLayout", "SOA", "servers", "16"), 20, 1)
                .avgt("Q5PayloadLayout.aggregateFeature", Map.of("payloadLayout", "AOS", "servers", "256"), 300, 5)
                .avgt("Q5PayloadLayout.aggregateFeature", Map.of("payloadLayout", "SOA", "servers", "256"), 120, 4)
                .avgt("Q5PayloadLayout.aggregateFeature", Map.of("payloadLayout", "HYBRID", "servers", "256"), 130, 4)
                .avgt("Q5PayloadLayout.writeSnapshot", Map.of("payloadLayout", "AOS", "servers", "256"), 200, 5)
                .avgt("Q5PayloadLayout.writeSnapshot", Map.of("payloadLayout", "SOA", "servers", "256"), 280, 5)
                .avgt("Q5PayloadLayoutCrossProcess.readerAggregate", Map.of("payloadLayout", "AOS", "servers", "256"), 20_000, 500)
                .avgt("Q5PayloadLayoutCrossProcess.readerAggregate", Map.of("payloadLayout", "SOA", "servers", "256"), 5_000, 200)
                .summary();
        assertEquals("In one process at 256 servers, SoA against AoS: aggregateFeature saves 60%: 120 \u00b1 4 ns against "
                + "300 \u00b1 5 ns, writeSnapshot costs 40% more: 280 \u00b1 5 ns against 200 \u00b1 5 ns", answer(s, "Q5", "In one process"));
        assertEquals("Across processes at 256 servers, SoA against AoS: readerAggregate saves 75%: 5.00 \u00b1 0.20 \u00b5s "
                + "against 20.0 \u00b1 0.5 \u00b5s", answer(s, "Q5", "Across processes"));
        List<String> row = question(s, "Q5").tables().getFirst().rows().stream()
                .filter(r -> r.get(1).equals("aggregateFeature") && r.get(2).equals("256")).findFirst().orElseThrow();
        assertEquals(List.of("300 \u00b1 5 ns", "120 \u00b1 4 ns", "130 \u00b1 4 ns", "saves 60%"), row.subList(3, 7));
    }

    @Test
    void aDeadWritersDetectionIsItsMedianAndRangeOverTheTrials() throws Exception {
        SummaryFixture f = new SummaryFixture(dir);
        f.run.csv("q7_faults.csv", List.of("scenario", "trial", "metric", "value"), List.of(
                List.of("writer kill -9", "1", "detection_ns", "9000000"),
                List.of("writer kill -9", "2", "detection_ns", "7000000"),
                List.of("writer kill -9", "3", "detection_ns", "12000000"),
                List.of("slow reader", "1", "delivered_count", "900"),
                List.of("slow reader", "1", "torn_delivered_count", "0"),
                List.of("slow reader", "2", "delivered_count", "1100"),
                List.of("slow reader", "2", "torn_delivered_count", "0")));
        RunSummary s = f.summary();
        assertEquals("writer kill -9: detected after 9.00 ms (median of 3 trials, 7.00 ms to 12.0 ms)",
                answer(s, "Q7", "writer kill"));
        assertEquals("slow reader: torn delivered 0, delivered 2,000 (summed over 2 trials)", answer(s, "Q7", "slow reader"));
    }

    @Test
    void failedVariantsAreLeftOutOfTheComparisonAndListed() throws Exception {
        SummaryFixture f = new SummaryFixture(dir)
                .roundTrip(SummaryFixture.Q2, order("RELEASE_ACQUIRE"), 2.0, 0.002)
                .roundTrip(SummaryFixture.Q2, order("VOLATILE"), 2.4, 0.002)
                .roundTrip(SummaryFixture.Q2, order("PLAIN"), 1.0, 0.002);
        f.run.csv("outcomes.csv", List.of("benchmark", "params", "status", "detail"), List.of(
                List.of("Q2MemoryOrders.roundTrip", "memoryOrder=PLAIN,messageBytes=64", "timed out", "no echo within 30 s")));
        RunSummary s = f.summary();
        String orders = answer(s, "Q2", "Round trip by memory order");
        assertTrue(orders.startsWith("Round trip by memory order: RELEASE_ACQUIRE fastest, 2.00x floor ["), orders);
        assertTrue(orders.contains("1.20x faster than VOLATILE"), orders);
        assertFalse(orders.contains("PLAIN"), "a variant that hung is no contender: " + orders);
        assertEquals("Did not end well (left out of the comparisons): roundTrip PLAIN (timed out)",
                answer(s, "Q2", "Did not end well"));
    }

    @Test
    void onAHostThatSwitchesStatesTheMultiplesAreComparedWithinEachState() throws Exception {
        // SamePairFixture.standard: 30% of the blocks in a slow state, where each transport has another multiple.
        FixtureRun run = SamePairFixture.standard(dir);
        Problems problems = new Problems();
        RunData data = RunReader.read(RunLayout.of(run.runDir, null), problems);
        RunSummary s = RunSummary.of(FixtureRun.RUN_ID, data.environment(), ReportTables.of(data), problems);
        String fast = answer(s, "Q1", "Round trip at 64 B, fast host state");
        assertTrue(fast.startsWith("Round trip at 64 B, fast host state: shm-ring (spin) fastest, 2.20x floor ["), fast);
        assertTrue(fast.contains("1.05x faster than chronicle-style (spin) at 2.30x floor"), fast);
        String slow = answer(s, "Q1", "Round trip at 64 B, slow host state");
        assertTrue(slow.startsWith("Round trip at 64 B, slow host state: shm-ring (spin) fastest, 2.60x floor ["), slow);
        assertTrue(slow.contains("slowest tcp (block) at 30.9x floor"), slow);
        assertTrue(question(s, "Q1").answers().stream().noneMatch(a -> a.startsWith("Round trip at 64 B:")),
                "no answer from the medians over all blocks, which mix the states: " + question(s, "Q1").answers());
        assertTrue(question(s, "Q1").notes().stream().anyMatch(n -> n.startsWith("At 64 B: The blocks fell into a fast and a slow host state")),
                question(s, "Q1").notes().toString());
    }
}
