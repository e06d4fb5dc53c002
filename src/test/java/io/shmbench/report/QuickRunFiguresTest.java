package io.shmbench.report;

import io.shmbench.report.chart.ErrorBarRenderer;
import io.shmbench.report.chart.Figure;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Figures of a run shaped like a real quick run: JMH's 99.9% confidence half-widths over 3
 * iterations larger than the scores, one Q1 message size, parameters with a single value.
 */
class QuickRunFiguresTest {
    @TempDir
    static Path dir;
    static FixtureRun fixture;
    static ReportFixture report;

    @BeforeAll
    static void run() throws Exception {
        FixtureRun f = new FixtureRun(dir);
        fixture = f;
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
        for (String t : List.of("shm-ring", "uds", "mq")) {
            Map<String, String> p = Map.of("transport", t, "messageBytes", "64", "ratePerSecond", "10000",
                    "waitStrategy", t.equals("shm-ring") ? "spin" : "block");
            f.hlog("Q1Transports.fixedRate", p, 40_000, 2, 1);
            f.throughput("Q1Transports.fixedRate", p, 10_000, "ops/s", 1500);
            f.hlog("Q1Transports.roundTrip", Map.of("transport", t, "messageBytes", "64",
                    "waitStrategy", t.equals("shm-ring") ? "spin" : "block"), 600, 2, 1);
        }
        for (String t : List.of("shm-ring", "agrona", "uds", "tcp")) { // one message size, as a quick run has
            f.throughput("Q1Transports.throughput", Map.of("transport", t, "messageBytes", "2048",
                    "waitStrategy", t.equals("shm-ring") || t.equals("agrona") ? "spin" : "block"),
                    t.equals("tcp") ? 3.6e5 : 3e6, "ops/s", t.equals("tcp") ? 3.8e6 : 1e6);
        }
        for (String slots : List.of("1", "4", "64")) {
            f.throughput("Q3Slots.throughput", Map.of("slots", slots, "messageBytes", "64"), 8e6, "ops/s", 9e6);
        }
        for (String layout : List.of("AOS", "SOA", "HYBRID")) {
            for (String servers : List.of("16", "256")) {
                f.hlog("Q5PayloadLayoutCrossProcess.readerAggregate", Map.of("payloadLayout", layout, "servers", servers),
                        200, 2, 1);
            }
        }
        for (String placement : List.of("same-core", "cross-core")) {
            for (String t : List.of("floor", "shm-ring", "uds")) {
                f.hlog("Q6Placement.roundTrip", Map.of("placement", placement, "transport", t), 400, 2, 1);
            }
        }
        List<List<String>> faults = new java.util.ArrayList<>();
        for (int trial = 1; trial <= 3; trial++) {
            faults.add(List.of("writer kill -9", Integer.toString(trial), "detection_ns", Long.toString(7_500_000L * trial)));
            faults.add(List.of("slow reader: seqlock ring, 4 slots", Integer.toString(trial), "torn_caught_count", "13500"));
            faults.add(List.of("slow reader: seqlock ring, 4 slots", Integer.toString(trial), "gap_count", "11000"));
        }
        f.csv("q7_faults.csv", List.of("scenario", "trial", "metric", "value"), faults);
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

    @Test
    void titlesReadAsEnglish() {
        Map<String, String> titles = Map.of(
                "q1_fixedRate_percentiles_64B_10000", "Q1 fixed-rate latency, 64 B, 10,000 msg/s",
                "q1_roundTrip_percentiles_64B", "Q1 round-trip latency, 64 B",
                "q2_roundTrip_latency_64B", "Q2 round-trip latency by memory order, 64 B",
                "q2_throughput_throughput_64B", "Q2 throughput by memory order, 64 B",
                "q3_throughput_throughput_vs_slots", "Q3 throughput vs slots, 64 B",
                "q5_readerAggregate_latency_p50", "Q5 time to sum one feature by server count",
                "q6_roundTrip_latency_p50", "Q6 round-trip latency by placement");
        titles.forEach((id, title) -> assertEquals(title, report.figure(id).title(), id));
    }

    @Test
    void axesSayWhatIsMeasured() {
        assertEquals("one-way latency from intended send (ns)",
                ((XYPlot) report.figure("q1_fixedRate_percentiles_64B_10000").chart().getPlot()).getRangeAxis().getLabel());
        assertEquals("p50 time to sum one feature (ns)",
                bars("q5_readerAggregate_latency_p50").getRangeAxis().getLabel());
    }

    @Test
    void labelsNameOnlyWhatVariesInTheFigureTheTitleTheRest() {
        assertEquals(List.of("PACKED \u00b7 cacheRemoteIndex=false", "PACKED \u00b7 cacheRemoteIndex=true",
                        "PAD_64 \u00b7 cacheRemoteIndex=false", "PAD_64 \u00b7 cacheRemoteIndex=true",
                        "PAD_128 \u00b7 cacheRemoteIndex=false", "PAD_128 \u00b7 cacheRemoteIndex=true"),
                categories("q4_throughput_throughput_40B"));
        assertEquals("Q4 throughput by padding variant, 40 B, alignSlots=true, SLOT_SEQUENCE",
                report.figure("q4_throughput_throughput_40B").title());
        assertEquals(List.of("alignSlots=false \u00b7 SLOT_SEQUENCE", "alignSlots=false \u00b7 WRITE_INDEX",
                        "alignSlots=true \u00b7 SLOT_SEQUENCE", "alignSlots=true \u00b7 WRITE_INDEX"),
                categories("q4_roundTrip_latency_40B"));
        assertEquals("Q4 round-trip latency by padding variant, 40 B, PAD_128, cacheRemoteIndex=true",
                report.figure("q4_roundTrip_latency_40B").title());
        assertEquals(List.of("16", "256"), categories("q5_readerAggregate_latency_p50"));
        assertEquals(List.of("same-core", "cross-core"), categories("q6_roundTrip_latency_p50").subList(0, 2));
    }

    @SuppressWarnings("unchecked") // JFreeChart's datasets return raw lists
    private static List<String> categories(String id) {
        return bars(id).getDataset().getColumnKeys().stream().map(Object::toString).toList();
    }

    @Test
    void fixedRateShowsCpuPerMessageNotTheRateItWasGiven() {
        assertTrue(ids().stream().noneMatch(id -> id.startsWith("q1_fixedRate_throughput")), ids().toString());
        Figure cpu = report.figure("q1_fixedRate_cpu_64B_10000");
        assertEquals("Q1 CPU per message, fixed rate, 64 B, 10,000 msg/s", cpu.title());
        assertEquals("CPU time per message, both processes (ns)", bars(cpu.id()).getRangeAxis().getLabel());
        assertEquals(writtenCpu("Q1Transports.fixedRate"), barValues(cpu.id()));
    }

    @Test
    void fullSpeedThroughputHasItsCpuPerMessageToo() {
        assertEquals(writtenCpu("Q1Transports.throughput"), barValues("q1_throughput_cpu_2048B"));
        assertEquals("Q1 CPU per message, throughput, 2048 B", report.figure("q1_throughput_cpu_2048B").title());
    }

    @Test
    void oneMessageSizeGivesBarsPerTransportNotALineOfOnePoint() {
        assertTrue(ids().stream().noneMatch(id -> id.startsWith("q1_throughput_throughput_msgs")), ids().toString());
        CategoryPlot plot = bars("q1_throughput_throughput_2048B");
        assertEquals("Q1 throughput, 2048 B", report.figure("q1_throughput_throughput_2048B").title());
        assertEquals(List.of("agrona \u00b7 spin", "shm-ring \u00b7 spin", "uds \u00b7 block", "tcp \u00b7 block"),
                categories("q1_throughput_throughput_2048B"), "highest first");
        assertEquals(0, plot.getRangeAxis().getRange().getLowerBound());
        Range tcp = ((ErrorBarRenderer) plot.getRenderer()).errorBar(0, 3);
        assertEquals(new Range(0, 3.6e5 + 3.8e6), tcp, "the error bar is cut at zero");
    }

    /** Transport and wait strategy to the CPU ns per message the fixture wrote for {@code benchmark}. */
    private static Map<String, Double> writtenCpu(String benchmark) {
        Map<String, Double> cpu = new TreeMap<>();
        for (Map<String, Object> row : fixture.jmh) {
            if (row.get("benchmark").toString().endsWith(benchmark)) {
                @SuppressWarnings("unchecked")
                Map<String, String> p = (Map<String, String>) row.get("params");
                cpu.put(p.get("transport") + " \u00b7 " + p.get("waitStrategy"), (Double) row.get("cpu"));
            }
        }
        return cpu;
    }

    private static Map<String, Double> barValues(String id) {
        CategoryPlot plot = bars(id);
        assertEquals(1, plot.getDataset().getRowCount(), id + ": one bar per transport");
        Map<String, Double> values = new TreeMap<>();
        for (int c = 0; c < plot.getDataset().getColumnCount(); c++) {
            values.put(plot.getDataset().getColumnKey(c).toString(), plot.getDataset().getValue(0, c).doubleValue());
        }
        return values;
    }

    private static java.util.Set<String> ids() {
        return report.ids();
    }

    @Test
    void aFigureOfOneSeriesHasNoLegendAndNoRawColumnNameIsShown() {
        assertNull(report.figure("q3_throughput_throughput_vs_slots").chart().getLegend(), "one line, named by the title");
        Figure detection = report.figure("q7_detection_time");
        assertNull(detection.chart().getLegend(), "one metric");
        assertEquals("detection time (ms)", ((CategoryPlot) detection.chart().getPlot()).getRangeAxis().getLabel());
        assertEquals(List.of("torn caught", "gap"), bars("q7_loss_counts").getDataset().getRowKeys());
        assertNotNull(report.figure("q7_loss_counts").chart().getLegend(), "two metrics");
    }
}
