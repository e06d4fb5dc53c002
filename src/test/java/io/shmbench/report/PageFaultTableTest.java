package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults per message from the throughput counters: per series, the median of its rounds, written and summed up. */
class PageFaultTableTest {
    private static final double NO_ERROR = Double.NaN;

    private static JmhResult result(String method, String transport, double messages, double here, double peer, int index) {
        SeriesName key = SeriesName.of("io.shmbench.bench.Q1Transports." + method,
                Map.of("transport", transport, "messageBytes", "2048", "waitStrategy", "spin"));
        return new JmhResult(key, JmhResult.THROUGHPUT_MODE, new JmhMetric(1e6, NO_ERROR, "ops/s"),
                Map.of(Throughput.MESSAGES, new JmhMetric(messages, NO_ERROR, "#"),
                        "pageFaults", new JmhMetric(here, NO_ERROR, "#"),
                        "peerPageFaults", new JmhMetric(peer, NO_ERROR, "#")), index);
    }

    @Test
    void eachSeriesGetsTheMedianOfItsRoundsPerMessage() {
        List<JmhResult> jmh = new ArrayList<>(List.of(
                result("throughput", "chronicle-style", 1000, 10, 1, 0),
                result("throughput", "chronicle-style", 2000, 2, 2, 1),
                result("throughput", "chronicle-style", 1000, 4, 3, 2),
                result("throughput", "pipe", 0, 5, 5, 3))); // no message counted: no rate
        List<PageFaultTable.Row> rows = PageFaultTable.of(jmh);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(0.004, rows.getFirst().here(), 1e-12, "rounds 0.010, 0.001, 0.004");
        assertEquals(0.001, rows.getFirst().peer(), 1e-12, "rounds 0.001, 0.001, 0.003");
    }

    @Test
    void theSummaryNamesTheMethodAndOnlySharedMemoryTransports() {
        List<PageFaultTable.Row> rows = PageFaultTable.of(List.of(
                result("throughput", "shm-ring", 1000, 3, 0, 0),
                result("fixedRate", "shm-ring", 1000, 1, 0, 1),
                result("throughput", "pipe", 1000, 7, 7, 2)));
        List<String> lines = PageFaultTable.summaryLines(rows);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.contains("  Q1 page faults per message, shm-ring at 2048 B (throughput): 0.0030 here, 0.0000 in the peer"), lines.toString());
        assertTrue(lines.contains("  Q1 page faults per message, shm-ring at 2048 B (fixedRate): 0.0010 here, 0.0000 in the peer"), lines.toString());
    }

    @Test
    void theCsvHasTheRunAndKeyColumnsThenBothRates(@TempDir Path dir) throws IOException {
        Path file = PageFaultTable.write(dir, PageFaultTable.of(List.of(result("throughput", "agrona", 4000, 1, 2, 0))), "r1", "vm");
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("run_id,host,question,benchmark,transport,message_bytes,"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",page_faults_per_msg,peer_page_faults_per_msg"), lines.get(0));
        assertTrue(lines.get(1).startsWith("r1,vm,Q1,Q1Transports.throughput,agrona,2048,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",0.00025,0.0005"), lines.get(1));
    }
}
