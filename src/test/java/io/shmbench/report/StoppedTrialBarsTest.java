package io.shmbench.report;

import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Q1 trial that timed out returns at once for the rest of its iterations, and JMH scores that as
 * a huge throughput: the per-transport bars (throughput at one size, CPU per message) draw no bar
 * for it, only its mark, as the question figures do.
 */
class StoppedTrialBarsTest {
    @TempDir
    Path dir;

    @Test
    void aTimedOutTransportKeepsItsPlaceMarkedButGetsNoBar() throws Exception {
        FixtureRun f = new FixtureRun(dir);
        f.env("shmbench-env/1");
        f.throughput("Q1Transports.throughput", Map.of("transport", "shm-ring", "messageBytes", "2048", "waitStrategy", "spin"),
                3e6, "ops/s", 1e5);
        f.throughput("Q1Transports.throughput", Map.of("transport", "uds", "messageBytes", "2048", "waitStrategy", "block"),
                9e9, "ops/s", 1e5); // the score of a trial that stopped waiting
        f.jmhFile();
        f.csv("outcomes.csv", List.of("benchmark", "params", "status", "detail"), List.of(
                List.of("Q1Transports.throughput", "messageBytes=2048,transport=uds,waitStrategy=block", "timed out",
                        "no sink report within 30 s")));
        ReportFixture report = ReportFixture.report(f);

        for (String id : List.of("q1_throughput_throughput_2048B", "q1_throughput_cpu_2048B")) {
            CategoryDataset bars = ((CategoryPlot) report.figure(id).chart().getPlot()).getDataset();
            List<String> categories = bars.getColumnKeys().stream().map(Object::toString).toList();
            String uds = categories.stream().filter(c -> c.startsWith("uds")).findFirst().orElseThrow(() -> new AssertionError(id + ": " + categories));
            String ring = categories.stream().filter(c -> c.startsWith("shm-ring")).findFirst().orElseThrow();
            assertTrue(uds.contains("timed out"), id + ": marked, " + uds);
            assertNull(bars.getValue(0, bars.getColumnIndex(uds)), id + ": no bar from a stopped trial");
            assertNotNull(bars.getValue(0, bars.getColumnIndex(ring)), id);
        }
        assertEquals(3e6, ((CategoryPlot) report.figure("q1_throughput_throughput_2048B").chart().getPlot())
                .getRangeAxis().getRange().getUpperBound(), 3e6 * 0.5, "the axis is not stretched to the stopped trial's score");
    }
}
