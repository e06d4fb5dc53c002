package io.shmbench.gate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run-bench.sh compare}: runs side by side, what one run lacks shown as such, bad input refused. */
class CompareCommandTest {
    @TempDir
    Path root;

    @Test
    void twoRunsWithPartlyDifferentBenchmarksKeepWhatOnlyOneHas() throws Exception {
        Path a = new TidyRunFixture(root, "monday").multiple("shm-ring", "all", 130, 1.4, 1.35, 1.45)
                .multiple("agrona", "all", 130, 1.6, 1.5, 1.7).throughput("shm-ring", 1e7, 1e5, 90)
                .latency(TidyRunFixture.RT, "shm-ring", 190, 300).write();
        Path b = new TidyRunFixture(root, "tuesday").cpu("Intel Xeon").multiple("shm-ring", "all", 130, 1.5, 1.45, 1.55)
                .multiple("uds", "all", 130, 25, 24, 26).latency(TidyRunFixture.RT, "shm-ring", 210, 320).write();
        Path out = root.resolve("cmp");
        GateRun r = GateRun.of("compare", a.toString(), b.toString(), "--labels", "mon,tue", "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("tue ran on another kind of machine than mon (cpu.model 'AMD EPYC' / 'Intel Xeon')"), r.out());

        String html = Files.readString(out.resolve("index.html"));
        String agrona = "Q1Transports.roundTrip transport=agrona message_bytes=64 wait_strategy=spin";
        String uds = "Q1Transports.roundTrip transport=uds message_bytes=64 wait_strategy=spin";
        assertTrue(html.contains("<td>" + agrona + "</td><td>p50_x_floor all</td><td>1.60 [1.50, 1.70] at floor 130 ns</td><td>\u2014</td>"),
                "a series only the first run has");
        assertTrue(html.contains("<td>" + uds + "</td><td>p50_x_floor all</td><td>\u2014</td><td>25.0 [24.0, 26.0] at floor 130 ns</td>"),
                "and one only the second has");
        assertTrue(html.contains("<td>p50_x_floor all</td><td>1.40 [1.35, 1.45] at floor 130 ns</td><td>1.50 [1.45, 1.55] at floor 130 ns</td><td>1.071</td>"),
                "the ratio of the second run to the first");
        assertTrue(html.contains("<tr class=\"diff\"><td>cpu.model</td><td>AMD EPYC</td><td>Intel Xeon</td></tr>"), "environments");
        for (String id : List.of("q1_compare_p50_x_floor", "q1_compare_latency_p50", "q1_compare_throughput")) {
            for (String ext : List.of("png", "svg", "pdf")) {
                assertTrue(Files.size(out.resolve(id + "." + ext)) > 0, id + "." + ext);
            }
            assertTrue(html.contains("src=\"" + id + ".png\""), id);
        }

        List<CSVRecord> combined;
        try (CSVParser p = CSVParser.parse(out.resolve("csv/floor_multiples.csv"), StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of("run_id", "host"), p.getHeaderNames().subList(0, 2));
            combined = p.getRecords();
        }
        assertEquals(4, combined.size(), "every row of both runs");
        assertEquals(List.of("monday", "monday", "tuesday", "tuesday"), combined.stream().map(x -> x.get("run_id")).toList());
        assertEquals("host-tuesday", combined.get(3).get("host"));
        assertEquals(TidyRun.FILES.size(), Files.list(out.resolve("csv")).count(), "every table combined");
    }

    @Test
    void labelsDefaultToRunIdsAndFiguresGoUnderTheProjectsPlots() throws Exception {
        Path a = new TidyRunFixture(root, "a").multiple("shm-ring", "all", 130, 1.4, 1.35, 1.45).write();
        Path b = new TidyRunFixture(root, "b").multiple("shm-ring", "all", 130, 1.5, 1.45, 1.55).write();
        GateRun r = GateRun.of("compare", a.toString(), b.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(Files.isRegularFile(root.resolve("plots/compare-a-vs-b/index.html")), r.out());
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws Exception {
        Path a = new TidyRunFixture(root, "a").multiple("shm-ring", "all", 130, 1.4, 1.35, 1.45).write();
        Path out = root.resolve("cmp");
        GateRun notARun = GateRun.of("compare", a.toString(), root.resolve("results").toString(), "--out", out.toString());
        assertEquals(2, notARun.exit());
        assertTrue(notARun.err().contains("is not a run directory"), notARun.err());
        assertEquals(2, GateRun.of("compare", a.toString(), "--out", out.toString()).exit(), "one run is not a comparison");
        GateRun labels = GateRun.of("compare", a.toString(), a.toString(), "--labels", "x", "--out", out.toString());
        assertEquals(2, labels.exit());
        assertTrue(labels.err().contains("--labels gives 1 names for 2 runs"), labels.err());
        assertEquals(2, GateRun.of("compare", a.toString(), a.toString(), "--labels", "x,x", "--out", out.toString()).exit());
        Files.writeString(root.resolve("a-file"), "");
        assertEquals(2, GateRun.of("compare", a.toString(), a.toString(), "--out", root.resolve("a-file").toString()).exit());
        Path broken = new TidyRunFixture(root, "b").multiple("shm-ring", "all", 130, 1.4, 1.35, 1.45).write();
        Files.writeString(broken.resolve("csv/throughput.csv"), "");
        GateRun corrupt = GateRun.of("compare", a.toString(), broken.toString(), "--out", out.toString());
        assertEquals(2, corrupt.exit());
        assertTrue(corrupt.err().contains("throughput.csv: empty"), corrupt.err());
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(root.resolve("plots")));
    }
}
