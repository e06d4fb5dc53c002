package io.shmbench.report;

import io.shmbench.report.chart.ErrorBarRenderer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Figures of a run shaped like a real quick run: JMH's 99.9% confidence half-widths over 3
 * iterations larger than the scores, one Q1 message size, parameters with a single value.
 */
class QuickRunFiguresTest {
    @TempDir
    static Path dir;
    static ReportFixture report;

    @BeforeAll
    static void run() throws Exception {
        FixtureRun f = new FixtureRun(dir);
        f.env("shmbench-env/1");
        for (String order : List.of("PLAIN", "OPAQUE", "RELEASE_ACQUIRE", "VOLATILE", "FENCED")) {
            Map<String, String> p = Map.of("memoryOrder", order, "messageBytes", "64");
            f.hlog("Q2MemoryOrders.roundTrip", p, 300, 2, 1);
            f.throughput("Q2MemoryOrders.throughput", p, 12e6, "ops/s", 22e6); // half-width above the score
        }
        for (String pad : List.of("PACKED", "PAD_64", "PAD_128")) {
            for (String cache : List.of("true", "false")) {
                f.throughput("Q4Padding.throughput", Map.of("padding", pad, "cacheRemoteIndex", cache, "alignSlots", "true",
                        "readerPoll", "SLOT_SEQUENCE", "messageBytes", "40"), 11e6, "ops/s", 110e6);
            }
        }
        for (String align : List.of("true", "false")) {
            for (String poll : List.of("SLOT_SEQUENCE", "WRITE_INDEX")) {
                f.hlog("Q4Padding.roundTrip", Map.of("padding", "PAD_128", "cacheRemoteIndex", "true", "alignSlots", align,
                        "readerPoll", poll, "messageBytes", "40"), 600, 2, 1);
            }
        }
        f.jmhFile();
        report = ReportFixture.report(f);
    }

    static CategoryPlot bars(String id) {
        return (CategoryPlot) report.figure(id).chart().getPlot();
    }

    @Test
    void throughputErrorBarsStopAtZeroAndTheAxisStartsThere() {
        for (String id : List.of("q2_throughput_throughput_64B", "q4_throughput_throughput_40B")) {
            CategoryPlot plot = bars(id);
            assertEquals(0, plot.getRangeAxis().getRange().getLowerBound(), id + ": " + plot.getRangeAxis().getRange());
            ErrorBarRenderer r = (ErrorBarRenderer) plot.getRenderer();
            int withBars = 0;
            for (int row = 0; row < plot.getDataset().getRowCount(); row++) {
                for (int column = 0; column < plot.getDataset().getColumnCount(); column++) {
                    Number value = plot.getDataset().getValue(row, column);
                    if (value != null) {
                        Range e = r.errorBar(row, column);
                        assertNotNull(e, id + " bar " + column);
                        assertEquals(0, e.getLowerBound(), id + ": cut at zero");
                        assertEquals(value.doubleValue() + (id.startsWith("q2") ? 22e6 : 110e6), e.getUpperBound(), 1,
                                id + ": the high end stays");
                        withBars++;
                    }
                }
            }
            assertTrue(withBars >= 5, id + ": " + withBars);
            assertTrue(plot.getRangeAxis().getRange().getUpperBound() >= 11e6 + 110e6 || id.startsWith("q2"),
                    "the axis holds the highest error bar");
        }
    }
}
